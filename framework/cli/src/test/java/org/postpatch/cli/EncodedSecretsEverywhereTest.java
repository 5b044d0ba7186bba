package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/**
 * Generated passwords hold {@code / + = & "} and spaces, so a secret reaches output URL-encoded,
 * JSON-escaped, HTML-escaped or inside a Base64 Basic credential rather than raw. This test sends
 * such secrets in a header, a form body, a JSON body, a query parameter and Basic authorization to a
 * server that echoes them back in all those forms, with passing and failing probes, through the real
 * command line ({@code run} and {@code serve}, as processes), and finds none of them in stdout,
 * stderr, the JSON, JUnit XML and HTML reports, the ledgers' database files, {@code history} or the
 * endpoint's answers.
 */
class EncodedSecretsEverywhereTest {

    /** Every secret starts with CANARY and ends with its own tail: no form of either may show. */
    private static final Map<String, String> SECRETS = Map.of(
            "HDR_SECRET", "hdrCANARY/+=& \"q\\<>'ZZhdr",
            "FORM_SECRET", "formCANARY/+=& \"q\\ZZform",
            "JSON_SECRET", "jsonCANARY\"\\q/+= &ZZjson",
            "QUERY_SECRET", "queryCANARY/+=& \"qZZquery",
            // In a URL's user info, so only characters it allows unescaped.
            "BASIC_SECRET", "basicCANARY+=&!$qZZbasic");
    private static final List<String> BASIC_USERS = List.of("admin", "ops", "root"); // the secret at offsets 0, 1, 2

    @TempDir
    Path folder;

