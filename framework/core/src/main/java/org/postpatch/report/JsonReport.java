package org.postpatch.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import org.postpatch.api.Outcome;
import org.postpatch.compare.Change;
import org.postpatch.compare.Comparison;
import org.postpatch.result.Confirmation;
import org.postpatch.result.Fingerprint;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.Sample;
import org.postpatch.result.SuiteResult;
import org.postpatch.secret.Redactor;

/**
 * The JSON report: one document per run, with the keys of the published schema
 * ({@code docs/report.schema.json}). Every text passes through the redactor once more.
 */
public final class JsonReport {

    /** Bumped when a key changes meaning or is removed; new keys do not bump it. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Redactor redactor;

    public JsonReport(Redactor redactor) {
        this.redactor = redactor;
    }

    public void write(RunResult run, Path file) throws IOException {
        write(run, null, file);
    }

    /** Writes the report of a run judged against a baseline ({@code comparison} may be null). */
    public void write(RunResult run, Comparison comparison, Path file) throws IOException {
        ReportFiles.write(file, render(run, comparison).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String render(RunResult run) {
        return render(run, null);
    }

    public String render(RunResult run, Comparison comparison) {
        try {
            return MAPPER.writeValueAsString(tree(run, comparison)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render the JSON report", e);
        }
    }

    /** The report as a JSON tree. */
    public ObjectNode tree(RunResult run) {
        return tree(run, null);
    }

    /**
     * The report of a run judged against a baseline: each probe gets its {@code change}, and a
     * {@code comparison} section names the baseline and what changed in the fingerprint. The
     * {@code verdict} is then the verify's; {@code runVerdict} keeps the run's own.
     */
    public ObjectNode tree(RunResult run, Comparison comparison) {
        ObjectNode root = plainTree(run);
        if (comparison == null) {
            return root;
        }
        root.put("verdict", comparison.verdict(run).name());
        root.put("runVerdict", run.verdict().name());
        ObjectNode section = root.putObject("comparison");
        section.put("baselineRunId", comparison.baseline().runId());
        section.put("baselineStartedAt", comparison.baseline().startedAt().toString());
        section.put("strict", comparison.strict());
        section.put("summary", comparison.summary());
        ObjectNode counts = section.putObject("counts");
        for (Change change : Change.values()) {
            counts.put(change.name(), comparison.counts().getOrDefault(change, 0L));
        }
        ArrayNode changes = section.putArray("fingerprintChanges");
        comparison.fingerprintChanges().forEach(change -> changes.add(redactor.redact(change.toString())));
        ArrayNode removed = section.putArray("removed");
        comparison.probes().stream().filter(p -> p.change() == Change.REMOVED).forEach(p -> {
            ObjectNode node = removed.addObject();
            node.put("suite", p.suite());
            node.put("id", p.id());
            node.put("baselineStatus", p.baselineStatus());
        });
        for (JsonNode probe : root.path("probes")) {
            comparison.of(probe.path("suite").asText(), probe.path("id").asText()).ifPresent(compared -> {
                ObjectNode node = (ObjectNode) probe;
                node.put("change", compared.change().name());
                if (compared.baselineStatus() != null) {
                    node.put("baselineStatus", compared.baselineStatus());
                    node.put("baselineMs", compared.baselineMs());
                }
                if (!compared.note().isEmpty()) {
                    node.put("changeNote", compared.note());
                }
            });
        }
        return root;
    }

    private ObjectNode plainTree(RunResult run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("runId", run.runId());
        root.put("suite", run.suiteNames());
        root.put("target", redactor.redact(run.target()));
        root.put("verdict", run.verdict().name());
        root.put("startedAt", run.startedAt().toString());
        root.put("durationMs", run.duration().toMillis());
        root.put("interrupted", run.interrupted());
        root.put("timedOut", run.timedOut());
        root.set("fingerprint", fingerprint(run.fingerprint()));
        Counts counts = Counts.of(run.probes());
        ObjectNode summary = root.putObject("summary");
        summary.put("total", counts.total());
        summary.put("passed", counts.passed());
        summary.put("failed", counts.failed());
        summary.put("blocked", counts.blocked());
        summary.put("skipped", counts.skipped());
        ArrayNode suites = root.putArray("suites");
        for (SuiteResult suite : run.suites()) {
            ObjectNode node = suites.addObject();
            node.put("name", suite.suite());
            node.put("verdict", suite.verdict().name());
            node.put("startedAt", suite.startedAt().toString());
            node.put("durationMs", suite.duration().toMillis());
            ArrayNode files = node.putArray("files");
            suite.files().forEach(files::add);
        }
        ArrayNode probes = root.putArray("probes");
        for (ProbeResult probe : run.probes()) {
            probes.add(probe(probe));
        }
        return root;
    }

    /**
     * The verdict of the run itself, as health checks and metrics read it: after a verify or an
     * embedded comparison it is {@code runVerdict} (a node failing now fails, whether or not it also
     * failed before the patch), otherwise {@code verdict}.
     */
    public static String runVerdict(JsonNode report) {
        return report.has("runVerdict") ? report.path("runVerdict").asText() : report.path("verdict").asText();
    }

    /** Reads a fingerprint written by {@link #fingerprint(Fingerprint)} (the digest is recomputed). */
    public static Fingerprint readFingerprint(JsonNode node) {
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
        node.path("facts").fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue().asText()));
        java.util.Map<String, Fingerprint.Jar> jars = new java.util.LinkedHashMap<>();
        node.path("jars").fields().forEachRemaining(e -> jars.put(e.getKey(),
                new Fingerprint.Jar(e.getValue().path("version").asText(), e.getValue().path("digest").asText())));
        return new Fingerprint(facts, jars);
    }

    /** A fingerprint as JSON: digest, what was fingerprinted (scope), facts and jars. */
    public ObjectNode fingerprint(Fingerprint fingerprint) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("digest", fingerprint.digest());
        node.put("scope", redactor.redact(fingerprint.scope()));
        ObjectNode facts = node.putObject("facts");
        fingerprint.sorted().forEach((fact, value) -> facts.put(fact, redactor.redact(value)));
        ObjectNode jars = node.putObject("jars");
        fingerprint.sortedJars().forEach((name, jar) -> {
            ObjectNode jarNode = jars.putObject(name);
            jarNode.put("version", jar.version());
            jarNode.put("digest", jar.digest());
        });
        return node;
    }

