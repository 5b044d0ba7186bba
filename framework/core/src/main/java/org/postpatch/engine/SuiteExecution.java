package org.postpatch.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeStatus;
import org.postpatch.config.Durations;
import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.SuiteResult;
import org.postpatch.spi.ProbeKinds;

/**
 * Runs one suite: starts every probe whose needs have passed, up to {@code parallel} at once, in
 * declared order; marks BLOCKED (never run) the probes whose needs failed; enforces the run's
 * deadline and interruption by abandoning what is running and skipping what is not.
 *
 * <p>All JUnit events and observer calls are made from this (the calling) thread, in the order
 * probes finish, so listeners need no locking.
 */
final class SuiteExecution {

    private static final ExecutorService PROBES = Executors.newCachedThreadPool(ProbeRun.daemonThreads("postpatch-probe-"));
    private static final long POLL_MILLIS = 50;

    private final SuiteDescriptor descriptor;
    private final Suite suite;
    private final EngineExecutionListener listener;
    private final ExecutionSettings settings;
    private final RunControl control;
    private final SharedResources shared;
    private final ProbeKinds kinds;
    private final Deadline deadline;

    private final Map<String, ProbeDescriptor> descriptors = new LinkedHashMap<>();
    private final Map<String, ProbeDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, ProbeResult> results = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> captured = new LinkedHashMap<>();
    private final Map<String, ProbeRun> running = new LinkedHashMap<>();
    private final BlockingQueue<ProbeRun> done = new LinkedBlockingQueue<>();

    SuiteExecution(SuiteDescriptor descriptor, EngineExecutionListener listener, ExecutionSettings settings,
                   RunControl control, SharedResources shared, ProbeKinds kinds, Deadline deadline) {
        this.descriptor = descriptor;
        this.suite = descriptor.suite();
        this.listener = listener;
        this.settings = settings;
        this.control = control;
        this.shared = shared;
        this.kinds = kinds;
        this.deadline = deadline;
        for (TestDescriptor child : descriptor.getChildren()) {
            ProbeDescriptor probe = (ProbeDescriptor) child;
            descriptors.put(probe.probe().id(), probe);
            definitions.put(probe.probe().id(), probe.probe());
        }
    }

    SuiteResult execute() {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        listener.executionStarted(descriptor);
        control.observer().suiteStarted(suite);
        List<String> pending = new ArrayList<>(descriptors.keySet());
        try {
            schedule(pending);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            control.interrupt();
            stopEverything(pending, "interrupted");
        }
        List<ProbeResult> ordered = new ArrayList<>();
        for (String id : descriptors.keySet()) {
            ordered.add(results.get(id));
        }
        SuiteResult result = new SuiteResult(suite.name(), suite.files(), startedAt,
                Duration.ofNanos(System.nanoTime() - start), ordered);
        control.observer().suiteFinished(result);
        listener.executionFinished(descriptor, TestExecutionResult.successful());
        return result;
    }

    private void schedule(List<String> pending) throws InterruptedException {
        while (!pending.isEmpty() || !running.isEmpty()) {
            blockWhereNeedsFailed(pending);
            startReady(pending);
            if (running.isEmpty()) {
                for (String id : List.copyOf(pending)) {
                    record(skipped(descriptors.get(id).probe(), "its needs could not be scheduled"));
                }
                pending.clear();
                return;
            }
            ProbeRun finished = done.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            while (finished != null) {
                if (running.remove(finished.probe().id()) != null) {
                    complete(finished);
                }
                finished = done.poll();
            }
            if (control.isInterrupted()) {
                stopEverything(pending, "interrupted");
                return;
            }
            if (deadline.passed()) {
                control.markTimedOut();
                String limit = settings.runTimeout().map(Durations::format).orElse("");
                stopEverything(pending, "the run's timeout of " + limit + " expired");
                return;
            }
        }
    }

