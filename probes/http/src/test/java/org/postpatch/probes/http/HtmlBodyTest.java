package org.postpatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postpatch.probes.http.support.Runs.probe;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.probes.http.support.TestServer;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.testkit.ProbeTestKit;

/**
 * The body as text on HTML pages and elsewhere: {@code contains}, {@code notContains} and
 * {@code matches}, and what a failure quotes — the page's visible text around the closest match,
 * never the markup of its head.
 */
class HtmlBodyTest {

    /** A page as frameworks serve them: a head full of markup, a script, then the text a person reads. */
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <link rel="stylesheet" href="/resources/css/petclinic.css">
              <title>PetClinic :: a Spring Framework demonstration</title>
              <style>body { font-family: sans-serif; } .welcome { color: #333; }</style>
              <script>window.analytics = { id: "UA-1234", track: function () { return "Exception"; } };</script>
            </head>
            <body>
              <nav><a href="/">Home</a> <a href="/owners/find">Find owners</a> <a href="/vets.html">Veterinarians</a></nav>
              <h2 class="welcome">Welcome back, <b>Grace</b>!</h2>
              <p>Tom &amp; Jerry are due for their check-up on 12&nbsp;December.</p>
              <!-- build 4711 -->
              <p>%s</p>
              <footer>Status: java.lang.IllegalStateException: owner 42 not found</footer>
            </body>
            </html>
            """.formatted("Our clinic has been serving the neighbourhood for many years. ".repeat(12));

    @TempDir
    Path folder;

    private final TestServer server = TestServer.http()
            .on("/page", 200, "text/html;charset=UTF-8", PAGE)
            .on("/broken", 500, "text/html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Error</title>"
                    + "<style>h1{color:red}</style></head><body><h1>Whitelabel Error Page</h1><p>There was an unexpected"
                    + " error (type=Internal Server Error, status=500).</p></body></html>")
            .json("/order", 200, "{\"id\":\"o-1\",\"status\":\"OPEN\",\"note\":\"" + "n".repeat(300)
                    + "\",\"error\":\"payment declined\"}");

    @AfterEach
    void stop() {
        server.close();
    }

    private ProbeResult probeOf(String path, String expect) {
        RunResult run = ProbeTestKit.in(folder).run("""
                suite: s
                probes:
                  - id: p
                    http:
                      get: "%s%s"
                      expect: %s
                """.formatted(server.url(), path, expect));
        return probe(run, "p");
    }

    private String failure(String path, String expect) {
        ProbeResult result = probeOf(path, expect);
        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.FAILED);
        return result.message();
    }

    @Test
    void containsFindsWhatAPersonReadsAcrossTagsAndCharacterReferences() {
        ProbeResult result = probeOf("/page", "{ contains: [\"Welcome back, Grace!\", \"Tom & Jerry\", \"12 December\"] }");
        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void aFailedContainsQuotesThePagesVisibleTextAroundTheClosestMatch() {
        String message = failure("/page", "{ contains: \"Welcome back, Ada\" }");
        assertThat(message)
                .startsWith("expected the body to contain \"Welcome back, Ada\"; page text: ")
                .contains("Welcome back, Grace! Tom & Jerry are due")
                .doesNotContain("<", "meta", "stylesheet", "font-family", "analytics", "build 4711")
                .endsWith("...");
        String excerpt = message.substring(message.indexOf("page text: ") + "page text: ".length());
        assertThat(excerpt).hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void nothingCloseQuotesTheStartOfThePagesText() {
        assertThat(failure("/page", "{ contains: \"zzzz\" }")).startsWith("expected the body to contain \"zzzz\";"
                + " page text: PetClinic :: a Spring Framework demonstration Home Find owners Veterinarians Welcome back");
    }

    @Test
    void aFailedNotContainsQuotesWhereTheTextIs() {
        String message = failure("/page", "{ notContains: IllegalStateException }");
        assertThat(message).startsWith("expected the body not to contain \"IllegalStateException\"; page text: ...")
                .contains("Status: java.lang.IllegalStateException: owner 42 not found");
    }

    @Test
    void textOnlyInThePagesMarkupIsSaidToBeThere() {
        assertThat(failure("/page", "{ notContains: UA-1234 }")).startsWith(
                "expected the body not to contain \"UA-1234\"; found in the page's markup, not its visible text;"
                        + " body: ...").contains("window.analytics = { id: \"UA-1234\"");
    }

    @Test
    void aFailedMatchQuotesThePageTextNearTheLongestPlainPartOfTheExpression() {
        assertThat(failure("/page", "{ matches: \"owner \\\\d+ found\" }"))
                .startsWith("expected the body to match owner \\d+ found; page text: ...")
                .contains("owner 42 not found");
    }

    @Test
    void aWrongStatusOnAnHtmlPageQuotesWhatThePageSays() {
        assertThat(failure("/broken", "{ status: 200 }")).isEqualTo("expected status 200 but was 500; page text: Error"
                + " Whitelabel Error Page There was an unexpected error (type=Internal Server Error, status=500).");
    }

    @Test
    void notContainsOnAJsonBodyQuotesTheBodyAroundTheText() {
        assertThat(probeOf("/order", "{ notContains: [exception, \"stack trace\"] }").status())
                .isEqualTo(ProbeStatus.PASSED);
        String message = failure("/order", "{ notContains: [exception, declined] }");
        assertThat(message).startsWith("expected the body not to contain \"declined\"; body: ...")
                .endsWith("\"error\":\"payment declined\"}");
    }
}
