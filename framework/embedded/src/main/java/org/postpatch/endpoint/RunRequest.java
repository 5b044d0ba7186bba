package org.postpatch.endpoint;

import java.util.concurrent.CompletableFuture;

/**
 * The answer to "run now": the run's id, whether it joined a run already in progress, and its
 * completion (the run that finished, or an exception when it could not run).
 */
public record RunRequest(String runId, boolean joined, CompletableFuture<LastRun> completion) {
}
