package org.postpatch.probes.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.config.Problem;
import org.postpatch.testkit.ProbeTestKit;
import org.postpatch.probes.ui.browser.BrowserSettings;

/** A ui probe file is read whole and refused before anything runs when it is wrong, with where and why. */
class UiProbeFileTest {

    @TempDir
    Path folder;

    private List<String> problems(String ui) {
        ProbeTestKit files = ProbeTestKit.in(folder);
        Path file = files.write("probes.yaml", "suite: checks\nprobes:\n  - id: login\n    ui:\n"
                + ui.indent(6));
        InvalidSuiteException invalid = catchThrowableOfType(InvalidSuiteException.class, () -> files.load(file));
        return invalid == null ? List.of() : invalid.problems().stream().map(Problem::toString)
                .map(text -> text.replace(folder.toString() + "/", "")).toList();
    }

    @Test
    void everyKeyAndStepOfTheReadmeExampleIsAccepted() {
        assertThat(problems("""
                browser: htmlunit
                open: http://localhost:8080/login
                within: 3s
                steps:
                  - type: { "#user": demo, "#password": secret }
                  - type: { label: User name, text: demo }
                  - select: { "#country": France }
                  - select: { label: Country, option: France }
                  - click: "button[type=submit]"
                  - click: { xpath: "//button[1]" }
                  - click: { link: Orders }
                  - submit: "form#search"
                  - wait: { see: Welcome, within: 5s }
                  - wait: { notSee: Loading }
                  - wait: { element: "#orders li", count: 3 }
                  - wait: { url: /orders }
                  - see: Welcome
                  - see: { element: "#orders li", count: 3 }
                  - see: { title: Orders }
                  - see: { url: /orders }
                  - notSee: Error
                  - notSee: { element: { css: ".error" } }
                  - open: /orders/1
                  - noConsoleErrors: true
                  - screenshot: after-login
                """)).isEmpty();
    }

    @Test
    void misspeltStepIsRefusedWithWhereAndASuggestion() {
        assertThat(problems("""
                open: http://localhost:8080/login
                steps:
                  - clik: "#go"
                """)).containsExactly("probes.yaml:7:17: probe 'login': ui.steps[0].clik: unknown step "
                + "(did you mean 'click'?); the steps are open, type, select, click, submit, wait, see, notSee, "
                + "noConsoleErrors, screenshot");
    }

    @Test
    void unknownBrowserIsRefusedWithASuggestion() {
        assertThat(problems("browser: chrom\nopen: http://localhost/")).singleElement().asString()
                .endsWith("ui.browser: expected one of htmlunit, chrome, remote, found 'chrom' (did you mean 'chrome'?)");
    }

    @Test
    void probeWithoutAPageToOpenIsRefused() {
        assertThat(problems("steps: [ { see: Welcome } ]")).singleElement().asString()
                .endsWith("probe 'login': ui: missing 'open' (a string)");
    }

    @Test
    void relativeFirstPageIsRefused() {
        assertThat(problems("open: /login")).singleElement().asString()
                .endsWith("ui.open: expected an http, https or file URL, like http://localhost:8080/login, found '/login'");
    }

    @Test
    void waitForNothingIsRefusedBecauseAProbeNeverJustSleeps() {
        assertThat(problems("open: http://localhost/\nsteps: [ { wait: 2s } ]")).singleElement().asString()
                .endsWith("ui.steps[0].wait: expected what to wait for, like { see: Welcome, within: 5s }, found '2s'; "
                        + "a ui probe never just sleeps");
        assertThat(problems("open: http://localhost/\nsteps: [ { wait: { within: 2s } } ]")).singleElement().asString()
                .endsWith("ui.steps[0].wait: missing what to wait for: see, notSee, text, element, title or url");
    }

    @Test
    void misspeltExpectationKeyIsRefusedWithASuggestion() {
        assertThat(problems("open: http://localhost/\nsteps: [ { see: { txt: Welcome } } ]"))
                .anySatisfy(problem -> assertThat(problem).endsWith("ui.steps[0].see: unknown key 'txt' (did you mean 'text'?)"));
    }

    @Test
    void invalidXPathIsRefused() {
        assertThat(problems("open: http://localhost/\nsteps: [ { click: { xpath: \"//button[\" } } ]")).singleElement()
                .asString().endsWith("ui.steps[0].click.xpath: not a valid XPath: //button[");
    }

    @Test
    void countIsOnlyForElementsThatShouldBeThere() {
        assertThat(problems("open: http://localhost/\nsteps: [ { see: { text: Hi, count: 2 } } ]")).singleElement()
                .asString().endsWith("ui.steps[0].see.count: applies only to element");
        assertThat(problems("open: http://localhost/\nsteps: [ { notSee: { element: li, count: 2 } } ]")).singleElement()
                .asString().endsWith("ui.steps[0].notSee.count: notSee takes no count; "
                        + "to expect a number of elements use see: { element: ..., count: 2 }");
    }

    @Test
    void gridNeedsItsHttpUrl() {
        assertThat(problems("browser: remote\nopen: http://localhost/")).singleElement().asString()
                .endsWith("ui.remote: browser: remote needs the grid's URL, like remote: http://grid:4444");
        assertThat(problems("remote: grid:4444\nopen: http://localhost/")).singleElement().asString()
                .endsWith("ui.remote: expected the grid's http(s) URL, like http://grid:4444, found 'grid:4444'");
    }

    @Test
    void chromePathsAreOnlyForChrome() {
        assertThat(problems("browser: htmlunit\ndriver: /usr/bin/chromedriver\nopen: http://localhost/")).singleElement()
                .asString().endsWith("ui.driver: applies only to browser: chrome");
    }

    @Test
    void chromePathsComeFromTheProbeThenTheEnvironmentThenDebian() {
        Map<String, String> environment = Map.of(BrowserSettings.DRIVER_VARIABLE, "/opt/chromedriver");

        assertThat(BrowserSettings.parse(Optional.of("chrome"), Optional.empty(), Optional.empty(), Optional.empty(),
                environment).settings()).contains(new BrowserSettings.Chrome(Path.of("/opt/chromedriver"),
                Path.of("/usr/bin/chromium")));
        assertThat(BrowserSettings.parse(Optional.of("chrome"), Optional.empty(), Optional.of("/srv/chromedriver"),
                Optional.of("/srv/chromium"), environment).settings()).contains(new BrowserSettings.Chrome(
                Path.of("/srv/chromedriver"), Path.of("/srv/chromium")));
        assertThat(BrowserSettings.parse(Optional.of("chrome"), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of()).settings()).contains(new BrowserSettings.Chrome(BrowserSettings.DEFAULT_DRIVER,
                BrowserSettings.DEFAULT_BINARY));
    }
}
