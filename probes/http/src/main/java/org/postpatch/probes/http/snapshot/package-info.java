/** Snapshot expectations of the {@code http} kind: the baseline's response is the expectation, its noise learned from two samples. */
package org.postpatch.probes.http.snapshot;