    private void blockWhereNeedsFailed(List<String> pending) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
                ProbeDefinition probe = descriptors.get(it.next()).probe();
                Set<String> rootCauses = new LinkedHashSet<>();
                List<String> failedNeeds = new ArrayList<>();
                for (String need : probe.needs()) {
                    ProbeResult needResult = results.get(need);
                    if (needResult != null && !needResult.passed()) {
                        failedNeeds.add(need);
                        rootCauses.addAll(needResult.status() == ProbeStatus.BLOCKED ? needResult.blockedBy() : List.of(need));
                    }
                }
                if (!failedNeeds.isEmpty()) {
                    it.remove();
                    record(blocked(probe, failedNeeds, rootCauses));
                    changed = true;
                }
            }
        }
    }

    private void startReady(List<String> pending) {
        for (Iterator<String> it = pending.iterator(); it.hasNext() && running.size() < settings.parallel(); ) {
            String id = it.next();
            ProbeDefinition probe = descriptors.get(id).probe();
            boolean ready = probe.needs().stream().allMatch(need -> results.containsKey(need) && results.get(need).passed());
            if (!ready) {
                continue;
            }
            it.remove();
            Map<String, String> captures = new LinkedHashMap<>();
            for (String ancestor : ancestorsInOrder(probe)) {
                captures.putAll(captured.getOrDefault(ancestor, Map.of()));
            }
            ProbeRun run = new ProbeRun(suite, probe, kinds, captures, deadline, settings, control, shared, done::add);
            running.put(id, run);
            listener.executionStarted(descriptors.get(id));
            control.observer().probeStarted(suite, probe);
            PROBES.execute(run);
        }
    }

    /** The probes this one needs, directly or not, farthest first, so that nearer captures win. */
    private List<String> ancestorsInOrder(ProbeDefinition probe) {
        List<String> ancestors = new ArrayList<>(org.postpatch.config.SuiteLoader.ancestors(probe.id(), definitions));
        java.util.Collections.reverse(ancestors);
        return ancestors;
    }

    private void stopEverything(List<String> pending, String reason) {
        for (ProbeRun run : List.copyOf(running.values())) {
            run.abandon("abandoned: " + reason);
        }
        // A probe whose own thread was finishing at that moment hands its result over an instant
        // later; wait for it briefly rather than lose it.
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!running.isEmpty() && System.nanoTime() - giveUp < 0) {
            ProbeRun finished;
            try {
                finished = done.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            if (finished != null && running.remove(finished.probe().id()) != null) {
                complete(finished);
            }
        }
        for (ProbeRun lost : List.copyOf(running.values())) {
            running.remove(lost.probe().id());
            ProbeResult result = notRun(lost.probe(), ProbeStatus.FAILED, "abandoned: " + reason, List.of());
            results.put(result.id(), result);
            listener.executionFinished(descriptors.get(result.id()), TestExecutionResult.failed(new ProbeFailure(result.message())));
            control.observer().probeFinished(result);
        }
        for (String id : List.copyOf(pending)) {
            record(skipped(descriptors.get(id).probe(), "not run: " + reason));
        }
        pending.clear();
    }

    private void complete(ProbeRun run) {
        captured.put(run.probe().id(), run.capturedValues());
        ProbeResult result = run.result();
        ProbeDescriptor probe = descriptors.get(result.id());
        reportParts(probe, result);
        publish(probe, result);
        results.put(result.id(), result);
        switch (result.status()) {
            case PASSED -> listener.executionFinished(probe, TestExecutionResult.successful());
            case SKIPPED -> listener.executionFinished(probe, TestExecutionResult.aborted(new ProbeFailure(result.message())));
            default -> listener.executionFinished(probe, TestExecutionResult.failed(new ProbeFailure(result.message())));
        }
        control.observer().probeFinished(result);
    }

    /** Records a probe that never ran (BLOCKED or SKIPPED). */
    private void record(ProbeResult result) {
        results.put(result.id(), result);
        listener.executionSkipped(descriptors.get(result.id()), result.message());
        control.observer().probeFinished(result);
    }

    private void reportParts(ProbeDescriptor probe, ProbeResult result) {
        int index = 0;
        for (Outcome.Part part : result.parts()) {
            PartDescriptor child = new PartDescriptor(
                    probe.getUniqueId().append(PartDescriptor.SEGMENT, String.valueOf(index++)), part.name());
            probe.addChild(child);
            listener.dynamicTestRegistered(child);
            if (part.status() == ProbeStatus.SKIPPED || part.status() == ProbeStatus.BLOCKED) {
                listener.executionSkipped(child, part.message().isEmpty() ? "skipped" : part.message());
                continue;
            }
            listener.executionStarted(child);
            listener.executionFinished(child, part.status() == ProbeStatus.PASSED ? TestExecutionResult.successful()
                    : TestExecutionResult.failed(new ProbeFailure(part.message())));
        }
    }

    private void publish(ProbeDescriptor probe, ProbeResult result) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("postpatch.status", result.status().name());
        entry.put("postpatch.durationMs", String.valueOf(result.duration().toMillis()));
        entry.put("postpatch.attempts", String.valueOf(result.attempts()));
        if (!result.message().isBlank()) {
            entry.put("postpatch.message", result.message());
        }
        listener.reportingEntryPublished(probe, ReportEntry.from(entry));
        for (Outcome.Attachment attachment : result.attachments()) {
            listener.fileEntryPublished(probe, FileEntry.from(attachment.file(), attachment.mediaType()));
        }
    }

    private ProbeResult blocked(ProbeDefinition probe, List<String> failedNeeds, Set<String> rootCauses) {
        String reason;
        if (rootCauses.size() == 1 && failedNeeds.equals(List.copyOf(rootCauses))) {
            reason = "blocked: needs '" + failedNeeds.get(0) + "', which did not pass";
        } else {
            reason = "blocked: " + quoted(rootCauses) + " did not pass (needed through " + quoted(failedNeeds) + ")";
        }
        return notRun(probe, ProbeStatus.BLOCKED, reason, List.copyOf(rootCauses));
    }

    private ProbeResult skipped(ProbeDefinition probe, String reason) {
        return notRun(probe, ProbeStatus.SKIPPED, reason, List.of());
    }

    private ProbeResult notRun(ProbeDefinition probe, ProbeStatus status, String reason, List<String> blockedBy) {
        return new ProbeResult(suite.name(), probe.id(), probe.kind(), probe.severity(), status, Instant.now(),
                Duration.ZERO, Duration.ZERO, 0, reason, blockedBy, Map.of(), List.of(), List.of(),
                probe.location().toString());
    }

    private static String quoted(java.util.Collection<String> ids) {
        return String.join(", ", ids.stream().map(id -> "'" + id + "'").toList());
    }
}
