package org.postpatch.probes.junit;

import org.postpatch.testkit.ProbeTestKit;
import org.postpatch.testkit.RenderedRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeStatus;
import org.postpatch.probes.junit.sample.slow.HangingTest;
import org.postpatch.result.ProbeResult;

/** The {@code junit} kind running the sample tests of {@code org.postpatch.probes.junit.sample}. */
class JunitProbeTest {

    private static final String SAMPLE = "org.postpatch.probes.junit.sample";

    @TempDir
    Path folder;

    private ProbeResult run(String junitBlock) {
        return runProbes("""
                - id: smoke-tests
                  junit: %s
                """.formatted(junitBlock)).probe("smoke-tests");
    }

    private RenderedRun runProbes(String probes) {
        return ProbeTestKit.in(folder).render("suite: smoke\nprobes:\n" + probes.indent(2));
    }

    @Test
    void passingTestsPassTheProbeAndEachIsReportedAsAPart() {
        ProbeResult result = run("{ packages: [" + SAMPLE + ".passing], tags: [postpatch] }");

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).isEqualTo("2 tests passed");
        assertThat(result.parts()).extracting(Outcome.Part::name, Outcome.Part::status).containsExactly(
                tuple("HealthSmokeTest > answersHealth()", ProbeStatus.PASSED),
                tuple("HealthSmokeTest > listsOrders()", ProbeStatus.PASSED));
    }

    @Test
    void withoutTagsEveryTestOfThePackageRuns() {
        ProbeResult result = run("{ packages: [" + SAMPLE + ".passing] }");

        assertThat(result.message()).isEqualTo("3 tests passed");
        assertThat(result.parts()).extracting(Outcome.Part::name)
                .contains("ReportExportTest > exportsAReport()");
    }

    @Test
    void excludedTagsLeaveTheirTestsOut() {
        ProbeResult result = run("{ packages: [" + SAMPLE + ".passing], excludeTags: [postpatch] }");

        assertThat(result.parts()).extracting(Outcome.Part::name).containsExactly("ReportExportTest > exportsAReport()");
    }

    @Test
    void failingTestsFailTheProbeWithTheirMessages() {
        ProbeResult result = run("{ packages: [" + SAMPLE + ".failing], tags: [postpatch] }");

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("2 of 4 tests failed: "
                + "OrderSmokeTest > cancelsAnOrder(): IllegalStateException: order service unavailable; "
                + "OrderSmokeTest > createsAnOrder(): [status of POST /api/orders] expected: 201 but was: 500");
        assertThat(result.parts()).extracting(Outcome.Part::name, Outcome.Part::status, Outcome.Part::message).containsExactly(
                tuple("OrderSmokeTest > cancelsAnOrder()", ProbeStatus.FAILED, "IllegalStateException: order service unavailable"),
                tuple("OrderSmokeTest > createsAnOrder()", ProbeStatus.FAILED, "[status of POST /api/orders] expected: 201 but was: 500"),
                tuple("OrderSmokeTest > readsAnOrder()", ProbeStatus.PASSED, ""),
                tuple("OrderSmokeTest > refundsAnOrder()", ProbeStatus.SKIPPED, "Assumption failed: refunds are off in this environment"));
    }

    @Test
    void classesAndMethodsSelectTests() {
        ProbeResult result = run("{ classes: [" + SAMPLE + ".passing.ReportExportTest], methods: [\""
                + SAMPLE + ".failing.OrderSmokeTest#readsAnOrder\"] }");

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.parts()).extracting(Outcome.Part::name).containsExactlyInAnyOrder(
                "ReportExportTest > exportsAReport()", "OrderSmokeTest > readsAnOrder()");
    }

    @Test
    void nestedAndParameterizedTestsAreNamedByTheirPath() {
        ProbeResult result = run("{ packages: [" + SAMPLE + ".nested] }");

        assertThat(result.parts()).extracting(Outcome.Part::name).containsExactlyInAnyOrder(
                "CheckoutTest > totals(int) > 3 items", "CheckoutTest > WithACoupon > discounts()");
    }

    @Test
    void failedSetUpFailsTheProbeNamingTheClass() {
        ProbeResult result = run("{ packages: [" + SAMPLE + ".broken] }");

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo("1 of 1 tests failed: BrokenSetupTest: IllegalStateException: database not reachable");
    }

    @Test
    void noMatchingTestFailsTheProbe() {
        assertThat(run("{ packages: [" + SAMPLE + ".nothing] }").message())
                .isEqualTo("no tests matched packages [" + SAMPLE + ".nothing]");
        assertThat(run("{ packages: [" + SAMPLE + ".passing], tags: [nightly] }").message())
                .isEqualTo("no tests matched packages [" + SAMPLE + ".passing] with tags [nightly]");
    }

    @Test
    void probeAbandonedAtItsTimeoutStopsItsTestRun() {
        HangingTest.ENDINGS.clear();
        RenderedRun run = runProbes("""
                - id: hanging-tests
                  timeout: 1s
                  junit: { classes: [%s.slow.HangingTest] }
                """.formatted(SAMPLE));

        assertThat(run.probe("hanging-tests").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(run.probe("hanging-tests").message()).isEqualTo("timed out after 1s");
        // Each test would wait a minute; interrupted, the launcher run ends at once.
        await("both hanging tests to end").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(HangingTest.ENDINGS).containsExactly("interrupted", "interrupted"));
    }
}
