/** Sample smoke tests that pass, tagged {@code postpatch}, beside one untagged test. */
package org.postpatch.probes.junit.sample.passing;
