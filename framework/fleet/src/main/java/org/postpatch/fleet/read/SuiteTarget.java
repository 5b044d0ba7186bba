package org.postpatch.fleet.read;

/** One suite on one target: what the fleet view follows over time. */
public record SuiteTarget(String suite, String target) {
}
