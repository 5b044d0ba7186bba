/** What was declared: suites and probes as read and validated from probe files and Java classes. */
package org.postpatch.model;
