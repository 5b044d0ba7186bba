/** Running a real process for a probe: no shell, bounded output read concurrently, and the whole process tree killed when the attempt is abandoned. */
package org.postpatch.probes.system.process;
