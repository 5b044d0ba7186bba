package org.postpatch.probes.http.spec;

/** Whether redirect responses are followed. Never to another host, whatever is chosen. */
public enum Redirects {
    /** The redirect response itself is the response (the default). */
    NONE,
    /** Followed on the same host, up to ten times, never from https to http. */
    FOLLOW
}
