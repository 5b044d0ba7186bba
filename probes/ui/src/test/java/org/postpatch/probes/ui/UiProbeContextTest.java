package org.postpatch.probes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeStatus;
import org.postpatch.testkit.ProbeTestKit;
import org.postpatch.testkit.RenderedRun;

/** Java probes that take a {@link UiProbeContext} drive the run's shared browser, with its lifecycle and evidence. */
class UiProbeContextTest {

    private static TestSite site;

    @TempDir
    Path folder;

    @BeforeAll
    static void startTheSite() {
        SeleniumManagerTripwire.arm();
        site = new TestSite();
    }

    @AfterAll
    static void stopTheSite() {
        site.close();
    }

    private RenderedRun run(String browserVariables, String moreProbes) {
        RenderedRun run = ProbeTestKit.in(folder).withEnvironment(Map.of("DEMO_PASSWORD", TestSite.PASSWORD)).render(4, """
                suite: store
                defaults: { timeout: 60s }
                vars:
                  base: "%s"
                  password: ${secret:DEMO_PASSWORD}
                %s
                classes: [%s]
                %s
                """.formatted(site.base(), browserVariables.indent(2), StoreProbes.class.getName(),
                moreProbes.isEmpty() ? "" : "probes:\n" + moreProbes));
        System.out.println(run.console());
        return run;
    }

    @Test
    void javaProbesDriveHtmlUnitByDefault() {
        RenderedRun run = run("", "");

        assertThat(run.probe("signsIn").status()).as(run.probe("signsIn").message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(run.probe("startsSignedOut").status()).as(run.probe("startsSignedOut").message())
                .isEqualTo(ProbeStatus.PASSED);
        Outcome.Attachment named = run.probe("signsIn").attachments().get(0);
        assertThat(named.file()).hasFileName("orders.html");
        assertThat(Pictures.html(named.file())).contains("Welcome, demo");
    }

    @Test
    void failedJavaProbeNamesThePageAndAttachesItsPicture() {
        RenderedRun run = run("", "");

        assertThat(run.probe("clicksAButtonThatIsNotThere").status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(run.probe("clicksAButtonThatIsNotThere").message())
                .startsWith("NoSuchElementException: ")
                .contains("no-such-button")
                .doesNotContain("Build info")
                .endsWith("; on " + site.base() + "/login ('Sign in')");
        assertThat(run.probe("clicksAButtonThatIsNotThere").attachments()).singleElement()
                .satisfies(picture -> assertThat(picture.file()).hasFileName("attempt-1-failed.html"));
    }

    @Test
    void javaAndUiProbesOfARunShareOneChromium() {
        CountingWrappers wrappers = CountingWrappers.in(folder);
        RenderedRun run = run("""
                ui.browser: chrome
                ui.driver: %s
                ui.binary: %s
                """.formatted(wrappers.driver(), wrappers.binary()), """
                  - id: scripted
                    ui: { browser: chrome, driver: %s, binary: %s, open: "%s/scripted", steps: [ { see: Made by script } ] }
                """.formatted(wrappers.driver(), wrappers.binary(), site.base()));

        assertThat(run.probe("signsIn").status()).as(run.probe("signsIn").message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(run.probe("startsSignedOut").status()).as(run.probe("startsSignedOut").message())
                .isEqualTo(ProbeStatus.PASSED);
        assertThat(run.probe("scripted").status()).as(run.probe("scripted").message()).isEqualTo(ProbeStatus.PASSED);
        Pictures.assertPng(run.probe("signsIn").attachments().get(0).file());
        Pictures.assertPng(run.probe("clicksAButtonThatIsNotThere").attachments().get(0).file());
        assertThat(wrappers.started()).containsExactlyInAnyOrder(wrappers.driver().toString(), wrappers.binary().toString());
        assertThat(run.everything()).doesNotContain(TestSite.PASSWORD);
    }
}
