/** Running suites: the runner that drives the engine through the JUnit Platform Launcher. */
package org.postpatch.run;
