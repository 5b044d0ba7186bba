package org.postpatch.probes.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeStatus;
import org.postpatch.engine.Failures;

/**
 * Hears a launcher run and keeps one {@link Outcome.Part} per test (and per container that failed
 * or was skipped as a whole, since its tests are then never reported), named by its path of display
 * names: {@code OrderSmokeTest > createsAnOrder()}.
 *
 * <p>Once the probe is abandoned, every test that still starts does so with its thread interrupted,
 * so that waiting tests end at once: the Launcher of JUnit 5 has no way to cancel a run (JUnit 6's
 * {@code CancellationToken} is not in 5.14), and Jupiter clears the interrupt flag after each test.
 */
final class TestRecorder implements TestExecutionListener {

    private final List<Outcome.Part> parts = new ArrayList<>();
    private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
    private volatile TestPlan plan;
    private volatile boolean abandoned;

    /** The probe was given up: interrupt every test that still starts. */
    void abandon() {
        abandoned = true;
    }

    synchronized List<Outcome.Part> parts() {
        return List.copyOf(parts);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        startNanos.put(identifier.getUniqueId(), System.nanoTime());
        if (abandoned) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (isReported(identifier)) {
            add(new Outcome.Part(name(identifier), ProbeStatus.SKIPPED, Duration.ZERO, reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        Long started = startNanos.remove(identifier.getUniqueId());
        Duration took = started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
        boolean failed = result.getStatus() == TestExecutionResult.Status.FAILED;
        if (!identifier.isTest() && !failed) {
            return;
        }
        // An assumption that did not hold is a reason to skip, not a failure: its own words suffice.
        String message = result.getThrowable()
                .map(thrown -> result.getStatus() == TestExecutionResult.Status.ABORTED && thrown.getMessage() != null
                        ? Failures.oneLine(thrown.getMessage()) : Failures.describe(thrown))
                .orElse("");
        ProbeStatus status = switch (result.getStatus()) {
            case SUCCESSFUL -> ProbeStatus.PASSED;
            case FAILED -> ProbeStatus.FAILED;
            case ABORTED -> ProbeStatus.SKIPPED;
        };
        add(new Outcome.Part(name(identifier), status, took, message));
    }

    private synchronized void add(Outcome.Part part) {
        parts.add(part);
    }

    /** Tests, and containers below the engine (a skipped class hides its tests). */
    private boolean isReported(TestIdentifier identifier) {
        return identifier.isTest() || identifier.getParentId().isPresent();
    }

    /** The display names from below the engine down to this test, joined with {@code " > "}. */
    private String name(TestIdentifier identifier) {
        TestPlan known = plan;
        if (known == null) {
            return identifier.getDisplayName();
        }
        List<String> names = new ArrayList<>();
        for (TestIdentifier current = identifier; current != null; current = known.getParent(current).orElse(null)) {
            if (current.getParentId().isPresent() || names.isEmpty()) {
                names.add(0, current.getDisplayName());
            }
        }
        return String.join(" > ", names);
    }
}
