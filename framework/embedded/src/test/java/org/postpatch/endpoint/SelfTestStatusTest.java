package org.postpatch.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.endpoint.SelfTestStatus.Phase;
import org.postpatch.endpoint.SelfTestStatus.State;
import org.postpatch.report.RunReport;
import org.postpatch.result.Verdict;
import org.postpatch.secret.Redactor;
import org.postpatch.testing.ProbeFiles;

/** The self-test's state is decided in one place, and mapped to HTTP codes in one place. */
class SelfTestStatusTest {

    @TempDir
    Path folder;

    private LastRun run(String probe) {
        ProbeFiles files = new ProbeFiles(folder);
        return LastRun.of(RunReport.of(files.run("suite: shop\nprobes:\n  - id: probe\n    " + probe + "\n"),
                new Redactor()).document());
    }

    @Test
    void theLastVerdictIsTheStateAndDecidesTheHttpCode() {
        SelfTestStatus passing = SelfTestStatus.of(run("pass: {}"), false, Phase.IDLE, null, null, Map.of());
        SelfTestStatus warning = SelfTestStatus.of(run("severity: warning\n    fail: { message: disk }"), false,
                Phase.IDLE, null, null, Map.of());
        SelfTestStatus failing = SelfTestStatus.of(run("fail: { message: down }"), false, Phase.IDLE, null, null, Map.of());

        assertThat(passing.state()).isEqualTo(State.PASS);
        assertThat(warning.state()).isEqualTo(State.WARN);
        assertThat(failing.state()).isEqualTo(State.FAIL);
        assertThat(HttpStatuses.of(passing)).isEqualTo(200);
        assertThat(HttpStatuses.of(warning)).isEqualTo(200);
        assertThat(HttpStatuses.of(failing)).isEqualTo(503);
        assertThat(failing.lastRun().orElseThrow().notPassed()).extracting(LastRun.Probe::id).containsExactly("probe");
    }

    @Test
    void noRunYetIsNeverRunAndAProblemIsAnErrorWhateverTheLastVerdict() {
        SelfTestStatus neverRun = SelfTestStatus.of(null, true, Phase.RUNNING, null, null, Map.of());
        SelfTestStatus broken = SelfTestStatus.of(run("pass: {}"), false, Phase.IDLE, "the probe files are invalid", null,
                Map.of(Verdict.PASS, 1L));

        assertThat(neverRun.state()).isEqualTo(State.NEVER_RUN);
        assertThat(HttpStatuses.of(neverRun)).isEqualTo(503);
        assertThat(broken.state()).isEqualTo(State.ERROR);
        assertThat(broken.verdict()).contains(Verdict.PASS);
        assertThat(HttpStatuses.of(broken)).isEqualTo(503);
        assertThat(SelfTestStatus.notStarted(null).state()).isEqualTo(State.NEVER_RUN);
        assertThat(SelfTestStatus.notStarted("bad settings").state()).isEqualTo(State.ERROR);
    }

    @Test
    void aProblemOfTheHostComesBeforeTheSelfTestsOwn() {
        SelfTestStatus own = SelfTestStatus.of(null, false, Phase.IDLE, "the probe files are invalid", null, Map.of());

        assertThat(own.withProblem(null)).isSameAs(own);
        assertThat(own.withProblem("postpatch.port: 'x' is not a port number").problem())
                .contains("postpatch.port: 'x' is not a port number; the probe files are invalid");
        assertThat(SelfTestStatus.of(run("pass: {}"), false, Phase.IDLE, null, null, Map.of()).withProblem("bad settings")
                .state()).isEqualTo(State.ERROR);
    }

    @Test
    void readinessFailsOnlyForAFailedRunAndOnlyWhenItFollowsTheVerdict() {
        SelfTestStatus failing = SelfTestStatus.of(run("fail: { message: down }"), false, Phase.IDLE, null, null, Map.of());
        SelfTestStatus neverRun = SelfTestStatus.of(null, false, Phase.STARTING, null, null, Map.of());

        assertThat(HttpStatuses.readiness(failing, true)).isEqualTo(503);
        assertThat(HttpStatuses.readiness(failing, false)).isEqualTo(200);
        assertThat(HttpStatuses.readiness(neverRun, true)).isEqualTo(200);
    }
}