    @Test
    void noFormOfASecretAppearsInAnyOutputOfRunOrServe() throws Exception {
        HttpServer echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        echo.setExecutor(Executors.newFixedThreadPool(4));
        echo.createContext("/", EncodedSecretsEverywhereTest::echo);
        echo.start();
        int port = echo.getAddress().getPort();
        Path suite = new ProbeFiles(folder.resolve("suite")).write("secrets.yaml", suite("http://127.0.0.1:" + port, port));
        List<String> everything = new ArrayList<>();
        try {
            Process run = start(folder.resolve("run"), "run", "--ledger", folder.resolve("run/ledger").toString(),
                    "--report", "json=" + folder.resolve("run/run.json"), "--report", "junit=" + folder.resolve("run/run.xml"),
                    "--report", "html=" + folder.resolve("run/run.html"), suite.toString());
            Process serve = start(folder.resolve("serve"), "serve", "--port", "0", "--bind", "127.0.0.1",
                    "--ledger", folder.resolve("serve/ledger").toString(), suite.toString());
            try {
                everything.addAll(endpointAnswers(folder.resolve("serve/stdout.txt")));
                assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(run.exitValue()).as(Files.readString(folder.resolve("run/stdout.txt"))).isEqualTo(1);
            } finally {
                serve.destroy();
                assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            echo.stop(0);
            ((java.util.concurrent.ExecutorService) echo.getExecutor()).shutdownNow();
        }
        String console = Files.readString(folder.resolve("run/stdout.txt"));
        assertThat(console).contains("PASSED   query-passes").contains("PASSED   basic-passes")
                .contains("FAILED   header-fails").contains("FAILED   form-fails").contains("FAILED   json-fails")
                .contains("FAILED   query-fails").contains("FAILED   basic-admin-fails")
                .contains("FAILED   basic-ops-fails").contains("FAILED   basic-root-fails")
                .as("the failures quote the echoed secrets, masked").contains("****");
        try (Stream<Path> files = Stream.concat(Files.walk(folder.resolve("run")), Files.walk(folder.resolve("serve")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                everything.add(file + "\n" + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        for (String ledger : List.of("run/ledger", "serve/ledger")) {
            Cli cli = new Cli();
            cli.run("history", "--ledger", folder.resolve(ledger).toString());
            everything.add("history " + ledger + "\n" + cli.out() + cli.err());
        }
        assertThat(everything).as("what was looked at").hasSizeGreaterThan(8);
        for (String forbidden : forbidden()) {
            assertThat(everything).as("outputs containing " + forbidden).noneMatch(text -> text.contains(forbidden));
        }
    }

    private static String suite(String base, int port) {
        StringBuilder yaml = new StringBuilder("""
                suite: encoded-secrets
                probes:
                  - id: header-fails
                    http: { get: "%1$s/broken", headers: { X-Api-Key: "${secret:HDR_SECRET}" }, expect: { status: 200 } }
                  - id: form-fails
                    http: { post: "%1$s/broken", form: { pw: "${secret:FORM_SECRET}" }, expect: { status: 200 } }
                  - id: json-fails
                    http: { post: "%1$s/broken", json: { pw: "${secret:JSON_SECRET}" }, expect: { status: 200 } }
                  - id: query-passes
                    http: { get: "%1$s/ok", query: { token: "${secret:QUERY_SECRET}" }, expect: { status: 200 } }
                  - id: query-fails
                    http: { get: "%1$s/broken", query: { token: "${secret:QUERY_SECRET}" }, expect: { status: 200 } }
                  - id: basic-passes
                    http: { get: "http://admin:${secret:BASIC_SECRET}@127.0.0.1:%2$d/ok", expect: { status: 200 } }
                """.formatted(base, port));
        for (String user : BASIC_USERS) {
            yaml.append("""
                      - id: basic-%1$s-fails
                        http: { get: "http://%1$s:${secret:BASIC_SECRET}@127.0.0.1:%2$d/broken", expect: { status: 200 } }
                    """.formatted(user, port));
        }
        return yaml.toString();
    }

    /**
     * The worst server: it answers with what it received, raw (a form body is URL-encoded, a JSON body
     * JSON-escaped), HTML-escaped, and the Basic credential's Base64 without its {@code Basic} prefix.
     */
    private static void echo(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        List<String> parts = new ArrayList<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            parts.add("q=" + query);
        }
        if (!body.isEmpty()) {
            parts.add("b=" + body);
            parts.add("h=" + html(body));
        }
        String apiKey = exchange.getRequestHeaders().getFirst("X-Api-Key");
        if (apiKey != null) {
            parts.add("k=" + html(apiKey));
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            parts.add("seen " + authorization.substring(authorization.indexOf(' ') + 1));
        }
        byte[] bytes = String.join(" | ", parts).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/ok") ? 200 : 500, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#39;");
    }

    /** "CANARY", each secret's tail, and the Base64 of each Basic credential and of its middle part. */
    private static List<String> forbidden() {
        List<String> forbidden = new ArrayList<>(List.of("CANARY"));
        SECRETS.values().forEach(secret -> forbidden.add(secret.substring(secret.lastIndexOf("ZZ"))));
        for (String user : BASIC_USERS) {
            String credential = Base64.getEncoder().encodeToString((user + ":" + SECRETS.get("BASIC_SECRET"))
                    .getBytes(StandardCharsets.UTF_8));
            forbidden.add(credential);
            forbidden.add(credential.substring(12, 24));
        }
        return forbidden;
    }

    private Process start(Path workFolder, String... arguments) throws IOException {
        Files.createDirectories(workFolder);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(workFolder.resolve("stdout.txt").toFile())
                .redirectError(workFolder.resolve("stderr.txt").toFile());
        builder.environment().putAll(SECRETS);
        builder.environment().put("POSTPATCH_TOKEN", "encoded-secrets-token");
        return builder.start();
    }

    /** Once serve has run the suite: the status, the latest run, the HTML report and the metrics. */
    private static List<String> endpointAnswers(Path console) throws Exception {
        Pattern serving = Pattern.compile("serving http://127.0.0.1:(\\d+)/selftest");
        await().atMost(Duration.ofSeconds(60)).until(() -> serving.matcher(Files.readString(console)).find());
        Matcher port = serving.matcher(Files.readString(console));
        assertThat(port.find()).isTrue();
        String base = "http://127.0.0.1:" + port.group(1) + "/selftest";
        HttpClient client = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).until(() -> get(client, base).contains("\"status\":\"FAIL\""));
        List<String> answers = new ArrayList<>();
        for (String path : List.of("", "/runs/latest", "/report", "/metrics")) {
            answers.add("GET /selftest" + path + "\n" + get(client, base + path));
        }
        assertThat(answers.get(1)).contains("\"id\":\"query-passes\"").contains("****");
        return answers;
    }

    private static String get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer encoded-secrets-token")
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
