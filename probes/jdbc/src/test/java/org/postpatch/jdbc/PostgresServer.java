package org.postpatch.jdbc;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private, throwaway PostgreSQL server for one test class: {@code initdb} into a temporary folder,
 * {@code postgres} on a free loopback port, stopped and deleted afterwards. Password authentication
 * over TCP, so wrong passwords are refused as in production. As root, the server runs as the
 * {@code postgres} system user (PostgreSQL refuses to run as root).
 *
 * <p>Needs the PostgreSQL server binaries: Debian's {@code postgresql} package (any version), found
 * under {@code /usr/lib/postgresql/<version>/bin}, on the PATH, or in {@code $POSTGRES_BIN}.
 */
final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

    static final String SUPERUSER = "postgres";

    private final String superuserPassword = "su-" + UUID.randomUUID();
    private Path bin;
    private Path folder;
    private Process server;
    private int port;
    private boolean asPostgresUser;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        bin = findBinaries();
        asPostgresUser = "root".equals(System.getProperty("user.name"));
        folder = Files.createTempDirectory("postpatch-pg-");
        Path passwordFile = Files.writeString(folder.resolve("superuser-password"), superuserPassword);
        if (asPostgresUser) {
            giveToPostgresUser(folder);
            giveToPostgresUser(passwordFile);
        }
        Path data = folder.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
                "--no-locale", "--encoding=UTF8", "--no-sync"));
        port = freePort();
        server = new ProcessBuilder(command(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", String.valueOf(port), "-k", folder.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("server.log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroyForcibly));
        await("PostgreSQL accepting connections on 127.0.0.1:" + port)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .failFast("postgres exited: " + folder.resolve("server.log"), () -> !server.isAlive())
                .ignoreExceptions()
                .until(() -> {
                    try (Connection connection = superuser()) {
                        return connection.isValid(5);
                    }
                });
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (server != null && server.isAlive()) {
                run(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", folder.resolve("data").toString(),
                        "-m", "fast", "-w", "-t", "30"));
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        } finally {
            deleteRecursively(folder);
        }
    }

    int port() {
        return port;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection superuser() throws SQLException {
        return DriverManager.getConnection(url("postgres"), SUPERUSER, superuserPassword);
    }

    /** Runs statements as the superuser, such as {@code create role}. */
    void execute(String... statements) throws SQLException {
        try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Runs statements in one database as the superuser. */
    void executeIn(String database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database), SUPERUSER, superuserPassword);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Path findBinaries() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("POSTGRES_BIN")).map(Path::of).ifPresent(candidates::add);
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(version -> version.resolve("bin"))
                        .sorted(Comparator.comparing((Path path) -> versionNumber(path)).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                candidates.add(Path.of(entry));
            }
        }
        return candidates.stream()
                .filter(dir -> Stream.of("initdb", "postgres", "pg_ctl").allMatch(name -> Files.isExecutable(dir.resolve(name))))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries (initdb, postgres, pg_ctl) not "
                        + "found in $POSTGRES_BIN, /usr/lib/postgresql/*/bin or on the PATH. Run ./test.sh, which "
                        + "installs them when missing (Debian package 'postgresql': apt-get install -y postgresql)"));
    }

    private static int versionNumber(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException unversioned) {
            return 0;
        }
    }

    private List<String> command(List<String> command) {
        if (!asPostgresUser) {
            return command;
        }
        List<String> asPostgres = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        asPostgres.addAll(command);
        return asPostgres;
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path log = folder.resolve("command.log");
        ProcessBuilder builder = new ProcessBuilder(command(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 120s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                    + Files.readString(log));
        }
    }

    private static void giveToPostgresUser(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal postgres;
        GroupPrincipal group;
        try {
            postgres = users.lookupPrincipalByName("postgres");
            group = users.lookupPrincipalByGroupName("postgres");
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException missing) {
            throw new IllegalStateException("running as root, but there is no 'postgres' system user to run the "
                    + "server as; install the Debian package 'postgresql', which creates it", missing);
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(postgres);
        view.setGroup(group);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
