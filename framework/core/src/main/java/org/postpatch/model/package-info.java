/**
 * What was declared: suites, their probes and the needs between them, as read and validated from
 * probe files and Java classes.
 */
package org.postpatch.model;
