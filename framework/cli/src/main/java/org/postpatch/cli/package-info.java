/** The {@code postpatch} command: one class per verb, shared options in mixins, every verb returns an exit code. */
package org.postpatch.cli;
