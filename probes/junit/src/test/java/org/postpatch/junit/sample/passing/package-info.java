/** Sample smoke tests that pass, tagged {@code postpatch}, beside one untagged test. */
package org.postpatch.junit.sample.passing;
