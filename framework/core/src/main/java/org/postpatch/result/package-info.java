/** What happened: probe results, suite results, runs, verdicts and the fingerprint they ran on. */
package org.postpatch.result;
