package org.postpatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.postpatch.compare.Comparison;
import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;
import org.postpatch.secret.Redactor;

/**
 * What every {@link Report} renders: one run's JSON document ({@link ReportDocument}) — and, for a
 * run that just finished, the run itself, its comparison with the baseline and the redactor that
 * knows its secrets — with what some formats need besides: when it is rendered, how many runs ended
 * with each verdict, and whether the reader may see probe names. A run read back from the ledger
 * has its document only, so that it renders as it did when fresh.
 */
public final class RunReport {

    private final RunResult run;
    private final Comparison comparison;
    private final Redactor redactor;
    private final JsonNode document;
    private final Instant renderedAt;
    /** Null: this run alone. */
    private final Map<Verdict, Long> runsByVerdict;
    private final boolean probeNames;

    private RunReport(RunResult run, Comparison comparison, Redactor redactor, JsonNode document, Instant renderedAt,
                      Map<Verdict, Long> runsByVerdict, boolean probeNames) {
        this.run = run;
        this.comparison = comparison;
        this.redactor = redactor;
        this.document = document;
        this.renderedAt = renderedAt;
        this.runsByVerdict = runsByVerdict;
        this.probeNames = probeNames;
    }

    /** A run that just finished, not judged against a baseline. */
    public static RunReport of(RunResult run, Redactor redactor) {
        return of(run, null, redactor);
    }

    /** A run that just finished, judged against a baseline when {@code comparison} is not null. */
    public static RunReport of(RunResult run, Comparison comparison, Redactor redactor) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(redactor, "redactor");
        JsonNode document = ReportDocument.of(run, comparison, redactor);
        return new RunReport(run, comparison, redactor, document, Instant.now(), null, true);
    }

    /** A run known by its JSON document only: read back from the ledger, or kept by the endpoint. */
    public static RunReport recorded(JsonNode document) {
        Objects.requireNonNull(document, "document");
        return new RunReport(null, null, new Redactor(), document, Instant.now(), null, true);
    }

    /** The same report, rendered at {@code instant} (the age of the run is counted to it). */
    public RunReport renderedAt(Instant instant) {
        return new RunReport(run, comparison, redactor, document, Objects.requireNonNull(instant, "instant"), runsByVerdict,
                probeNames);
    }

    /** The same report, counting these runs by verdict (by default this run alone). */
    public RunReport runsByVerdict(Map<Verdict, Long> counts) {
        return new RunReport(run, comparison, redactor, document, renderedAt, Map.copyOf(counts), probeNames);
    }

    /** The same report for a reader who may not see probe names (no token): no per-probe series. */
    public RunReport withoutProbeNames() {
        return new RunReport(run, comparison, redactor, document, renderedAt, runsByVerdict, false);
    }

    /** The run's JSON document, as the JSON report writes it; read it, never change it. */
    public JsonNode document() {
        return document;
    }

    /** The run itself, when it just finished; empty for a recorded run. */
    public Optional<RunResult> run() {
        return Optional.ofNullable(run);
    }

    /** The run's comparison with its baseline, when it was judged against one and just finished. */
    public Optional<Comparison> comparison() {
        return Optional.ofNullable(comparison);
    }

    /** Masks the secrets of the run; for a recorded run, whose texts are masked already, one that knows none. */
    public Redactor redactor() {
        return redactor;
    }

    public Instant renderedAt() {
        return renderedAt;
    }

    /**
     * Runs counted by verdict, a verdict without runs absent: as given, else this run alone — read
     * from the document only when asked, so that a document whose verdict this version does not know
     * still renders as JSON or HTML.
     */
    public Map<Verdict, Long> runsByVerdict() {
        return runsByVerdict != null ? runsByVerdict : Map.of(runVerdict(), 1L);
    }

    /** Whether the reader may see probe names and their results. */
    public boolean probeNames() {
        return probeNames;
    }

    /** The verdict of the run itself, whether or not it was judged against a baseline. */
    public Verdict runVerdict() {
        return ReportDocument.runVerdict(document);
    }
}
