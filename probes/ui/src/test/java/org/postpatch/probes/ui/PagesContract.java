package org.postpatch.probes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeStatus;
import org.postpatch.report.Reports;
import org.postpatch.report.RunReport;
import org.postpatch.result.ProbeResult;
import org.postpatch.testkit.ProbeTestKit;
import org.postpatch.testkit.RenderedRun;

/**
 * What ui probes do on real pages, the same in every browser: one run of a suite of probes against
 * {@link TestSite}, each test looking at the probes that show one behaviour. A subclass names the
 * browser and says what its pictures are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PagesContract {

    private TestSite site;
    private RenderedRun run;

    /** The browser's name in a probe file. */
    abstract String browser();

    /** Asserts that this file is the browser's picture of a page that shows this text. */
    abstract void assertPictureOf(Path file, String text);

    @BeforeAll
    void runTheSuite(@TempDir Path folder) {
        site = new TestSite();
        run = ProbeTestKit.in(folder).withEnvironment(Map.of("DEMO_PASSWORD", TestSite.PASSWORD)).render(4, """
                suite: pages
                defaults: { timeout: 30s }
                vars:
                  base: "%s"
                  password: ${secret:DEMO_PASSWORD}
                probes:
                  - id: signs-in
                    ui:
                      browser: %2$s
                      open: ${base}/login
                      steps:
                        - type: { "#user": demo, "#password": "${password}" }
                        - select: { "#country": France }
                        - click: "button[type=submit]"
                        - wait: { see: Welcome, within: 5s }
                        - see: { element: "#orders li", count: 3 }
                        - see: { title: Orders }
                        - see: { url: /orders }
                        - see: Shipping to France
                        - notSee: Error
                        - notSee: { element: "#archive li" }
                        - screenshot: signed-in
                  - id: signs-in-by-labels
                    ui:
                      browser: %2$s
                      open: ${base}/login
                      steps:
                        - type: { label: User name, text: demo }
                        - type: { label: Password, text: "${password}" }
                        - select: { label: Country, option: Spain }
                        - submit: "#login"
                        - wait: { see: Shipping to Spain }
                  - id: wrong-password
                    ui:
                      browser: %2$s
                      open: ${base}/login
                      steps:
                        - type: { "#user": demo, "#password": not-the-password }
                        - click: "button[type=submit]"
                        - see: Welcome
                  - id: missing-button
                    ui:
                      browser: %2$s
                      open: ${base}/login
                      within: 1s
                      steps: [ { click: "#no-such-button" } ]
                  - id: missing-option
                    ui:
                      browser: %2$s
                      open: ${base}/login
                      within: 300ms
                      steps: [ { select: { "#country": Atlantis } } ]
                  - id: secret-in-a-field
                    ui:
                      browser: %2$s
                      open: ${base}/login
                      steps: [ { type: { "#user": "${password}" } }, { see: Nothing like this } ]
                  - id: scripted
                    ui:
                      browser: %2$s
                      open: ${base}/scripted
                      steps: [ { see: { element: "#made" } }, { see: Made by script }, { notSee: Loading } ]
                  - id: delayed
                    ui:
                      browser: %2$s
                      open: ${base}/delayed
                      steps: [ { wait: { element: "#late", within: 5s } }, { see: Arrived late }, { wait: { notSee: Loading } } ]
                  - id: delayed-too-short
                    ui:
                      browser: %2$s
                      open: ${base}/delayed
                      steps: [ { wait: { element: "#late", within: 200ms } } ]
                  - id: script-error
                    ui:
                      browser: %2$s
                      open: ${base}/broken
                      steps: [ { see: Almost fine }, { noConsoleErrors: true } ]
                  - id: clean-page
                    ui:
                      browser: %2$s
                      open: ${base}/clean
                      steps: [ { noConsoleErrors: true } ]
                  - id: xpath-and-link
                    ui:
                      browser: %2$s
                      open: ${base}/links
                      steps:
                        - click: { xpath: "//button[2]" }
                        - see: Second pressed
                        - click: { link: Scripted page }
                        - wait: { see: Made by script }
                        - see: { url: /scripted }
                  - id: first-visitor
                    ui:
                      browser: %2$s
                      open: ${base}/visitor
                      steps: [ { see: "Left before: nothing" } ]
                  - id: second-visitor
                    needs: [first-visitor]
                    ui:
                      browser: %2$s
                      open: ${base}/visitor
                      steps: [ { see: "Left before: nothing" } ]
                  - id: page-never-loads
                    needs: [second-visitor]
                    timeout: 5s
                    ui:
                      browser: %2$s
                      open: ${base}/never
                """.formatted(site.base(), browser()));
        // The console view, in the test's output file, shows every probe's reason when a test fails.
        System.out.println(run.console());
    }

    @AfterAll
    void stopTheSite() {
        site.close();
    }

    private ProbeResult probe(String id) {
        return run.probe(id);
    }

    private void assertPassed(String id) {
        assertThat(probe(id).status()).as(id + ": " + probe(id).message()).isEqualTo(ProbeStatus.PASSED);
    }

    private String failure(String id) {
        assertThat(probe(id).status()).as(id + ": " + probe(id).message()).isEqualTo(ProbeStatus.FAILED);
        return probe(id).message();
    }

    @Test
    void formIsTypedSelectedAndSubmittedToTheResultPage() {
        assertPassed("signs-in");
        assertThat(probe("signs-in").message()).startsWith("11 steps passed in " + browser())
                .endsWith("ending on " + site.base() + "/orders ('Orders')");
    }

    @Test
    void labelsFindTheirFieldsAndSubmitSendsTheForm() {
        assertPassed("signs-in-by-labels");
    }

    @Test
    void namedScreenshotIsAttachedToAPassingProbe() {
        List<Outcome.Attachment> attachments = probe("signs-in").attachments();
        assertThat(attachments).hasSize(1);
        assertThat(attachments.get(0).file().getFileName().toString()).startsWith("signed-in.");
        assertPictureOf(attachments.get(0).file(), "Welcome, demo");
    }

    @Test
    void failedSeeNamesTheStepWhatItExpectedWhatThePageSaidAndWhere() {
        assertThat(failure("wrong-password"))
                .startsWith("step 3 see text 'Welcome': the page says \"Error: wrong user name or password User name")
                .endsWith("; on " + site.base() + "/orders ('Sign in')");
    }

    @Test
    void elementThatNeverAppearsFailsAtTheEndOfItsWait() {
        assertThat(failure("missing-button")).isEqualTo("step 1 click '#no-such-button': no element matches within 1s; on "
                + site.base() + "/login ('Sign in')");
    }

    @Test
    void failedStepAttachesAPictureOfThePageItFailedOn() {
        List<Outcome.Attachment> attachments = probe("missing-button").attachments();
        assertThat(attachments).hasSize(1);
        assertThat(attachments.get(0).file()).hasFileName(attachments.get(0).file().getFileName().toString())
                .isAbsolute().exists();
        assertThat(attachments.get(0).file().getFileName().toString()).startsWith("attempt-1-step-1-failed.");
        assertPictureOf(attachments.get(0).file(), "Sign in");
    }

    @Test
    void reportsLinkThePictureOfAFailedStep() throws Exception {
        Path picture = probe("missing-button").attachments().get(0).file();
        JsonNode json = new ObjectMapper().readTree(run.json());
        JsonNode reported = null;
        for (JsonNode node : json.path("probes")) {
            if (node.path("id").asText().equals("missing-button")) {
                reported = node;
            }
        }
        assertThat(reported).isNotNull();
        assertThat(reported.path("attachments").get(0).path("path").asText()).isEqualTo(picture.toString());
        assertThat(run.junitXml()).contains("[[ATTACHMENT|" + picture.toAbsolutePath() + "]]");
        assertThat(Reports.HTML.render(RunReport.recorded(json))).contains("<a href=\"file://" + picture + "\">" + picture.getFileName() + "</a>");
    }

    @Test
    void pageThatNeverLoadsFailsWithinTheProbesTimeWithItsOwnReason() {
        assertThat(failure("page-never-loads")).matches("open '" + Pattern.quote(site.base())
                + "/never': the page did not load within [0-9.]+m?s \\(all the probe had left\\); on .*");
        assertThat(probe("page-never-loads").attachments()).hasSize(1);
        assertThat(probe("page-never-loads").late()).as("a page that does not load in time is late").isTrue();
        assertThat(probe("missing-option").late()).as("a missing option is not late, whatever the wait").isFalse();
    }

    @Test
    void missingOptionIsNamedWithTheOptionsThereAre() {
        assertThat(failure("missing-option")).isEqualTo("step 1 select 'Atlantis' in '#country': no option 'Atlantis' "
                + "within 300ms; its options are 'Germany', 'France', 'Spain'; on " + site.base() + "/login ('Sign in')");
    }

    @Test
    void scriptCreatedElementIsSeen() {
        assertPassed("scripted");
    }

    @Test
    void elementThatAppearsASecondLateIsWaitedFor() {
        assertPassed("delayed");
    }

    @Test
    void waitTooShortForTheLateElementFailsNamingWhatItWaitedFor() {
        assertThat(failure("delayed-too-short")).isEqualTo("step 1 wait for element '#late': not there within 200ms: "
                + "no visible element matches; on " + site.base() + "/delayed ('Delayed')");
    }

    @Test
    void scriptErrorFailsNoConsoleErrorsNamingTheError() {
        assertThat(failure("script-error")).startsWith("step 2 noConsoleErrors: 1 console error: ")
                .contains("undefinedFunction").contains("is not defined")
                .endsWith("; on " + site.base() + "/broken ('Broken')");
    }

    @Test
    void pageWithoutScriptErrorsPassesNoConsoleErrors() {
        assertPassed("clean-page");
    }

    @Test
    void xpathAndLinkTextFindTheirElements() {
        assertPassed("xpath-and-link");
    }

    @Test
    void probeStartsWithoutTheCookiesAndStorageOfTheProbeBefore() {
        assertPassed("first-visitor");
        assertPassed("second-visitor");
    }

    @Test
    void secretTypedIntoFieldsAppearsInNoOutputNorPageCopy() {
        assertThat(failure("secret-in-a-field")).startsWith("step 2 see text 'Nothing like this'");
        assertThat(run.everything()).doesNotContain(TestSite.PASSWORD);
        for (ProbeResult probe : run.run().probes()) {
            for (Outcome.Attachment attachment : probe.attachments()) {
                if (attachment.mediaType().equals("text/html")) {
                    assertThat(Pictures.html(attachment.file())).as(attachment.file().toString()).doesNotContain(TestSite.PASSWORD);
                }
            }
        }
    }
}
