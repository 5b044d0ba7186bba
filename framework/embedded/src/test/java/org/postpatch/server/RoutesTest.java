package org.postpatch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How routes pick a handler: the first match in order, path parameters, 404 and 405 in the application's format. */
class RoutesTest {

    private final Routes routes = Routes.builder()
            .errors((status, message) -> Response.of(status, "application/json",
                    ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8)))
            .get("/", request -> Response.text(200, "root"))
            .get("/runs/latest", request -> Response.text(200, "latest"))
            .get("/runs/{id}", request -> Response.text(200, "run " + request.pathParameter("id").orElseThrow()))
            .post("/runs", request -> Response.text(202, "started"))
            .get("/runs", request -> Response.text(200, "list"))
            .route("PUT", "/runs/{id}/note", request -> Response.text(200, "note on " + request.pathParameter("id").orElseThrow()))
            .build();

    private Response answer(String method, String target) throws Exception {
        return routes.handle(Request.of(method, target, Headers.empty(), new byte[0]));
    }

    private static String body(Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theFirstDeclaredRouteThatMatchesWins() throws Exception {
        assertThat(body(answer("GET", "/runs/latest"))).isEqualTo("latest");
        assertThat(body(answer("GET", "/runs/20261205-1"))).isEqualTo("run 20261205-1");
        assertThat(body(answer("GET", "/runs/caf%C3%A9"))).as("decoded").isEqualTo("run café");
        assertThat(body(answer("PUT", "/runs/7/note/"))).as("trailing slash").isEqualTo("note on 7");
        assertThat(body(answer("GET", "/"))).isEqualTo("root");
        assertThat(body(answer("HEAD", "/runs"))).as("HEAD takes the GET route").isEqualTo("list");
        assertThat(answer("POST", "/runs").status()).isEqualTo(202);
    }

    @Test
    void aPathWithoutTheMethodIs405ListingTheMethodsItTakes() throws Exception {
        Response response = answer("DELETE", "/runs");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers().first("Allow")).contains("POST, GET, HEAD");
        assertThat(body(response)).isEqualTo("{\"error\":\"DELETE is not allowed here; use POST, GET, HEAD\"}");
        assertThat(answer("get", "/runs").status()).as("methods are case-sensitive").isEqualTo(405);
    }

    @Test
    void noRouteIs404InTheApplicationsFormat() throws Exception {
        Response response = answer("GET", "/runs/7/other");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().first("Content-Type")).contains("application/json");
        assertThat(body(response)).isEqualTo("{\"error\":\"no such resource: /runs/7/other\"}");
        assertThat(answer("GET", "//runs").status()).isEqualTo(404);
    }

    @Test
    void badRoutesAndHeadersAreRefusedWhenDeclared() {
        assertThatThrownBy(() -> Routes.builder().get("runs", request -> Response.empty(200)))
                .hasMessage("a path pattern starts with /, was 'runs'");
        assertThatThrownBy(() -> Routes.builder().route("G ET", "/", request -> Response.empty(200)))
                .hasMessage("method must be a token like GET, was 'G ET'");
        assertThatThrownBy(() -> Response.empty(200).withHeader("X-Injected", "a\r\nSet-Cookie: b"))
                .hasMessage("header X-Injected must not contain CR, LF or NUL");
        assertThatThrownBy(() -> Response.empty(100)).hasMessage("status must be between 200 and 599, was 100");
    }
}
