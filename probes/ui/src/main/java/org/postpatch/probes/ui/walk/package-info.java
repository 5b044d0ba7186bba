/** Walking a {@code ui} probe's steps in a browser: finding elements, waiting within bounds, judging pages, keeping evidence. */
package org.postpatch.probes.ui.walk;
