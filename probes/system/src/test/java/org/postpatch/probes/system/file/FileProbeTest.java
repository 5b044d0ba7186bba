package org.postpatch.probes.system.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.Problem;
import org.postpatch.result.ProbeResult;
import org.postpatch.testkit.ProbeTestKit;

class FileProbeTest {

    /** The sha256 of "foo": not that of the config file. */
    private static final String OTHER_SHA256 = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    @TempDir
    Path folder;

    private Path config;

    @BeforeEach
    void writeAConfigFileOwnedByNobodyWithMode0640() throws Exception {
        config = folder.resolve("app.yaml");
        Files.writeString(config, "listen: 8080\nport: 8080\nlevel: INFO\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
        UserPrincipalLookupService users = config.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(config, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName("nobody"));
        view.setGroup(users.lookupPrincipalByGroupName("nogroup"));
    }

    private ProbeResult check(String keys) {
        return ProbeTestKit.in(folder).runProbe("""
                - id: config-present
                  file: { path: %s, %s }
                """.formatted(config, keys));
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void fileMeetingEveryExpectationPasses() throws Exception {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: config-present
                  file:
                    path: %s
                    exists: true
                    type: file
                    mode: "0640"
                    owner: nobody
                    group: nogroup
                    minSize: 1
                    maxSize: 10KB
                    sha256: %s
                    contains: ["listen: 8080", "level: INFO"]
                    matches: "^port:\\\\s*\\\\d+$"
                    notContains: DEBUG
                """.formatted(config, sha256(config)));

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(result.message()).isEqualTo(config + " is a regular file of 36 bytes, mode 0640, owned by nobody:nogroup");
        assertThat(result.details()).containsEntry("mode", "0640").containsEntry("owner", "nobody").containsEntry("size", 36L);
    }

    @Test
    void unquotedOctalModeReadsTheSame() {
        ProbeResult result = check("mode: 0640");

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void symbolicModeIsAccepted() {
        ProbeResult result = check("mode: rw-r-----");

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
    }

    @Test
    void wrongModeFailsNamingPathFoundAndExpected() throws Exception {
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

        ProbeResult result = check("mode: \"0640\"");

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo(config + " has mode 0644, expected 0640");
    }

    @Test
    void everyMismatchIsReportedAtOnce() {
        ProbeResult result = check("mode: \"0600\", owner: app, group: app");

        assertThat(result.message()).isEqualTo(config + " has mode 0640, expected 0600; is owned by nobody, expected app;"
                + " has group nogroup, expected app");
    }

    @Test
    void missingFileFails() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: config-present
                  file: { path: %s/missing.yaml }
                """.formatted(folder));

        assertThat(result.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(result.message()).isEqualTo(folder + "/missing.yaml does not exist");
    }

    @Test
    void fileThatMustNotExistPassesWhenAbsentAndFailsWhenPresent() {
        ProbeResult absent = ProbeTestKit.in(folder).runProbe("""
                - id: no-debug-flag
                  file: { path: %s/debug.flag, exists: false }
                """.formatted(folder));
        ProbeResult present = check("exists: false");

        assertThat(absent.status()).as(absent.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(absent.message()).isEqualTo(folder + "/debug.flag does not exist, as expected");
        assertThat(present.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(present.message()).isEqualTo(config + " exists (a regular file), expected it not to");
    }

    @Test
    void typeIsChecked() {
        ProbeResult directory = ProbeTestKit.in(folder).runProbe("""
                - id: data-dir
                  file: { path: %s, type: directory }
                """.formatted(folder));
        ProbeResult notADirectory = check("type: directory");

        assertThat(directory.status()).as(directory.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(notADirectory.message()).isEqualTo(config + " is a regular file, expected a directory");
    }

    @Test
    void symlinkIsCheckedItselfForTypeAndThroughForTheRest() throws Exception {
        Path link = Files.createSymbolicLink(folder.resolve("current.yaml"), config);

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: current-config
                  file: { path: %s, type: symlink, mode: "0640", contains: "listen: 8080" }
                """.formatted(link));
        ProbeResult notALink = check("type: symlink");

        assertThat(result.status()).as(result.message()).isEqualTo(ProbeStatus.PASSED);
        assertThat(notALink.message()).isEqualTo(config + " is a regular file, expected a symbolic link");
    }

    @Test
    void danglingSymlinkFailsNamingItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(folder.resolve("current.yaml"), folder.resolve("release-41/app.yaml"));

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: current-config
                  file: { path: %s }
                """.formatted(link));

        assertThat(result.message()).isEqualTo(link + " is a symbolic link to " + folder.resolve("release-41/app.yaml")
                + ", which does not exist");
    }

    @Test
    void sizeBoundsAreChecked() throws Exception {
        Path empty = Files.createFile(folder.resolve("empty.log"));

        ProbeResult tooSmall = ProbeTestKit.in(folder).runProbe("""
                - id: log-written
                  file: { path: %s, minSize: 1 }
                """.formatted(empty));
        ProbeResult tooLarge = check("maxSize: 10");

        assertThat(tooSmall.message()).isEqualTo(empty + " is 0 bytes, expected at least 1 byte");
        assertThat(tooLarge.message()).isEqualTo(config + " is 36 bytes, expected at most 10 bytes");
    }

    @Test
    void sizesWithUnitsAreOneThousandTwentyFourBased() throws Exception {
        Path big = folder.resolve("big.bin");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(5L * 1024 * 1024 + 1);
        }

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: big
                  file: { path: %s, minSize: 5MB, maxSize: 5MB }
                """.formatted(big));

        assertThat(result.message()).isEqualTo(big + " is 5.0 MiB (5242881 bytes), expected at most 5.0 MiB (5242880 bytes)");
    }

    @Test
    void wrongDigestFailsShowingBoth() throws Exception {
        ProbeResult result = check("sha256: " + OTHER_SHA256);

        assertThat(result.message()).isEqualTo(config + " has sha256 " + sha256(config) + ", expected " + OTHER_SHA256);
    }

    @Test
    void contentExpectationsAreChecked() {
        ProbeResult result = check("contains: [\"listen: 9090\", \"level: INFO\"], matches: \"^tls:\", notContains: INFO");

        assertThat(result.message()).isEqualTo(config + " does not contain 'listen: 9090'; does not match '^tls:';"
                + " contains 'INFO' at line 3: 'level: INFO'");
    }

    @Test
    void contentChecksRefuseFilesBeyondTheirLimit() throws Exception {
        Path huge = folder.resolve("huge.log");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(17L * 1024 * 1024);
        }

        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: huge
                  file: { path: %s, notContains: ERROR }
                """.formatted(huge));

        assertThat(result.message()).isEqualTo(huge + " is 17.0 MiB (17825792 bytes); contains, matches and notContains"
                + " read at most 16.0 MiB (16777216 bytes)");
    }

    @Test
    void contentChecksOnADirectoryFail() {
        ProbeResult result = ProbeTestKit.in(folder).runProbe("""
                - id: dir
                  file: { path: %s, contains: x }
                """.formatted(folder));

        assertThat(result.message()).isEqualTo(folder + " is a directory; size, sha256 and content checks need a regular file");
    }

    @Test
    void onlyTheMismatchedOwnerIsReportedWhenTheGroupMatches() throws Exception {
        GroupPrincipal root = config.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("root");
        Files.getFileAttributeView(config, PosixFileAttributeView.class).setGroup(root);

        ProbeResult result = check("group: root, owner: root");

        assertThat(result.message()).isEqualTo(config + " is owned by nobody, expected root");
    }

    @Test
    void misspeltKeyIsReportedWithASuggestion() {
        List<Problem> problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: config-present
                  file:
                    path: /etc/app/app.yaml
                    sha265: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae
                """);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("file: unknown key 'sha265' (did you mean 'sha256'?)");
            assertThat(problem.location().line()).isEqualTo(6);
            assertThat(problem.location().column()).isEqualTo(7);
        });
    }

    @Test
    void malformedValuesAreReportedEachAtItsKey() {
        List<Problem> problems = ProbeTestKit.in(folder).problemsOfProbe("""
                - id: config-present
                  file:
                    path: /etc/app/app.yaml
                    type: fifo
                    mode: "0999"
                    minSize: ten
                    maxSize: 1XB
                    sha256: abc
                    matches: "port:("
                - id: setuid
                  file: { path: /usr/bin/sudo, mode: "4755" }
                - id: no-path
                  file: { exists: true }
                - id: contradiction
                  file: { path: /etc/app/app.yaml, minSize: 2MB, maxSize: 1MB }
                - id: pointless
                  file: { path: /etc/app/debug.flag, exists: false, mode: "0600", contains: x }
                """);

        assertThat(problems).extracting(Problem::probeId, Problem::message).containsExactly(
                tuple("config-present", "file.type: expected file, directory or symlink, found 'fifo'"),
                tuple("config-present", "file.mode: expected a mode like \"0640\" or rw-r-----, found '0999'"),
                tuple("config-present", "file.minSize: expected a size in bytes, or like 10KB, 5MB or 1GB, found 'ten'"),
                tuple("config-present", "file.maxSize: expected a size in bytes, or like 10KB, 5MB or 1GB, found '1XB'"),
                tuple("config-present", "file.sha256: expected 64 hexadecimal digits, found 'abc' (3 characters)"),
                tuple("config-present", "file.matches: 'port:(' is not a valid regular expression: Unclosed group near index 6"),
                tuple("setuid", "file.mode: setuid, setgid and sticky bits cannot be checked; give the permission bits only,"
                        + " like \"0755\""),
                tuple("no-path", "file: missing 'path' (a string)"),
                tuple("contradiction", "file.minSize: minSize 2MB is larger than maxSize 1MB: no file can match"),
                tuple("pointless", "file.exists: with exists: false there is nothing to check mode, contains on; remove them"));
    }
}
