package org.postpatch.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postpatch.api.ProbeStatus;
import org.postpatch.api.Severity;
import org.postpatch.compare.Comparison;
import org.postpatch.compare.Judge;
import org.postpatch.ledger.Baselines;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.LedgerRun;
import org.postpatch.ledger.RunKind;
import org.postpatch.ledger.Trigger;
import org.postpatch.report.Reports;
import org.postpatch.report.RunReport;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.SuiteResult;
import org.postpatch.secret.Redactor;

/**
 * Records runs into a real ledger the way the command line does — the run's results, a verify judged
 * against its baseline by the real {@link Judge}, the JSON report — at chosen times, so that a fleet's
 * history of days fits in a test.
 */
public final class FleetRecorder {

    /** The probes of every suite here, in declared order. */
    public static final List<String> PROBES = List.of("health", "checkout", "search");

    private final Ledger ledger;
    private int runs;

    public FleetRecorder(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The ledger it records into. */
    public Ledger ledger() {
        return ledger;
    }

    /** A fingerprint as an embedded application records it: its version, its JVM, its OS, a jar. */
    public static Fingerprint fingerprint(String appVersion, String jvmVersion) {
        return new Fingerprint(Map.of("app.version", appVersion, "jvm.version", jvmVersion, "jvm.vendor", "Eclipse Adoptium",
                "os.name", "Linux", "os.version", "6.1.0"), Map.of("jackson-databind", new Fingerprint.Jar("2.17.0", "a1b2c3")));
    }

    public String baseline(String suite, String target, Instant at, Fingerprint fingerprint, String... failing) {
        return record(suite, target, at, fingerprint, RunKind.BASELINE, null, failing);
    }

    public String run(String suite, String target, Instant at, Fingerprint fingerprint, String... failing) {
        return record(suite, target, at, fingerprint, RunKind.RUN, null, failing);
    }

    /** A verify judged against a recorded baseline. */
    public String verify(String suite, String target, Instant at, Fingerprint fingerprint, String baselineRunId,
                         String... failing) {
        return record(suite, target, at, fingerprint, RunKind.VERIFY, baselineRunId, failing);
    }

    private String record(String suite, String target, Instant at, Fingerprint fingerprint, RunKind kind,
                          String baselineRunId, String... failing) {
        String runId = String.format("run-%04d-%s", ++runs, target);
        Set<String> failed = Set.of(failing);
        List<ProbeResult> probes = new ArrayList<>();
        for (String id : PROBES) {
            boolean fails = failed.contains(id);
            probes.add(new ProbeResult(suite, id, "http", Severity.CRITICAL, fails ? ProbeStatus.FAILED : ProbeStatus.PASSED,
                    at, Duration.ofMillis(40), Duration.ofMillis(40), 1, fails ? "expected status 200 but was 500" : "",
                    List.of(), Map.of(), List.of(), List.of(), suite + ".yaml:3:5"));
        }
        RunResult result = new RunResult(runId, target, at, Duration.ofSeconds(2), fingerprint,
                List.of(new SuiteResult(suite, List.of(suite + ".yaml"), at, Duration.ofSeconds(2), probes)), false, false);
        Comparison comparison = baselineRunId == null ? null
                : Judge.compare(Baselines.of(ledger.run(baselineRunId)), result, org.postpatch.compare.Criteria.of(List.of()));
        ledger.record(LedgerRun.of(result, kind, Trigger.COMMAND_LINE, baselineRunId, null, comparison),
                Reports.JSON.render(RunReport.of(result, comparison, new Redactor())));
        return runId;
    }
}
