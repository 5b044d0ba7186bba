/** Sample tests in nested classes and parameterized methods, for the names of their parts. */
package org.postpatch.junit.sample.nested;
