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
import org.postpatch.testing.ProbeFiles;

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
            RunResult run = new ProbeFiles(folder).run("""
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
}
