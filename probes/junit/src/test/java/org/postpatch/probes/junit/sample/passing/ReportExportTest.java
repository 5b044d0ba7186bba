package org.postpatch.probes.junit.sample.passing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Not tagged {@code postpatch}: runs only when a probe selects it without tags. */
class ReportExportTest {

    @Test
    void exportsAReport() {
        assertThat("report.csv").endsWith(".csv");
    }
}
