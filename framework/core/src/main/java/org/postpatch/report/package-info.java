/** Rendering results: the live console view, and the report formats (JSON, JUnit XML, HTML, Prometheus) written atomically. */
package org.postpatch.report;
