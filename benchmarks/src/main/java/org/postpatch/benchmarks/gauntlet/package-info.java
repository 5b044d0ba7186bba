/** The patch gauntlet: seeded patches and no-op restarts of the sample applications, judged by the real command line. */
package org.postpatch.benchmarks.gauntlet;
