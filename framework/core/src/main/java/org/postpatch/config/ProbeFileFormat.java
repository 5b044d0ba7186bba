package org.postpatch.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.postpatch.spi.Key;
import org.postpatch.spi.Shape;

/**
 * The keys of a probe file and those every probe has, whatever its kind, declared like a kind's
 * block: the JSON Schema for probe files and the reference tables are generated from them together
 * with the kinds' own {@link org.postpatch.spi.ProbeKind#declaration() declarations}.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProbeFileFormat {

    /** {@code critical} or {@code warning}. */
    public static final Shape SEVERITY = Shape.choice("critical", "warning");

    /** A tag or a list of tags. */
    public static final Shape TAGS = Shape.either(Shape.string(), Shape.listOf(Shape.string()));

    /** {@code { until: 60s, every: 500ms }}, a duration (polled every second), or {@code false}. */
    public static final Shape RETRY = Shape.either(
            Shape.block(
                    Key.required("until", Shape.duration(), "How long to keep trying."),
                    Key.optional("every", Shape.duration(), "`1s`", "How long to wait between attempts.")),
            Shape.duration(),
            Shape.bool());

    /** {@code { ratio: 2, margin: 250ms, severity: warning }}, or {@code true} or {@code false}. */
    public static final Shape LATENCY = Shape.either(
            Shape.block(
                    Key.optional("ratio", Shape.number(), "`2`", "How many times slower than its baseline the probe may be (at least 1)."),
                    Key.optional("margin", Shape.duration(), "`250ms`", "Time added to the limit, which absorbs the jitter of fast probes."),
                    Key.optional("severity", SEVERITY, "`warning`", "What a SLOWER probe makes of the verify: `warning` or `critical`.")),
            Shape.bool());

    private static final Key TIMEOUT = Key.optional("timeout", Shape.duration(), "`10s`",
            "How long one attempt may take. A late attempt is abandoned on time (\"timed out after 5s\"); a command's whole"
                    + " process tree and session are killed.");
    private static final Key RETRY_KEY = Key.optional("retry", RETRY, "none",
            "`{ until: 60s, every: 500ms }`: poll until the probe passes or `until` expires (warm-up after a restart); the"
                    + " result records the attempts. `retry: 60s` polls every second; `retry: false` turns a default off.");
    private static final Key SEVERITY_KEY = Key.optional("severity", SEVERITY, "`critical`",
            "`critical` fails the run; `warning` only makes the verdict WARN.");
    private static final Key TAGS_KEY = Key.optional("tags", TAGS, "none", "Labels for `--tags` selection.");
    private static final Key LATENCY_KEY = Key.optional("latency", LATENCY, "`{ ratio: 2, margin: 250ms, severity: warning }`",
            "When `verify` calls the probe SLOWER than its baseline (see below); `false` never.");

    /** What {@code defaults} may set for every probe of a file (and the files it includes). */
    public static final Shape DEFAULTS = Shape.block(TIMEOUT, RETRY_KEY, SEVERITY_KEY, TAGS_KEY, LATENCY_KEY).documentedAs("map");

    /** The keys every probe has besides its one kind key. */
    public static final Shape PROBE = Shape.block(
            Key.required("id", Shape.string(), "Unique in the suite: letters, digits, `-`, `_`, `.`, `:`."),
            Key.optional("needs", Shape.either(Shape.string(), Shape.listOf(Shape.string())), "none",
                    "Ids of probes that must pass first. If one fails, this probe is **BLOCKED** and never runs; the report"
                            + " names the root cause. Cycles are refused."),
            SEVERITY_KEY,
            TIMEOUT,
            RETRY_KEY,
            TAGS_KEY,
            LATENCY_KEY,
            Key.optional("description", Shape.string(), "none", "Free text."));

    /** The keys of a probe file; each item of {@code probes} is a {@link #PROBE} with one kind key. */
    public static final Shape FILE = Shape.block(
            Key.optional("suite", Shape.string(), "the file name",
                    "The suite's name. Files naming the same suite form one suite."),
            Key.optional("description", Shape.string(), "none", "Free text."),
            Key.optional("vars", Shape.mapOf(Shape.string()), "none",
                    "Variables: `name: value`; values may use `${...}` (below). `--var NAME=VALUE` overrides them."),
            Key.optional("defaults", DEFAULTS, "none",
                    "`timeout`, `retry`, `severity`, `tags`, `latency` for every probe of the file (and files it includes)."),
            Key.optional("include", Shape.either(Shape.string(), Shape.listOf(Shape.string())), "none",
                    "Other files or folders (relative to this file, or `classpath:...`) whose probes and vars join this suite."),
            Key.optional("classes", Shape.either(Shape.string(), Shape.listOf(Shape.string())), "none",
                    "Java classes whose `@Probe` methods join the suite."),
            Key.optional("probes", Shape.listOf(PROBE), "none", "The probes, in order."));

    private ProbeFileFormat() {
    }
}
