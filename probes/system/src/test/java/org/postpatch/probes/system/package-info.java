/** Test support for the system probe kinds: running one probe through the real loader and engine. */
package org.postpatch.probes.system;
