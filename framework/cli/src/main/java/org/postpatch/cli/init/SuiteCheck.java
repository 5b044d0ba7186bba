package org.postpatch.cli.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.Environment;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.config.SuiteLoader;
import org.postpatch.model.Suite;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.run.Runner;
import org.postpatch.secret.Redactor;

/**
 * Runs a planned starter suite against the application, with the real probe kinds, before it is
 * written, so that what is written passes: a probe whose answer does not match its documented schema
 * keeps its status check only (a twin without the schema runs beside it), and a probe that fails
 * anyway is left out and named in the notes.
 */
public final class SuiteCheck {

    /** A body bigger than this makes a probe too heavy to run after every patch. */
    static final long MAX_RESPONSE_BYTES = 1024 * 1024;

    private static final String WITHOUT_SCHEMA = ":without-schema";

    private final SuiteWriter writer;
    private final Redactor redactor;
    private final Consumer<String> progress;

    public SuiteCheck(SuiteWriter writer, Redactor redactor, Consumer<String> progress) {
        this.writer = writer;
        this.redactor = redactor;
        this.progress = progress;
    }

    /** The suite as it can be written: what passed, with notes on what was changed or left out. */
    public StarterSuite check(StarterSuite suite) throws IOException {
        List<StarterProbe> trial = new ArrayList<>();
        for (StarterProbe probe : suite.probes()) {
            trial.add(probe);
            if (probe.hasSchema()) {
                trial.add(probe.withoutSchema().withId(probe.id() + WITHOUT_SCHEMA));
            }
        }
        progress.accept("Checking " + suite.probes().size() + (suite.probes().size() == 1 ? " probe" : " probes") + " against "
                + suite.url() + ":");
        Map<String, ProbeResult> results = run(suite.checked(trial, List.of(), ""));
        List<StarterProbe> kept = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        StarterProbe health = suite.probes().get(0);
        for (StarterProbe probe : suite.probes()) {
            ProbeResult result = results.get(probe.id());
            if (probe == health) {
                kept.add(probe);
                say(result.passed() ? "PASSED" : "FAILED", probe, result.message());
            } else if (result.status() == ProbeStatus.BLOCKED) {
                kept.add(probe);
                say("UNCHECKED", probe, "blocked: " + health.id() + " did not pass");
            } else if (result.passed() && tooHeavy(result)) {
                notes.add(probe.url() + " left out: it answered " + result.details().get("responseBytes") + " bytes, too heavy"
                        + " for a probe that runs after every patch.");
                say("LEFT OUT", probe, "answered " + result.details().get("responseBytes") + " bytes");
            } else if (result.passed()) {
                kept.add(probe);
                say("PASSED", probe, result.message() + (probe.hasSchema() ? " (and its response schema)" : ""));
            } else if (probe.hasSchema() && results.get(probe.id() + WITHOUT_SCHEMA).passed()) {
                kept.add(probe.withoutSchema().withComment("Its documented response schema is left out: the answer did not"
                        + " match it when this file was written (" + result.message() + ")."));
                notes.add(probe.url() + ": the answer does not match the documented response schema (" + result.message()
                        + "); the probe checks the status only.");
                say("PASSED", probe, "status only: the answer does not match the documented schema");
            } else {
                ProbeResult plain = results.getOrDefault(probe.id() + WITHOUT_SCHEMA, result);
                notes.add(probe.url() + " left out: " + plain.message());
                say("LEFT OUT", probe, plain.message());
            }
        }
        ProbeResult healthResult = results.get(health.id());
        String outcome = healthResult.passed()
                ? "Every probe below passed against " + suite.url() + " when this file was written."
                : "The health probe did not pass against " + suite.url() + " when this file was written ("
                        + healthResult.message() + "), so the other probes are unchecked.";
        if (!healthResult.passed()) {
            notes.add(outcome);
        }
        return suite.checked(kept, notes, outcome);
    }

    private Map<String, ProbeResult> run(StarterSuite trial) throws IOException {
        Path file = Files.createTempFile("postpatch-init-", ".yaml");
        file.toFile().deleteOnExit(); // also on Ctrl-C
        try {
            Files.writeString(file, writer.write(trial, file.getFileName().toString(), false));
            List<Suite> suites;
            try {
                suites = SuiteLoader.builder().environment(Environment.system()).overrides(Map.of("base", trial.url()))
                        .redactor(redactor).build().load(List.of(file.toString()));
            } catch (InvalidSuiteException invalid) {
                throw new IllegalStateException("postpatch init planned a suite that does not validate: " + invalid.problems(),
                        invalid);
            }
            RunResult run = Runner.builder().parallel(4).target("postpatch-init").redactor(redactor).build().run(suites);
            Map<String, ProbeResult> results = new HashMap<>();
            run.probes().forEach(result -> results.put(result.id(), result));
            return results;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean tooHeavy(ProbeResult result) {
        return result.details().get("responseBytes") instanceof Number bytes && bytes.longValue() > MAX_RESPONSE_BYTES;
    }

    private void say(String status, StarterProbe probe, String message) {
        progress.accept(String.format("  %-9s %-24s %s", status, probe.id(), redactor.redact(message)));
    }
}
