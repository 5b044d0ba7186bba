package org.postpatch.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real, throwaway PostgreSQL server for tests: a new cluster in a temporary folder, on a free
 * loopback port, password authentication over TCP, stopped and deleted on {@link #close()}. Uses
 * the Debian binaries under /usr/lib/postgresql (installed by ./test.sh when missing).
 */
public final class PostgresServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** The superuser's name and password. */
    public static final String USER = "postgres";
    public static final String PASSWORD = "pp-test-superuser";

    private Path bin;
    private Path data;
    private int port;

    private PostgresServer(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** A server started before a test class's tests and stopped after them: {@code @RegisterExtension}. */
    public PostgresServer() {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        PostgresServer started = start();
        this.bin = started.bin;
        this.data = started.data;
        this.port = started.port;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    /** Starts a new server; fails with a clear message when PostgreSQL is not installed. */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = findBinaries();
        Path data = Files.createTempDirectory("postpatch-pg-");
        Path password = data.resolve("pwfile");
        Files.writeString(password, PASSWORD + "\n");
        Path cluster = data.resolve("cluster");
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", data.toString()));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        runAsPostgres(bin.resolve("initdb").toString(), "-D", cluster.toString(), "-U", USER, "--pwfile=" + password,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync");
        runAsPostgres(bin.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-w", "-t", "60", "-l",
                data.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50",
                "start");
        return new PostgresServer(bin, data, port);
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for a database of this server (postgres is always there). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The same as {@link #jdbcUrl(String)}. */
    public String url(String database) {
        return jdbcUrl(database);
    }

    /** A connection to the postgres database as the superuser (needs the PostgreSQL driver). */
    public Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
    }

    /** Runs statements as the superuser, such as {@code create role}. */
    public void execute(String... statements) throws SQLException {
        executeIn("postgres", statements);
    }

    /** Runs statements in one database as the superuser. */
    public void executeIn(String database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Runs SQL through psql as the superuser, for setting up test databases and users. */
    public String psql(String database, String sql) throws IOException, InterruptedException {
        return runAsPostgres(bin.resolve("psql").toString(), "-h", data.toString(), "-p", String.valueOf(port), "-U", USER,
                "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            runAsPostgres(bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString(), "-m", "immediate",
                    "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Path findBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.naturalOrder()).orElse(null);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new IllegalStateException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); "
                + "./test.sh installs it with: apt-get install -y postgresql");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String runAsPostgres(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (isRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        return run(line);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("failed (exit " + process.exitValue() + "): " + String.join(" ", command) + "\n" + text);
        }
        return text.trim();
    }
}
