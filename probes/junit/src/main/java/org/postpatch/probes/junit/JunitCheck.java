package org.postpatch.probes.junit;

import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.api.ProbeStatus;
import org.postpatch.spi.Check;

/**
 * One attempt of a {@code junit} probe: discovers and runs the selected tests with a fresh Launcher
 * and turns them into one outcome whose parts are the tests. A failing test fails the probe; so does
 * finding no test at all, since a probe that checks nothing must not pass.
 */
final class JunitCheck implements Check {

    /** How many failing tests the one-line reason names before it counts the rest. */
    private static final int NAMED_FAILURES = 3;

    private final TestSelection selection;

    JunitCheck(TestSelection selection) {
        this.selection = selection;
    }

    @Override
    public Outcome run(ProbeContext context) {
        TestRecorder recorder = new TestRecorder();
        context.onCancel(recorder::abandon);
        // Listeners registered through ServiceLoader belong to the build that runs the application's
        // tests (Surefire, an IDE), not to a probe.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
        launcher.execute(selection.request(), recorder);
        List<Outcome.Part> parts = recorder.parts();
        return verdict(parts).withParts(parts);
    }

    private Outcome verdict(List<Outcome.Part> parts) {
        List<Outcome.Part> failed = parts.stream().filter(part -> part.status() == ProbeStatus.FAILED).toList();
        long passed = parts.stream().filter(part -> part.status() == ProbeStatus.PASSED).count();
        long skipped = parts.stream().filter(part -> part.status() == ProbeStatus.SKIPPED).count();
        if (!failed.isEmpty()) {
            return Outcome.failed(failed.size() + " of " + parts.size() + " tests failed: " + listed(failed));
        }
        if (parts.isEmpty()) {
            return Outcome.failed("no tests matched " + selection.describe());
        }
        if (passed == 0) {
            return Outcome.failed("no test ran: " + count(skipped) + " skipped: " + listed(parts));
        }
        return Outcome.passed(count(passed) + " passed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
    }

    private static String listed(List<Outcome.Part> parts) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(NAMED_FAILURES, parts.size()); i++) {
            Outcome.Part part = parts.get(i);
            text.append(i == 0 ? "" : "; ").append(part.name());
            if (!part.message().isBlank()) {
                text.append(": ").append(part.message());
            }
        }
        if (parts.size() > NAMED_FAILURES) {
            text.append("; and ").append(parts.size() - NAMED_FAILURES).append(" more");
        }
        return text.toString();
    }

    private static String count(long tests) {
        return tests == 1 ? "1 test" : tests + " tests";
    }
}
