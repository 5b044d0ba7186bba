package org.postpatch.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.postpatch.result.Fingerprint;

/**
 * What the endpoint serves. Every read returns at once from what is known now; none waits for a run
 * in progress.
 */
public interface StatusSource {

    /** The self-test's status now. */
    SelfTestStatus status();

    /** The JSON document of an earlier run (from the ledger), if known. */
    Optional<JsonNode> report(String runId);

    /** The fingerprint this process runs on now (known shortly after start). */
    Optional<Fingerprint> fingerprint();

    /** Starts a run, or joins the one in progress. */
    RunRequest requestRun();

    /** True when a failed self-test should make the readiness check fail. */
    boolean readinessFollowsVerdict();
}
