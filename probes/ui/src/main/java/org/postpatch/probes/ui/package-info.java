/** The {@code ui} probe kind and the WebDriver context for Java probes: pages walked in HtmlUnit, headless Chromium or a Selenium Grid. */
package org.postpatch.probes.ui;
