/** The {@code junit} probe kind: an application's own JUnit tests, run through the JUnit Platform Launcher as one probe. */
package org.postpatch.probes.junit;
