/** The {@code jvm} kind: the running JVM, or the one installed at a given home, has the expected version, vendor and properties. */
package org.postpatch.probes.system.jvm;
