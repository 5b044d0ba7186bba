/** The declarative {@code http} probe kind: one request, its expectations and its captures. */
package org.postpatch.probes.http;
