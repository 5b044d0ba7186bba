/** The {@code file} kind: a path exists (or not) with the expected type, permissions, owner, size, digest and content. */
package org.postpatch.probes.system.file;
