package org.postpatch.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * What the endpoint serves. Every read returns at once from what is known now; none waits for a run
 * in progress.
 */
public interface StatusSource {

    /** The last finished run, if any. */
    Optional<LastRun> lastRun();

    /** True while a run is in progress. */
    boolean running();

    /**
     * Where the self-test is: {@code STARTING} (reading files, the fingerprint, the ledger),
     * {@code WAITING_FOR_APPLICATION} (until it is ready), {@code RUNNING}, or {@code IDLE}.
     */
    String phase();

    /** Why postpatch itself cannot self-test (invalid probe files, ...), if it cannot. */
    Optional<String> problem();

    /** A warning that does not stop self-tests (such as an unavailable ledger), if any. */
    Optional<String> warning();

    /** Runs finished since the process started, by verdict. */
    Map<String, Long> runsByVerdict();

    /** The JSON report of an earlier run (from the ledger), if known. */
    Optional<JsonNode> report(String runId);

    /** The fingerprint this process runs on now (known shortly after start). */
    Optional<org.postpatch.result.Fingerprint> fingerprint();

    /** Starts a run, or joins the one in progress. */
    RunRequest requestRun();

    /** True when a failed self-test should make the readiness check fail. */
    boolean readinessFollowsVerdict();
}
