package org.postpatch.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postpatch.fleet.model.Attribution;
import org.postpatch.fleet.model.ChangeReport;
import org.postpatch.fleet.model.FleetView;
import org.postpatch.fleet.model.TargetState;
import org.postpatch.fleet.model.TargetTimeline;
import org.postpatch.ledger.Ledger;
import org.postpatch.ledger.Ledgers;
import org.postpatch.result.Fingerprint;
import org.postpatch.testing.PostgresServer;

/** The fleet view of a recorded fleet, on a real PostgreSQL ledger (the fleet's store) and on H2. */
class FleetAttributionTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path folder;

    private FleetView record(String database, boolean rollBack) throws Exception {
        String location = Ledgers4Tests.location(database, folder, POSTGRES);
        try (Ledger ledger = Ledgers.open(location)) {
            FleetScenario scenario = FleetScenario.record(ledger);
            if (rollBack) {
                assertThat(ledger.markRolledBack(scenario.failedPaymentsVerify)).isTrue();
            }
        }
        try (LedgerFleet fleet = LedgerFleet.open(location)) {
            return fleet.view(FleetScenario.PERIOD, null);
        }
    }

    private static ChangeReport change(FleetView view, String title) {
        return view.changes().stream().filter(c -> c.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no change '" + title + "' among " + view.changes().stream()
                        .map(ChangeReport::title).toList()));
    }

    private static TargetTimeline target(FleetView view, String suite, String target) {
        return view.targets().stream().filter(t -> t.suite().equals(suite) && t.target().equals(target)).findFirst()
                .orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aChangeThatRegressedOnEveryTargetThatTookItIsTheLikelyCause(String database) throws Exception {
        FleetView view = record(database, false);

        ChangeReport jvm = change(view, "jvm.version 17.0.15 -> 17.0.16");
        assertThat(jvm.attribution().verdict()).isEqualTo(Attribution.Verdict.LIKELY_CAUSE);
        assertThat(jvm.attribution().text())
                .isEqualTo("likely cause: checkout REGRESSED on 3/3 targets that took it, 0/1 of those that did not");
        assertThat(jvm.regressed()).containsExactly("checkout");
        assertThat(jvm.events()).extracting(e -> e.target()).containsExactly("node-1", "node-2", "node-3");
        assertThat(view.changes().get(0)).isSameAs(jvm);
        assertThat(target(view, "orders", "node-1").state()).isEqualTo(TargetState.FAILING);
        assertThat(target(view, "orders", "node-4").state()).isEqualTo(TargetState.OK);
        assertThat(view.anyFailing()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aRegressionOnOneTargetOfSeveralIsNodeLocal(String database) throws Exception {
        FleetView view = record(database, false);

        ChangeReport release = change(view, "app.version 2.0 -> 2.1");
        assertThat(release.attribution().verdict()).isEqualTo(Attribution.Verdict.NODE_LOCAL);
        assertThat(release.attribution().text()).isEqualTo("node-local: 1 of 4 targets that took it (billing/b-3)");
        assertThat(release.regressed()).containsExactly("search");
        assertThat(target(view, "billing", "b-3").state()).isEqualTo(TargetState.FAILING);
        assertThat(target(view, "billing", "b-2").state()).isEqualTo(TargetState.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aFingerprintChangeThatNoRunJudgedIsUnverified(String database) throws Exception {
        FleetView view = record(database, false);

        TargetTimeline inventory = target(view, "inventory", "inv-1");
        assertThat(inventory.state()).isEqualTo(TargetState.UNVERIFIED);
        assertThat(inventory.lastChange().orElseThrow().items()).extracting(Object::toString)
                .containsExactly("os.version 6.1.0 -> 6.1.0-27");
        ChangeReport os = change(view, "os.version 6.1.0 -> 6.1.0-27");
        assertThat(os.attribution().verdict()).isEqualTo(Attribution.Verdict.UNVERIFIED);
        assertThat(os.attribution().text()).isEqualTo("unverified: no run judged it yet on the 1 target that took it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aFailedPatchIsFailingUntilItsRollbackIsMarked(String database) throws Exception {
        assertThat(target(record(database, false), "payments", "pay-1").state()).isEqualTo(TargetState.FAILING);

        FleetView view = record(database, true);

        TargetTimeline payments = target(view, "payments", "pay-1");
        assertThat(payments.state()).isEqualTo(TargetState.ROLLED_BACK);
        assertThat(payments.lastChange().orElseThrow().rolledBack()).isTrue();
        ChangeReport release = change(view, "app.version 5.0 -> 5.1");
        assertThat(release.rollbacks()).isEqualTo(1);
        assertThat(release.attribution().text())
                .isEqualTo("likely cause: checkout REGRESSED on 1/1 target that took it, 0/0 of those that did not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void theViewListsEveryTargetAndTheMostAlarmingChangesFirst(String database) throws Exception {
        FleetView view = record(database, true);

        assertThat(view.targets()).extracting(t -> t.suite() + "/" + t.target() + " " + t.state().label())
                .containsExactly("billing/b-1 OK", "billing/b-2 OK", "billing/b-3 FAILING", "billing/b-4 OK",
                        "inventory/inv-1 UNVERIFIED", "orders/node-1 FAILING", "orders/node-2 FAILING",
                        "orders/node-3 FAILING", "orders/node-4 OK", "payments/pay-1 ROLLED BACK");
        assertThat(view.changes()).extracting(c -> c.attribution().verdict()).containsExactly(
                Attribution.Verdict.LIKELY_CAUSE, Attribution.Verdict.LIKELY_CAUSE, Attribution.Verdict.NODE_LOCAL,
                Attribution.Verdict.UNVERIFIED);
        assertThat(List.of(view.figures().total().patches(), view.figures().total().failed(),
                view.figures().total().rollbacks(), view.figures().total().caughtOnFirstTarget()))
                .containsExactly(9, 5, 1, 1);
    }

    private FleetView web(String location, java.util.function.Consumer<FleetRecorder> runs) {
        try (Ledger ledger = Ledgers.open(location)) {
            runs.accept(new FleetRecorder(ledger));
        }
        try (LedgerFleet fleet = LedgerFleet.open(location)) {
            return fleet.view(FleetScenario.PERIOD, "web");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void theProbeThatFollowsTheChangeDecidesNotOneThatAlsoRegressedElsewhere(String database) throws Exception {
        Instant day = FleetScenario.DAY_1;
        Fingerprint before = FleetRecorder.fingerprint("1.0", "17.0.15");
        FleetView view = web(Ledgers4Tests.location(database, folder, POSTGRES), recorder -> {
            // An OS patch on w-2, after which "search" (a flaky probe) regressed.
            String other = recorder.baseline("web", "w-2", day, before);
            recorder.verify("web", "w-2", day.plusSeconds(60), FleetRecorder.fingerprint("1.0", "17.0.15-os"), other,
                    "search");
            // Release 1.1 on w-1: "checkout" and "search" regressed.
            String baseline = recorder.baseline("web", "w-1", day.plusSeconds(600), before);
            recorder.verify("web", "w-1", day.plusSeconds(660), FleetRecorder.fingerprint("1.1", "17.0.15"), baseline,
                    "checkout", "search");
        });

        ChangeReport release = change(view, "app.version 1.0 -> 1.1");
        assertThat(release.regressed()).containsExactly("checkout", "search");
        assertThat(release.attribution().text())
                .isEqualTo("likely cause: checkout REGRESSED on 1/1 target that took it, 0/1 of those that did not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aPatchIsJudgedByTheRunThatJudgedItNotByLaterFailures(String database) throws Exception {
        Instant day = FleetScenario.DAY_1;
        FleetView view = web(Ledgers4Tests.location(database, folder, POSTGRES), recorder -> {
            String baseline = recorder.baseline("web", "w-3", day, FleetRecorder.fingerprint("1.1", "17.0.15"));
            Fingerprint patched = FleetRecorder.fingerprint("1.2", "17.0.15");
            recorder.verify("web", "w-3", day.plusSeconds(60), patched, baseline);
            // Three days later, on the same fingerprint, "health" fails against the same baseline.
            recorder.verify("web", "w-3", day.plusSeconds(3 * 86_400), patched, baseline, "health");
        });

        ChangeReport release = change(view, "app.version 1.1 -> 1.2");
        assertThat(release.events()).singleElement().satisfies(event -> {
            assertThat(event.regressed()).isEmpty();
            assertThat(event.judging().verdict()).isEqualTo("PASS");
        });
        assertThat(release.attribution().text()).isEqualTo("verified: no regression on 1/1 target that took it");
        assertThat(target(view, "web", "w-3").state()).isEqualTo(TargetState.FAILING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void onlyRegressedCountsNotFlakyBlockedOrChangesThisVersionDoesNotKnow(String database) throws Exception {
        Instant day = FleetScenario.DAY_1;
        FleetView view = web(Ledgers4Tests.location(database, folder, POSTGRES), recorder -> {
            Ledger ledger = recorder.ledger();
            String baseline = recorder.baseline("web", "w-4", day, FleetRecorder.fingerprint("2.0", "17.0.15"));
            // A verify as a newer postpatch records it: changes this version does not know are shown, not counted.
            java.util.List<org.postpatch.ledger.LedgerProbe> probes = java.util.List.of(
                    new org.postpatch.ledger.LedgerProbe("health", "http", "critical", "PASSED", 30, 30, 1, "", "SAME"),
                    new org.postpatch.ledger.LedgerProbe("checkout", "http", "critical", "FAILED", 30, 30, 2,
                            "expected status 200 but was 503", "FLAKY"),
                    new org.postpatch.ledger.LedgerProbe("search", "http", "critical", "BLOCKED", 0, 0, 0,
                            "blocked: needs 'checkout'", "BLOCKED"),
                    new org.postpatch.ledger.LedgerProbe("export", "http", "warning", "FAILED", 30, 30, 1, "late",
                            "SOMETHING_NEWER"));
            ledger.record(java.util.List.of(new org.postpatch.ledger.LedgerRun("newer-verify", "web", "w-4",
                    org.postpatch.ledger.RunKind.VERIFY, org.postpatch.ledger.Trigger.COMMAND_LINE, day.plusSeconds(60),
                    java.time.Duration.ofSeconds(3), org.postpatch.result.Verdict.WARN, false, false,
                    FleetRecorder.fingerprint("2.1", "17.0.15"), baseline, false, null, probes)), "{}");
        });

        ChangeReport release = change(view, "app.version 2.0 -> 2.1");
        assertThat(release.regressed()).isEmpty();
        assertThat(release.attribution().text()).isEqualTo("verified: no regression on 1/1 target that took it");
        TargetTimeline target = target(view, "web", "w-4");
        assertThat(target.state()).isEqualTo(TargetState.OK);
        assertThat(target.failingProbes()).extracting(p -> p.probeId() + " " + p.change())
                .containsExactly("checkout FLAKY", "search BLOCKED", "export SOMETHING_NEWER");
    }
}
