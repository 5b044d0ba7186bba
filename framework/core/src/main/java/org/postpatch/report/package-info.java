/** Rendering results: the live console view, JSON and JUnit XML reports, written atomically. */
package org.postpatch.report;
