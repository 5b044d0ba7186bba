/** What application code uses: the {@code @Probe} annotation, the probe context and outcomes. */
package org.postpatch.api;
