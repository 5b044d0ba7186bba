/** Probes written in Java: {@code @Probe} methods, found in the classes a suite names. */
package org.postpatch.methods;
