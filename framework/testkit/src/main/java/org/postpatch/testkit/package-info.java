/** For authors of probe kinds: probe files run through postpatch's real loader and engine, and what came out. */
package org.postpatch.testkit;
