package org.postpatch.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
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
import org.postpatch.config.ProbeBinder;
import org.postpatch.model.NeedsGraph;
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
 * probes finish, so listeners need no locking. The work per probe does not grow with the suite:
 * what a finished probe changes is found through the {@link NeedsGraph}, never by scanning the
 * probes still waiting.
 */
final class SuiteExecution {

    private static final long POLL_MILLIS = 50;

    private final SuiteDescriptor descriptor;
    private final Suite suite;
    private final EngineExecutionListener listener;
    private final ExecutionSettings settings;
    private final RunControl control;
    private final SharedResources shared;
    private final RunThreads threads;
    private final ProbeBinder binder;
    private final Deadline deadline;

    private final List<ProbeDescriptor> descriptors = new ArrayList<>();
    private final NeedsGraph graph;
    private final Readiness readiness;
    private final Map<String, ProbeResult> results = new HashMap<>();
    private final Map<String, ProbeRun> running = new LinkedHashMap<>();
    private final BlockingQueue<ProbeRun> done = new LinkedBlockingQueue<>();

    SuiteExecution(SuiteDescriptor descriptor, EngineExecutionListener listener, ExecutionSettings settings,
                   RunControl control, SharedResources shared, RunThreads threads, ProbeKinds kinds,
                   Deadline deadline) {
        this.descriptor = descriptor;
        this.suite = descriptor.suite();
        this.listener = listener;
        this.settings = settings;
        this.control = control;
        this.shared = shared;
        this.threads = threads;
        this.binder = new ProbeBinder(kinds, suite.variables(), control.redactor()::add, control.boundChecks());
        this.deadline = deadline;
        List<ProbeDefinition> probes = new ArrayList<>();
        for (TestDescriptor child : descriptor.getChildren()) {
            ProbeDescriptor probe = (ProbeDescriptor) child;
            descriptors.add(probe);
            probes.add(probe.probe());
        }
        this.graph = NeedsGraph.of(probes);
        this.readiness = new Readiness(graph);
    }

    SuiteResult execute() {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        listener.executionStarted(descriptor);
        control.observer().suiteStarted(suite);
        try {
            schedule();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            control.interrupt();
            stopEverything("interrupted");
        }
        List<ProbeResult> ordered = new ArrayList<>();
        for (ProbeDescriptor probe : descriptors) {
            ordered.add(results.get(probe.probe().id()));
        }
        SuiteResult result = new SuiteResult(suite.name(), suite.files(), startedAt,
                Duration.ofNanos(System.nanoTime() - start), ordered);
        control.observer().suiteFinished(result);
        listener.executionFinished(descriptor, TestExecutionResult.successful());
        return result;
    }

    private void schedule() throws InterruptedException {
        List<Integer> failed = new ArrayList<>();
        while (readiness.hasWaiting() || !running.isEmpty()) {
            blockWhereNeedsFailed(failed);
            failed.clear();
            startReady();
            if (running.isEmpty()) {
                for (int position : readiness.waiting()) {
                    readiness.finished(position);
                    record(skipped(graph.probe(position), "its needs could not be scheduled"));
                }
                return;
            }
            ProbeRun finished = done.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            while (finished != null) {
                if (running.remove(finished.probe().id()) != null) {
                    complete(finished);
                    int position = graph.position(finished.probe().id());
                    if (finished.result().passed()) {
                        readiness.passed(position, finished.capturedValues());
                    } else {
                        failed.add(position);
                    }
                }
                finished = done.poll();
            }
            if (control.isInterrupted()) {
                stopEverything("interrupted");
                return;
            }
            if (deadline.passed()) {
                control.markTimedOut();
                String limit = settings.runTimeout().map(Durations::format).orElse("");
                stopEverything("the run's timeout of " + limit + " expired");
                return;
            }
        }
    }

    /**
     * Marks BLOCKED, in declared order, the waiting probes that need one that did not pass, and
     * then those that need one of them, and so on: passes over the waiting probes in declared order,
     * as if each probe were checked at its turn, but visiting only the probes that need one that
     * just did not pass.
     */
    private void blockWhereNeedsFailed(List<Integer> failed) {
        PriorityQueue<Integer> thisPass = new PriorityQueue<>();
        PriorityQueue<Integer> nextPass = new PriorityQueue<>();
        for (int position : failed) {
            addWaiting(graph.neededBy(position), thisPass);
        }
        while (!thisPass.isEmpty() || !nextPass.isEmpty()) {
            if (thisPass.isEmpty()) {
                PriorityQueue<Integer> swap = thisPass;
                thisPass = nextPass;
                nextPass = swap;
            }
            int position = thisPass.poll();
            if (!readiness.isWaiting(position)) {
                continue;
            }
            ProbeDefinition probe = graph.probe(position);
            Set<String> rootCauses = new LinkedHashSet<>();
            List<String> failedNeeds = new ArrayList<>();
            for (String need : probe.needs()) {
                ProbeResult needResult = results.get(need);
                if (needResult != null && !needResult.passed()) {
                    failedNeeds.add(need);
                    rootCauses.addAll(needResult.status() == ProbeStatus.BLOCKED ? needResult.blockedBy() : List.of(need));
                }
            }
            readiness.finished(position);
            record(blocked(probe, failedNeeds, rootCauses));
            for (int dependent : graph.neededBy(position)) {
                if (readiness.isWaiting(dependent)) {
                    // At its turn later in this pass, or in the next one, as a pass in declared order would find it.
                    (dependent > position ? thisPass : nextPass).add(dependent);
                }
            }
        }
    }

    private void addWaiting(int[] positions, PriorityQueue<Integer> queue) {
        for (int position : positions) {
            if (readiness.isWaiting(position)) {
                queue.add(position);
            }
        }
    }

    private void startReady() {
        while (running.size() < settings.parallel() && readiness.hasReady()) {
            int position = readiness.takeReady();
            ProbeDefinition probe = graph.probe(position);
            ProbeRun run = new ProbeRun(suite, probe, binder, readiness.capturesFor(position), deadline, settings, control,
                    shared, threads, done::add);
            running.put(probe.id(), run);
            listener.executionStarted(descriptors.get(position));
            control.observer().probeStarted(suite, probe);
            threads.startProbe(run);
        }
    }

    private void stopEverything(String reason) {
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
            listener.executionFinished(descriptorOf(result.id()), TestExecutionResult.failed(new ProbeFailure(result.message())));
            control.observer().probeFinished(result);
        }
        for (int position : readiness.waiting()) {
            readiness.finished(position);
            record(skipped(graph.probe(position), "not run: " + reason));
        }
    }

    private void complete(ProbeRun run) {
        ProbeResult result = run.result();
        ProbeDescriptor probe = descriptorOf(result.id());
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

    private ProbeDescriptor descriptorOf(String id) {
        return descriptors.get(graph.position(id));
    }

    /** Records a probe that never ran (BLOCKED or SKIPPED). */
    private void record(ProbeResult result) {
        results.put(result.id(), result);
        listener.executionSkipped(descriptorOf(result.id()), result.message());
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
