package org.postpatch.benchmarks.gauntlet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A verify's verdict on one scenario, scored: caught (the probes covering the change REGRESSED or
 * SLOWER; for a JVM or library patch, the change named in the fingerprint), a false alarm (any
 * other probe REGRESSED, SLOWER, BLOCKED by something not covering the change, or anything else
 * but SAME or FLAKY; after a no-op restart also a FAIL or a fingerprint change), blamed exactly
 * (caught, and no false alarm), and the time from the application's port answering to the verdict.
 *
 * @param scenario     the scenario
 * @param exit         the verify's exit code
 * @param verdict      the verify's verdict (PASS, WARN, FAIL), or "no report"
 * @param blamed       the probes REGRESSED or SLOWER, with their change
 * @param wrong        what was wrong in the verdict: probes blamed or blocked that do not cover the
 *                     change, a missing report, a fingerprint change after a no-op restart
 * @param flaky        the probes called FLAKY
 * @param warmedUp     the probes that missed their time right after the start and were judged once warm
 * @param fingerprint  the fingerprint changes the verify named
 * @param readyToVerdict from the port answering to the verify's exit, or null if the port never answered
 * @param readyToRun     from the port answering to the start of the verify's run (its {@code --wait} and
 *                       fingerprint done), or null when unknown
 */
record Outcome(Scenario scenario, int exit, String verdict, List<String> blamed, List<String> wrong, List<String> flaky,
               List<String> warmedUp, List<String> fingerprint, Duration readyToVerdict, Duration readyToRun) {

    static Outcome of(Scenario scenario, PostpatchCli.Result verify, Instant ready) {
        Duration toVerdict = ready == null ? null : Duration.between(ready, verify.ended());
        JsonNode report = verify.report();
        if (report == null || report.path("comparison").isMissingNode()) {
            return new Outcome(scenario, verify.exit(), "no report", List.of(),
                    List.of("no verify report (exit " + verify.exit() + "; see " + verify.log() + ")"), List.of(), List.of(),
                    List.of(), toVerdict, null);
        }
        List<String> blamed = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> flaky = new ArrayList<>();
        List<String> warmedUp = new ArrayList<>();
        Set<String> covered = scenario.blamed();
        for (JsonNode probe : report.path("probes")) {
            String id = probe.path("id").asText();
            String change = probe.path("change").asText();
            if ("WARMED_UP".equals(probe.path("confirmation").asText())) {
                warmedUp.add(id);
            }
            switch (change) {
                case "REGRESSED", "SLOWER" -> {
                    blamed.add(id + " " + change);
                    if (!covered.contains(id)) {
                        wrong.add(id + " " + change + note(probe));
                    }
                }
                case "SAME" -> {
                }
                case "FLAKY" -> flaky.add(id);
                case "BLOCKED" -> {
                    Set<String> by = new TreeSet<>();
                    probe.path("blockedBy").forEach(root -> by.add(root.asText()));
                    if (by.isEmpty() || !covered.containsAll(by)) {
                        wrong.add(id + " BLOCKED by " + by);
                    }
                }
                default -> wrong.add(id + " " + change + note(probe));
            }
        }
        List<String> fingerprint = new ArrayList<>();
        report.path("comparison").path("fingerprintChanges").forEach(change -> fingerprint.add(change.asText()));
        String verdict = report.path("verdict").asText();
        if (scenario.noOp()) {
            fingerprint.forEach(change -> wrong.add("fingerprint changed: " + change));
            if (!"PASS".equals(verdict) && !"WARN".equals(verdict)) {
                wrong.add("verdict " + verdict);
            }
        }
        Duration toRun = ready == null ? null : Duration.between(ready, Instant.parse(report.path("startedAt").asText()));
        return new Outcome(scenario, verify.exit(), verdict, blamed, wrong, flaky, warmedUp, fingerprint, toVerdict, toRun);
    }

    private static String note(JsonNode probe) {
        String note = probe.path("changeNote").asText("");
        String message = probe.path("message").asText("");
        String said = !note.isEmpty() ? note : message;
        return said.isEmpty() ? "" : " (" + (said.length() > 160 ? said.substring(0, 157) + "..." : said) + ")";
    }

    /** The patch was seen: its probes blamed, or its change named in the fingerprint. Restarts: nothing to catch. */
    boolean caught() {
        if (scenario.breaks()) {
            return scenario.blamed().stream().allMatch(id -> blamed.contains(id + " REGRESSED") || blamed.contains(id + " SLOWER"));
        }
        return !scenario.noOp() && scenario.fingerprint().stream()
                .allMatch(expected -> fingerprint.stream().anyMatch(change -> change.startsWith(expected)));
    }

    boolean falseAlarm() {
        return !wrong.isEmpty();
    }

    boolean blamedExactly() {
        return (scenario.noOp() || caught()) && wrong.isEmpty();
    }
}
