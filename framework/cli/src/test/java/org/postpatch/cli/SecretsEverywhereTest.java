package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/**
 * One test greps every output for four canary secrets — in a header, in a URL's password, in a
 * {@code ${secret:}} variable and in a JDBC password — with passing and failing probes, the real
 * command line as a process: its stdout and stderr, the JSON report, the JUnit XML, the HTML report
 * and the ledger's recorded report.
 */
class SecretsEverywhereTest {

    private static final String HEADER = "canary-header-5b1e";
    private static final String URL_PASSWORD = "canary-urlpw-77c2";
    private static final String SECRET_VAR = "canary-secretvar-9d04";
    private static final String JDBC_PASSWORD = "canary-jdbcpw-3fa8";

    @TempDir
    Path folder;

    @TempDir
    Path databaseFolder;

    @Test
    void noCanarySecretAppearsInAnyOutput() throws Exception {
        HttpServer echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        // The worst kind of server: it echoes the request's secrets back in its body.
        echo.createContext("/", exchange -> {
            String body = "{\"authorization\":\"" + exchange.getRequestHeaders().getFirst("Authorization")
                    + "\",\"apiKey\":\"" + exchange.getRequestHeaders().getFirst("X-Api-Key") + "\",\"uri\":\""
                    + exchange.getRequestURI() + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/ok") ? 200 : 500, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        echo.start();
        String base = "http://127.0.0.1:" + echo.getAddress().getPort();
        // A file database created up front with its user, so the three jdbc probes, running in
        // parallel, all meet the same credentials (an in-memory one would take whichever probe's
        // credentials connected first).
        String database = "jdbc:h2:file:" + databaseFolder.resolve("secrets").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(database, "app", JDBC_PASSWORD)) {
            connection.createStatement().execute("create table present(id int)");
        }
        String h2 = database + ";USER=app;PASSWORD=" + JDBC_PASSWORD;
        Path suite = new ProbeFiles(folder).write("secrets.yaml", """
                suite: secrets
                vars:
                  token: ${secret:API_TOKEN}
                probes:
                  - id: header-passes
                    http:
                      get: %1$s/ok
                      headers: { Authorization: "Bearer %2$s", X-Api-Key: "${token}" }
                      expect: { status: 200 }
                  - id: header-fails
                    http:
                      get: %1$s/broken
                      headers: { Authorization: "Bearer %2$s", X-Api-Key: "${token}" }
                      expect: { status: 200, contains: "never there" }
                  - id: url-password-passes
                    http: { get: "http://admin:%3$s@127.0.0.1:%4$d/ok", expect: { status: 200 } }
                  - id: url-password-fails
                    http: { get: "http://admin:%3$s@127.0.0.1:%4$d/broken", expect: { status: 201 } }
                  - id: db-passes
                    jdbc: { url: "%6$s", user: app, password: "${secret:DB_PASSWORD}", query: "select 1" }
                  - id: db-fails
                    jdbc: { url: "%5$s", query: "select * from no_such_table" }
                  - id: db-wrong-password
                    jdbc: { url: "%6$s", user: app, password: "${secret:DB_PASSWORD}x", query: "select 1" }
                """.formatted(base, HEADER, URL_PASSWORD, echo.getAddress().getPort(), h2, database));
        Path ledger = folder.resolve("ledger");
        Path reports = folder.resolve("reports");
        Path console = folder.resolve("console.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--ledger", ledger.toString(),
                "--report", "json=" + reports.resolve("run.json"), "--report", "junit=" + reports.resolve("run.xml"),
                "--report", "html=" + reports.resolve("run.html"), suite.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("API_TOKEN", SECRET_VAR);
        builder.environment().put("DB_PASSWORD", JDBC_PASSWORD);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            echo.stop(0);
        }
        String output = Files.readString(console);
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("PASSED   header-passes").contains("FAILED   header-fails")
                .contains("PASSED   url-password-passes").contains("FAILED   url-password-fails")
                .contains("PASSED   db-passes").contains("FAILED   db-fails").contains("FAILED   db-wrong-password");

        List<String> everything = new ArrayList<>();
        everything.add(output);
        try (Stream<Path> files = Stream.concat(Files.walk(folder), Files.walk(databaseFolder))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(suite)).toList()) {
                everything.add(file + "\n" + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        Cli cli = new Cli();
        cli.run("history", "--ledger", ledger.toString());
        everything.add(cli.out() + cli.err());
        for (String canary : List.of(HEADER, URL_PASSWORD, SECRET_VAR, JDBC_PASSWORD)) {
            assertThat(everything).as("outputs containing " + canary).noneMatch(text -> text.contains(canary));
        }
    }
}
