package org.postpatch.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.postpatch.model.NeedsGraph;

/**
 * Which probes of a suite wait, which of them may start, and the captured values each will see.
 * A probe may start once every probe it needs has passed; the next to start is the first ready in
 * declared order. Counting the needs each probe still waits for makes every probe cost work in
 * proportion to its own needs and dependents, never to the size of the suite.
 */
final class Readiness {

    private final NeedsGraph graph;
    private final int[] unmet;
    private final BitSet waiting;
    private final PriorityQueue<Integer> ready = new PriorityQueue<>();
    private final List<Map<String, String>> inherited;
    private final List<Map<String, String>> captured;

    Readiness(NeedsGraph graph) {
        this.graph = graph;
        int size = graph.size();
        this.unmet = new int[size];
        this.waiting = new BitSet(size);
        waiting.set(0, size);
        this.inherited = new ArrayList<>(Collections.nCopies(size, Map.of()));
        this.captured = new ArrayList<>(Collections.nCopies(size, Map.of()));
        for (int position = 0; position < size; position++) {
            // Every need counts, even one naming no probe: such a probe never becomes ready.
            unmet[position] = graph.probe(position).needs().size();
            if (unmet[position] == 0) {
                ready.add(position);
            }
        }
    }

    /** True while a probe has neither started nor been given a result. */
    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    boolean isWaiting(int position) {
        return waiting.get(position);
    }

    /** The waiting probes, in declared order. */
    int[] waiting() {
        return waiting.stream().toArray();
    }

    boolean hasReady() {
        while (!ready.isEmpty() && !waiting.get(ready.peek())) {
            ready.poll();
        }
        return !ready.isEmpty();
    }

    /** The first ready probe in declared order, which now no longer waits. */
    int takeReady() {
        if (!hasReady()) {
            throw new IllegalStateException("no probe is ready");
        }
        int position = ready.poll();
        waiting.clear(position);
        return position;
    }

    /** A waiting probe was given a result without running (BLOCKED, SKIPPED). */
    void finished(int position) {
        waiting.clear(position);
    }

    /** A probe passed with these captured values: the probes needing it are one need nearer to ready. */
    void passed(int position, Map<String, String> values) {
        captured.set(position, values.isEmpty() ? Map.of() : values);
        for (int dependent : graph.neededBy(position)) {
            if (--unmet[dependent] == 0 && waiting.get(dependent)) {
                ready.add(dependent);
            }
        }
    }

    /**
     * The values captured by the probes this one needs, directly or not, for a probe about to
     * start: the nearer a probe, the later its values are put in, so that they win; among its
     * needs, the later need wins. Kept for the probes that will need this one, and shared with its
     * only need when that one captured nothing itself (a chain costs nothing per link).
     */
    Map<String, String> capturesFor(int position) {
        int[] needs = graph.needs(position);
        Map<String, String> values = Map.of();
        if (needs.length == 1 && captured.get(needs[0]).isEmpty()) {
            values = inherited.get(needs[0]);
        } else if (needs.length > 0) {
            Map<String, String> merged = new LinkedHashMap<>();
            for (int need : needs) {
                merged.putAll(inherited.get(need));
                merged.putAll(captured.get(need));
            }
            values = merged.isEmpty() ? Map.of() : Collections.unmodifiableMap(merged);
        }
        inherited.set(position, values);
        return values;
    }
}
