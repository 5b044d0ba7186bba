/** What an {@code http} probe declares, read and validated from its block in a probe file. */
package org.postpatch.probes.http.spec;
