package org.postpatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.testing.ProbeFiles;

/** Reports get the permissions the process's umask gives, so that a CI agent running as another user reads them. */
class ReportPermissionsTest {

    @TempDir
    Path folder;

    @Test
    void reportsAreWrittenWithThePermissionsTheUmaskGives() throws Exception {
        String file = new ProbeFiles(folder).write("probes.yaml", "suite: shop\nprobes: [{ id: health, pass: {} }]\n")
                .toString();
        for (String[] umaskAndMode : new String[][] {{"022", "rw-r--r--"}, {"027", "rw-r-----"}}) {
            Path reports = folder.resolve("umask-" + umaskAndMode[0]);
            List<Path> written = List.of(reports.resolve("run.json"), reports.resolve("run.xml"), reports.resolve("run.html"),
                    reports.resolve("run.prom"));

            CliProcess.Finished run = CliProcess.in(folder).after("umask " + umaskAndMode[0]).run("run", "--ledger", "none",
                    "--report", "json=" + written.get(0), "--report", "junit=" + written.get(1),
                    "--report", "html=" + written.get(2), "--report", "prometheus=" + written.get(3), file);

            assertThat(run.exitCode()).as(run.output()).isZero();
            for (Path report : written) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
                        .as("%s written under umask %s", report.getFileName(), umaskAndMode[0]).isEqualTo(umaskAndMode[1]);
            }
            try (var left = Files.list(reports)) {
                assertThat(left).as("no temporary file is left behind").hasSize(written.size());
            }
        }
    }
}
