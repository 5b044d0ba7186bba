package org.postpatch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.postpatch.result.Verdict;
import org.postpatch.secret.Redactor;

/**
 * The JSON document of a run, with the keys of the published schema ({@code docs/report.schema.json}):
 * the JSON report as written, the run as the ledger keeps it, and what the HTML and Prometheus
 * reports and the status endpoint are rendered from, so that a run read back renders as it did
 * when fresh. Every text passes through the redactor once more.
 */
public final class ReportDocument {

    /** Bumped when a key changes meaning or is removed; new keys do not bump it. */
    public static final int SCHEMA_VERSION = 1;

    /** Built on first use: reading a recorded document (its verdict) needs no mapper. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Redactor redactor;

    private ReportDocument(Redactor redactor) {
        this.redactor = redactor;
    }

    /**
     * The document of a run, judged against a baseline when {@code comparison} is not null: each probe
     * then gets its {@code change}, and a {@code comparison} section names the baseline and what
     * changed in the fingerprint. The {@code verdict} is then the verify's; {@code runVerdict} keeps
     * the run's own.
     */
    public static ObjectNode of(RunResult run, Comparison comparison, Redactor redactor) {
        return new ReportDocument(redactor).tree(run, comparison);
    }

    /** A fingerprint as JSON: digest, what was fingerprinted (scope), facts and jars. */
    public static ObjectNode fingerprint(Fingerprint fingerprint, Redactor redactor) {
        return new ReportDocument(redactor).fingerprint(fingerprint);
    }

    private ObjectNode tree(RunResult run, Comparison comparison) {
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
        ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
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
     *
     * @throws IllegalArgumentException when the document names no verdict this version knows
     */
    public static Verdict runVerdict(JsonNode document) {
        String name = document.has("runVerdict") ? document.path("runVerdict").asText() : document.path("verdict").asText();
        return Verdict.named(name).orElseThrow(() -> new IllegalArgumentException(
                "a report of run " + document.path("runId").asText("?") + " has no known verdict: '" + name + "'"));
    }

    /** Reads a fingerprint written by {@link #fingerprint(Fingerprint, Redactor)} (the digest is recomputed). */
    public static Fingerprint readFingerprint(JsonNode node) {
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
        node.path("facts").fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue().asText()));
        java.util.Map<String, Fingerprint.Jar> jars = new java.util.LinkedHashMap<>();
        node.path("jars").fields().forEachRemaining(e -> jars.put(e.getKey(),
                new Fingerprint.Jar(e.getValue().path("version").asText(), e.getValue().path("digest").asText())));
        return new Fingerprint(facts, jars);
    }

    private ObjectNode fingerprint(Fingerprint fingerprint) {
        ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
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
        ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
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
            probe.details().forEach((key, value) -> details.set(key, Mapper.MAPPER.valueToTree(
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
