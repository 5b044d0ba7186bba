/** The JUnit Platform engine: suites become containers, probes become tests, scheduled by their needs. */
package org.postpatch.engine;