    private ObjectNode probe(ProbeResult probe) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("suite", probe.suite());
        node.put("id", probe.id());
        node.put("kind", probe.kind());
        node.put("severity", probe.severity().name().toLowerCase(java.util.Locale.ROOT));
        node.put("status", probe.status().name());
        node.put("startedAt", probe.startedAt().toString());
        node.put("durationMs", probe.duration().toMillis());
        node.put("lastAttemptMs", probe.lastAttempt().toMillis());
        node.put("attempts", probe.attempts());
        node.put("message", redactor.redact(probe.message()));
        ArrayNode blockedBy = node.putArray("blockedBy");
        probe.blockedBy().forEach(blockedBy::add);
        node.put("location", probe.location());
        if (probe.late()) {
            node.put("late", true);
        }
        if (probe.confirmation() != Confirmation.NONE) {
            node.put("confirmation", probe.confirmation().name());
        }
        if (!probe.samples().isEmpty()) {
            ArrayNode samples = node.putArray("samples");
            for (Sample sample : probe.samples()) {
                ObjectNode sampleNode = samples.addObject();
                sampleNode.put("startedAt", sample.startedAt().toString());
                sampleNode.put("status", sample.status().name());
                sampleNode.put("lastAttemptMs", sample.time().toMillis());
                if (sample.late()) {
                    sampleNode.put("late", true);
                }
                sampleNode.put("message", redactor.redact(sample.message()));
            }
        }
        if (!probe.details().isEmpty()) {
            ObjectNode details = node.putObject("details");
            probe.details().forEach((key, value) -> details.set(key, MAPPER.valueToTree(
                    value instanceof String text ? redactor.redact(text) : value)));
        }
        if (!probe.parts().isEmpty()) {
            ArrayNode parts = node.putArray("parts");
            for (Outcome.Part part : probe.parts()) {
                ObjectNode partNode = parts.addObject();
                partNode.put("name", part.name());
                partNode.put("status", part.status().name());
                partNode.put("durationMs", part.duration().toMillis());
                partNode.put("message", redactor.redact(part.message()));
            }
        }
        if (!probe.attachments().isEmpty()) {
            ArrayNode attachments = node.putArray("attachments");
            for (Outcome.Attachment attachment : probe.attachments()) {
                ObjectNode attachmentNode = attachments.addObject();
                attachmentNode.put("path", attachment.file().toString());
                attachmentNode.put("mediaType", attachment.mediaType());
            }
        }
        return node;
    }
}
