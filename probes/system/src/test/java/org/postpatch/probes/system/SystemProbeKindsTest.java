package org.postpatch.probes.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.api.ProbeStatus;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;
import org.postpatch.spi.ProbeKinds;
import org.postpatch.testkit.ProbeTestKit;

class SystemProbeKindsTest {

    @TempDir
    Path folder;

    @Test
    void allFiveKindsAreFoundByServiceLoader() {
        ProbeKinds kinds = ProbeKinds.load(getClass().getClassLoader());

        assertThat(kinds.names()).contains("tcp", "command", "file", "jvm", "classpath");
    }

    @Test
    void aSuiteMixingTheKindsRunsInDependencyOrder() throws Exception {
        Path marker = Files.writeString(folder.resolve("release.txt"), "release 41\n");
        try (ServerSocket database = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RunResult run = ProbeTestKit.in(folder).run("""
                    suite: node-after-patch
                    probes:
                      - id: jvm
                        jvm: { version: ">=17" }
                      - id: junit-platform
                        classpath: { artifact: "org.junit.platform:junit-platform-engine", version: ">=1.10" }
                      - id: db-port
                        tcp: { host: 127.0.0.1, port: %d }
                      - id: release-file
                        needs: [db-port]
                        file: { path: %s, contains: "release 41" }
                      - id: release-read
                        needs: [release-file, jvm]
                        command: { run: [cat, %s], expect: { stdout: { matches: "^release \\\\d+$" } } }
                    """.formatted(database.getLocalPort(), marker, marker));

            assertThat(run.probes()).allSatisfy(probe ->
                    assertThat(probe.status()).as(probe.id() + ": " + probe.message()).isEqualTo(ProbeStatus.PASSED));
            assertThat(run.probes()).extracting(ProbeResult::kind)
                    .containsExactly("jvm", "classpath", "tcp", "file", "command");
            assertThat(run.verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void valuesCapturedByEarlierProbesAreJudgedOnceKnown() throws Exception {
        Path config = Files.writeString(folder.resolve("app.yaml"), "port: 8080\n");
        Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        RunResult run = ProbeTestKit.in(folder).run("""
                suite: captured
                probes:
                  - id: deploy
                    emit: { range: ">=17", path: "%s", pattern: "^port: \\\\d+$" }
                  - id: jvm
                    needs: [deploy]
                    jvm: { version: "${range}" }
                  - id: config
                    needs: [deploy]
                    file: { path: "${path}", matches: "${pattern}", mode: "0644" }
                  - id: bad-deploy
                    emit: { range: ">=seventeen" }
                  - id: jvm-from-bad-deploy
                    needs: [bad-deploy]
                    jvm: { version: "${range}" }
                """.formatted(config));

        assertThat(run.probes()).extracting(ProbeResult::id, ProbeResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("deploy", ProbeStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple("jvm", ProbeStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple("config", ProbeStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple("bad-deploy", ProbeStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple("jvm-from-bad-deploy", ProbeStatus.FAILED));
        assertThat(run.probes().get(4).message()).isEqualTo("invalid once its variables were resolved: jvm.version:"
                + " '>=seventeen' is not a version range (like >=17.0.10, [2.17.1,), >=17 <21)");
    }
}
