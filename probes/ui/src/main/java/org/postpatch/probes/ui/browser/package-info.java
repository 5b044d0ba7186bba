/** The browsers behind {@code ui} probes: starting them, sharing them within a run, and making sure none outlives it. */
package org.postpatch.probes.ui.browser;
