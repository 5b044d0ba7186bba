package org.postpatch.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.postpatch.config.Durations;
import org.postpatch.result.Confirmation;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;

/** What running probes again showed, in the operator's words, one line per kind of check. */
final class RecheckNotes {

    private RecheckNotes() {
    }

    static List<String> of(RunResult run, Comparison comparison, Set<String> confirmed, Set<String> measured,
                           Set<String> warmed, Duration settle, Duration took, String cutShort) {
        List<String> notes = new ArrayList<>();
        List<ProbeResult> failures = run.probes().stream().filter(p -> confirmed.contains(p.key())
                && p.samplesOrSelf().get(0).status() == org.postpatch.api.ProbeStatus.FAILED).toList();
        if (!failures.isEmpty()) {
            List<String> outcomes = new ArrayList<>();
            add(outcomes, failures, p -> p.confirmation() == Confirmation.REPRODUCED, "failed again");
            add(outcomes, failures, p -> p.confirmation() == Confirmation.FLAKED, "passed when run again (FLAKY)");
            add(outcomes, failures, p -> p.confirmation() == Confirmation.WARMED_UP, "passed once the target was warm");
            add(outcomes, failures, p -> p.confirmation() == Confirmation.NONE, "could not be run again to the end");
            long blocked = confirmed.size() - failures.size();
            notes.add("Ran " + failures.size() + " failed probe(s) again after " + Durations.format(settle)
                    + (blocked > 0 ? " (with the " + blocked + " they blocked)" : "") + ": " + String.join("; ", outcomes) + ".");
        }
        if (!measured.isEmpty()) {
            long stayed = comparison == null ? 0 : comparison.probes().stream()
                    .filter(p -> p.change() == Change.SLOWER && measured.contains(p.suite() + "/" + p.id())).count();
            notes.add("Measured " + measured.size() + " probe(s) that looked slower again; " + stayed + " stayed slower.");
        }
        if (!warmed.isEmpty()) {
            List<ProbeResult> probes = run.probes().stream().filter(p -> warmed.contains(p.key())).toList();
            notes.add("Measured " + probes.size() + " probe(s) again warm: first samples "
                    + range(probes.stream().map(p -> p.samplesOrSelf().get(0).time()).toList()) + ", judged on "
                    + range(probes.stream().map(ProbeResult::lastAttempt).toList()) + ".");
        }
        if (cutShort != null) {
            notes.add("Not everything was run again: " + cutShort + "; failures not run again stand.");
        }
        if (!notes.isEmpty()) {
            notes.add("Running again took " + Durations.format(took) + ".");
        }
        return notes;
    }

    private static void add(List<String> outcomes, List<ProbeResult> failures, Predicate<ProbeResult> which, String what) {
        List<String> ids = failures.stream().filter(which).map(ProbeResult::id).toList();
        if (!ids.isEmpty()) {
            outcomes.add(ids.size() + " " + what + " (" + String.join(", ", ids) + ")");
        }
    }

    private static String range(List<Duration> times) {
        Duration min = times.stream().min(Duration::compareTo).orElse(Duration.ZERO);
        Duration max = times.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        return min.equals(max) ? Durations.format(min) : Durations.format(min) + " to " + Durations.format(max);
    }
}
