/** Sample tests in nested classes and parameterized methods, for the names of their parts. */
package org.postpatch.probes.junit.sample.nested;
