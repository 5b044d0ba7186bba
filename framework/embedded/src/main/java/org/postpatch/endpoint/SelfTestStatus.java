package org.postpatch.endpoint;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.postpatch.result.Verdict;

/**
 * The self-test as everything outside it sees it, taken at one moment: its {@link State}, the last
 * run, whether a run is under way and where the self-test is, the problem that keeps it from
 * self-testing, a warning, and the runs so far by verdict. Computed once per question and mapped by
 * one mapper per reader: {@link HttpStatuses} to HTTP codes, {@link StatusMetrics} to Prometheus,
 * and the Spring Boot module's health indicator to Actuator health.
 *
 * @param lastRun       the last finished run, if any
 * @param running       whether a run is under way
 * @param problem       why postpatch itself cannot self-test (invalid probe files, ...), if it cannot
 * @param warning       a warning that does not stop self-tests (such as an unavailable ledger), if any
 * @param runsByVerdict runs finished since the process started, by verdict
 */
public record SelfTestStatus(State state, Optional<LastRun> lastRun, boolean running, Phase phase,
                             Optional<String> problem, Optional<String> warning, Map<Verdict, Long> runsByVerdict) {

    /** What the self-test answers now. */
    public enum State {
        /** The last run passed. */
        PASS,
        /** The last run passed but for warning probes. */
        WARN,
        /** The last run failed. */
        FAIL,
        /** No run has finished yet. */
        NEVER_RUN,
        /** postpatch itself cannot self-test: invalid probe files, a self-test that could not start. */
        ERROR;

        static State of(Verdict verdict) {
            return switch (verdict) {
                case PASS -> PASS;
                case WARN -> WARN;
                case FAIL -> FAIL;
            };
        }
    }

    /** Where the self-test is. */
    public enum Phase {
        /** Reading the probe files, the fingerprint and the ledger. */
        STARTING,
        /** Waiting until the application is ready for its first run. */
        WAITING_FOR_APPLICATION,
        /** A run is under way. */
        RUNNING,
        /** Waiting for the schedule or a request. */
        IDLE
    }

    public SelfTestStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(phase, "phase");
        runsByVerdict = Map.copyOf(runsByVerdict);
    }

    /**
     * The status of these facts: ERROR while there is a problem, else the last run's verdict, else
     * NEVER_RUN — the one place this is decided.
     *
     * @param last    the last finished run, or null
     * @param problem why postpatch cannot self-test, or null
     * @param warning a warning, or null
     */
    public static SelfTestStatus of(LastRun last, boolean running, Phase phase, String problem, String warning,
                                    Map<Verdict, Long> runsByVerdict) {
        State state = problem != null ? State.ERROR : last == null ? State.NEVER_RUN : State.of(last.verdict());
        return new SelfTestStatus(state, Optional.ofNullable(last), running, phase, Optional.ofNullable(problem),
                Optional.ofNullable(warning), runsByVerdict);
    }

    /** The status of a self-test that does not exist (yet): an application starting or stopping. */
    public static SelfTestStatus notStarted(String problem) {
        return of(null, false, Phase.STARTING, problem, null, Map.of());
    }

    /**
     * The same status with a problem of whatever hosts the self-test (unreadable settings, say) before
     * the self-test's own; null changes nothing.
     */
    public SelfTestStatus withProblem(String hostProblem) {
        if (hostProblem == null) {
            return this;
        }
        return of(lastRun.orElse(null), running, phase, problem.map(own -> hostProblem + "; " + own).orElse(hostProblem),
                warning.orElse(null), runsByVerdict);
    }

    /** The last run's verdict, if a run has finished. */
    public Optional<Verdict> verdict() {
        return lastRun.map(LastRun::verdict);
    }
}
