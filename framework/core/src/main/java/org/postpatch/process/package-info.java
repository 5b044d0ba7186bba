/**
 * Another JVM process read from outside, through {@code /proc}: which process listens on a port,
 * its JVM, its class path and when it started — the application's fingerprint for the command line.
 */
package org.postpatch.process;
