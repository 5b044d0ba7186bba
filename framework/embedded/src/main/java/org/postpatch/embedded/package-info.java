/** The application tests itself: {@code PostPatch.embedded()...start()}, patch detection, runs on start, schedule and request. */
package org.postpatch.embedded;
