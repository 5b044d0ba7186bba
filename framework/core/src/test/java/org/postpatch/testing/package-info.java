/** Test support shared by all modules: probe files in temporary folders, runs, and test-only kinds. */
package org.postpatch.testing;
