/** Sample smoke tests of which two fail and one is skipped by an assumption. */
package org.postpatch.probes.junit.sample.failing;
