/**
 * An application's own tests, as the {@code junit} probe runs them: some pass, some fail on purpose.
 * Excluded from this module's Surefire run; only the probes in the tests one package up run them.
 */
package org.postpatch.probes.junit.sample;
