/** Versions as people and build tools write them, and the ranges that the jvm and classpath kinds accept. */
package org.postpatch.probes.system.version;
