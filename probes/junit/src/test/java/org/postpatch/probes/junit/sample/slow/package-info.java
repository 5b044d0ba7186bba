/** Sample tests that wait far longer than any probe timeout, and record how they ended. */
package org.postpatch.probes.junit.sample.slow;
