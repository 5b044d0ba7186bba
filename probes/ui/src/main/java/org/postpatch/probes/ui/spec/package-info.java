/** What a {@code ui} probe declares: the browser, the first page, and the steps with their locators and expectations. */
package org.postpatch.probes.ui.spec;
