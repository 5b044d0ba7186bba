/** Comparing text with what a probe expects (contains, matches, notContains, empty) and quoting it briefly in messages. */
package org.postpatch.probes.system.text;
