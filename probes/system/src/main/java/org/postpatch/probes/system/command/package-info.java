/** The {@code command} kind: runs a program (without a shell unless asked) and checks its exit code and output. */
package org.postpatch.probes.system.command;
