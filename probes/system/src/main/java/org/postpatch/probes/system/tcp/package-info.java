/** The {@code tcp} kind: a port accepts connections, and optionally greets with the expected banner. */
package org.postpatch.probes.system.tcp;
