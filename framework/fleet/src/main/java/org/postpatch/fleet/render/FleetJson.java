package org.postpatch.fleet.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import org.postpatch.fleet.model.ChangeReport;
import org.postpatch.fleet.model.FigureRow;
import org.postpatch.fleet.model.FleetView;
import org.postpatch.fleet.model.PatchEvent;
import org.postpatch.fleet.model.TargetTimeline;
import org.postpatch.fleet.read.ProbeMark;
import org.postpatch.fleet.read.RunRow;

/**
 * The fleet view as JSON: {@code postpatch fleet --format json} and the dashboard's API render the
 * same documents, so that one can stand in for the other. Every document names its period.
 */
public final class FleetJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FleetJson() {
    }

    /** {@code fleet --format json} and {@code /api/fleet}: targets and changes, and the figures when asked. */
    public static ObjectNode fleet(FleetView view, boolean withFigures) {
        ObjectNode document = period(view);
        ObjectNode counts = document.putObject("counts");
        view.counts().forEach((state, count) -> counts.put(state.name(), count));
        ArrayNode targets = document.putArray("targets");
        view.targets().forEach(target -> target(targets.addObject(), target));
        changes(document.putArray("changes"), view);
        if (withFigures) {
            figures(document.putObject("figures"), view);
        }
        return document;
    }

    /** {@code /api/changes}. */
    public static ObjectNode changes(FleetView view) {
        ObjectNode document = period(view);
        changes(document.putArray("changes"), view);
        return document;
    }

    /** {@code /api/figures}. */
    public static ObjectNode figures(FleetView view) {
        ObjectNode document = period(view);
        figures(document.putObject("figures"), view);
        return document;
    }

    /**
     * What anyone may see, without a token: each suite and target with its state and when its last
     * verdict was known; no versions, changes, probes or runs.
     */
    public static ObjectNode states(FleetView view) {
        ObjectNode document = period(view);
        ArrayNode targets = document.putArray("targets");
        for (TargetTimeline target : view.targets()) {
            targets.addObject().put("suite", target.suite()).put("target", target.target())
                    .put("state", target.state().name()).put("lastVerdictAt", target.last().finishedAt().toString());
        }
        return document;
    }

    /** Indented JSON text, ending with a newline. */
    public static String text(ObjectNode document) {
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ObjectNode period(FleetView view) {
        return MAPPER.createObjectNode().put("since", view.period().since().toString())
                .put("until", view.period().until().toString());
    }

    private static void target(ObjectNode node, TargetTimeline target) {
        node.put("suite", target.suite()).put("target", target.target()).put("state", target.state().name());
        run(node.putObject("lastRun"), target.last());
        putOptional(node, "appVersion", target.appVersion());
        putOptional(node, "jvm", target.jvm());
        Optional<PatchEvent> change = target.lastChange();
        if (change.isPresent()) {
            ObjectNode last = node.putObject("lastChange");
            last.put("at", change.get().at().toString());
            ArrayNode items = last.putArray("changes");
            change.get().items().forEach(item -> items.add(item.toString()));
            last.put("verdict", change.get().judgingRun().map(RunRow::verdict).orElse(null));
            last.put("rolledBack", change.get().rolledBack());
        } else {
            node.putNull("lastChange");
        }
        ArrayNode failing = node.putArray("failingProbes");
        for (ProbeMark probe : target.failingProbes()) {
            failing.addObject().put("id", probe.probeId()).put("status", probe.status()).put("change", probe.change());
        }
    }

    private static void run(ObjectNode node, RunRow run) {
        node.put("runId", run.runId()).put("kind", run.kind()).put("verdict", run.verdict())
                .put("startedAt", run.startedAt().toString()).put("finishedAt", run.finishedAt().toString())
                .put("rolledBack", run.rolledBack());
    }

    private static void changes(ArrayNode array, FleetView view) {
        for (ChangeReport change : view.changes()) {
            ObjectNode node = array.addObject();
            node.put("change", change.title()).put("kind", change.kind().name());
            ArrayNode items = node.putArray("items");
            change.items().forEach(item -> items.add(item.toString()));
            ArrayNode suites = node.putArray("suites");
            change.suites().forEach(suites::add);
            node.put("firstSeen", change.firstSeen().toString());
            node.putObject("attribution").put("verdict", change.attribution().verdict().name())
                    .put("text", change.attribution().text()).put("took", change.attribution().took())
                    .put("judged", change.attribution().judged()).put("regressed", change.attribution().regressed())
                    .put("probe", change.attribution().probe())
                    .put("probeRegressed", change.attribution().probeRegressed())
                    .put("others", change.attribution().others())
                    .put("othersRegressed", change.attribution().othersRegressed());
            ArrayNode regressed = node.putArray("regressedProbes");
            change.regressed().forEach(regressed::add);
            node.put("rollbacks", change.rollbacks());
            ArrayNode targets = node.putArray("targets");
            for (PatchEvent event : change.events()) {
                ObjectNode taker = targets.addObject().put("suite", event.suite()).put("target", event.target())
                        .put("at", event.at().toString())
                        .put("runId", event.judgingRun().map(RunRow::runId).orElse(null))
                        .put("verdict", event.judgingRun().map(RunRow::verdict).orElse(null));
                ArrayNode probes = taker.putArray("regressed");
                event.regressed().stream().sorted().forEach(probes::add);
                taker.put("rolledBack", event.rolledBack());
            }
        }
    }

    private static void figures(ObjectNode node, FleetView view) {
        ArrayNode byKind = node.putArray("byKind");
        view.figures().byKind().forEach(row -> row(byKind.addObject(), row));
        ArrayNode byApplication = node.putArray("byApplication");
        view.figures().byApplication().forEach(row -> row(byApplication.addObject(), row));
        row(node.putObject("total"), view.figures().total());
    }

    private static void row(ObjectNode node, FigureRow row) {
        node.put("group", row.group()).put("name", row.name()).put("patches", row.patches())
                .put("verified", row.verified()).put("failed", row.failed());
        if (row.changeFailureRate().isPresent()) {
            node.put("changeFailureRate", Math.round(row.changeFailureRate().get() * 1000) / 1000.0);
        } else {
            node.putNull("changeFailureRate");
        }
        node.put("caughtOnFirstTarget", row.caughtOnFirstTarget());
        seconds(node, "timeToVerdictMedianSeconds", row.medianToVerdict());
        seconds(node, "timeToVerdictP95Seconds", row.p95ToVerdict());
        node.put("rollbacks", row.rollbacks()).put("exposureTargetHours", row.exposureHours());
    }

    private static void seconds(ObjectNode node, String name, Optional<Duration> duration) {
        if (duration.isPresent()) {
            node.put(name, duration.get().toMillis() / 1000.0);
        } else {
            node.putNull(name);
        }
    }

    private static void putOptional(ObjectNode node, String name, Optional<String> value) {
        if (value.isPresent()) {
            node.put(name, value.get());
        } else {
            node.putNull(name);
        }
    }
}
