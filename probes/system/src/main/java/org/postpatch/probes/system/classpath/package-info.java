/** The {@code classpath} kind: an artifact is present at an acceptable version (every copy of it), or absent, and a class is loadable. */
package org.postpatch.probes.system.classpath;
