/**
 * Generates what the probe kinds' declarations and the modules' READMEs determine: the JSON Schema for
 * probe files, the key tables, and the kinds' reference in {@code docs/}.
 */
package org.postpatch.docs;
