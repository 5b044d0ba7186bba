package org.postpatch.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Requests too large or malformed are answered with what is wrong and the connection closes; no handler sees them. */
class LimitsTest {

    private static RawClient.Answer refused(WebServer server, String request) throws Exception {
        try (RawClient client = RawClient.connect(server.port())) {
            RawClient.Answer answer = client.send(request).read();
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(client.readToEnd()).as("nothing after a refusal").isEmpty();
            return answer;
        }
    }

    @Test
    void oversizedRequestLineHeadersAndBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        try (WebServer server = TestServers.create().start(TestServers.settings().build())) {
            RawClient.Answer longLine = refused(server, "GET /hello?" + "q".repeat(9000) + " HTTP/1.1\r\n\r\n");
            assertThat(longLine.status()).isEqualTo(414);
            assertThat(longLine.body()).contains("the request line is longer than 8192 bytes");

            RawClient.Answer bigHead = refused(server, "GET /hello HTTP/1.1\r\n" + "X-Big: b\r\n".repeat(2000) + "\r\n");
            assertThat(bigHead.status()).isEqualTo(431);
            assertThat(bigHead.body()).contains("the header section is larger than 16384 bytes");

            RawClient.Answer manyFields = refused(server, "GET /hello HTTP/1.1\r\n" + "X-F: 1\r\n".repeat(101) + "\r\n");
            assertThat(manyFields.status()).isEqualTo(431);
            assertThat(manyFields.body()).contains("more than 100 header fields");

            // The body is on its way, but the answer comes first and reaches the client unharmed.
            RawClient.Answer bigBody = refused(server, "POST /echo HTTP/1.1\r\nContent-Length: 70000\r\n\r\n" + "x".repeat(70000));
            assertThat(bigBody.status()).isEqualTo(413);
            assertThat(bigBody.body()).contains("the body may have at most 65536 bytes, not 70000");

            RawClient.Answer chunked = refused(server, "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
            assertThat(chunked.status()).isEqualTo(411);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no version                 | GET /hello\\r\\n\\r\\n                                              | 400",
            "two spaces                 | GET  /hello HTTP/1.1\\r\\n\\r\\n                                    | 400",
            "HTTP/2 over cleartext      | GET /hello HTTP/2.0\\r\\n\\r\\n                                     | 505",
            "not HTTP                   | GET /hello SPDY/3\\r\\n\\r\\n                                       | 400",
            "space before the colon     | GET /hello HTTP/1.1\\r\\nHost : x\\r\\n\\r\\n                      | 400",
            "folded field               | GET /hello HTTP/1.1\\r\\nX-A: 1\\r\\n  2\\r\\n\\r\\n                | 400",
            "NUL in a field             | GET /hello HTTP/1.1\\r\\nX-A: 1\\u00002\\r\\n\\r\\n                 | 400",
            "two lengths                | POST /echo HTTP/1.1\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\nab | 400",
            "a negative length          | POST /echo HTTP/1.1\\r\\nContent-Length: -1\\r\\n\\r\\n             | 400",
            "length and chunked         | POST /echo HTTP/1.1\\r\\nContent-Length: 3\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nabc | 400",
            "dot-dot segment            | GET /items/../hello HTTP/1.1\\r\\n\\r\\n                            | 400",
            "encoded dot-dot            | GET /items/%2e%2e/hello HTTP/1.1\\r\\n\\r\\n                        | 400",
            "encoded slash              | GET /items/a%2Fb HTTP/1.1\\r\\n\\r\\n                               | 400",
            "encoded backslash          | GET /items/a%5cb HTTP/1.1\\r\\n\\r\\n                               | 400",
            "encoded NUL                | GET /items/a%00 HTTP/1.1\\r\\n\\r\\n                                | 400",
            "bad escape                 | GET /items/a%zz HTTP/1.1\\r\\n\\r\\n                                | 400",
            "invalid UTF-8              | GET /items/%ff HTTP/1.1\\r\\n\\r\\n                                 | 400",
            "a fragment                 | GET /hello#x HTTP/1.1\\r\\n\\r\\n                                   | 400",
            "not a path                 | GET hello HTTP/1.1\\r\\n\\r\\n                                      | 400"})
    void malformedRequestsAreRefusedWithTheirReason(String what, String request, int status) throws Exception {
        try (WebServer server = TestServers.create().start(TestServers.settings().build())) {
            RawClient.Answer answer = refused(server, unescape(request));
            assertThat(answer.status()).as(what).isEqualTo(status);
            assertThat(answer.body()).as(what).isNotBlank().doesNotContain("item").doesNotContain("hello");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "double slash     | /items//1",
            "matrix parameter | /items;x/1",
            "semicolon        | /hello;x"})
    void pathOdditiesMatchNoRoute(String what, String path) throws Exception {
        try (WebServer server = TestServers.create().start(TestServers.settings().build());
                RawClient client = RawClient.connect(server.port())) {
            assertThat(client.send(TestServers.get(path)).read().status()).as(what).isEqualTo(404);
        }
    }

    @Test
    void encodedCharactersThatAreNotSeparatorsAreDecoded() throws Exception {
        try (WebServer server = TestServers.create().start(TestServers.settings().build());
                RawClient client = RawClient.connect(server.port())) {
            assertThat(client.send(TestServers.get("/items/caf%C3%A9%20au%20lait")).read().body()).isEqualTo("item café au lait");
            assertThat(client.send("GET http://test/items/7 HTTP/1.1\r\n\r\n").read().body()).as("absolute form").isEqualTo("item 7");
        }
    }

    private static String unescape(String csv) {
        return csv.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0000", "\0");
    }
}
