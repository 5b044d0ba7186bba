/** A sample test class whose set-up fails, so none of its tests runs. */
package org.postpatch.probes.junit.sample.broken;
