package org.postpatch.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code needs} of one suite's probes as a graph, computed once: what each probe needs and is
 * needed by, the needs that name no probe, the cycles, an order in which every probe comes after
 * what it needs, and everything a set of probes needs, directly or not.
 *
 * <p>Every operation is linear in probes plus needs and none recurses: a 20,000-long chain costs no
 * more than 20,000 independent probes, and no chain is deep enough to overflow a stack. Probes are
 * known by id and by their position in declared order (the first of two probes with one id wins).
 */
public final class NeedsGraph {

    private static final int[] NONE = new int[0];

    private final List<ProbeDefinition> probes;
    private final Map<String, Integer> positions;
    private final int[][] needs;
    private final int[][] neededBy;
    private final List<Need> missing;

    /** One need of one probe: {@code probe} needs {@code need}. */
    public record Need(String probe, String need) {
    }

    private NeedsGraph(List<ProbeDefinition> probes, Map<String, Integer> positions, int[][] needs, int[][] neededBy,
                       List<Need> missing) {
        this.probes = probes;
        this.positions = positions;
        this.needs = needs;
        this.neededBy = neededBy;
        this.missing = missing;
    }

    /** The graph of these probes' needs, in their declared order. */
    public static NeedsGraph of(List<ProbeDefinition> declared) {
        List<ProbeDefinition> probes = new ArrayList<>(declared.size());
        Map<String, Integer> positions = new HashMap<>(declared.size() * 2);
        for (ProbeDefinition probe : declared) {
            if (positions.putIfAbsent(probe.id(), probes.size()) == null) {
                probes.add(probe);
            }
        }
        int size = probes.size();
        int[][] needs = new int[size][];
        int[] neededByCount = new int[size];
        List<Need> missing = new ArrayList<>();
        for (int position = 0; position < size; position++) {
            ProbeDefinition probe = probes.get(position);
            int[] found = new int[probe.needs().size()];
            int count = 0;
            for (String need : probe.needs()) {
                Integer target = positions.get(need);
                if (target == null) {
                    missing.add(new Need(probe.id(), need));
                } else {
                    found[count++] = target;
                    neededByCount[target]++;
                }
            }
            needs[position] = count == 0 ? NONE : count == found.length ? found : Arrays.copyOf(found, count);
        }
        int[][] neededBy = new int[size][];
        for (int position = 0; position < size; position++) {
            neededBy[position] = neededByCount[position] == 0 ? NONE : new int[neededByCount[position]];
        }
        int[] filled = new int[size];
        for (int position = 0; position < size; position++) {
            for (int target : needs[position]) {
                neededBy[target][filled[target]++] = position;
            }
        }
        return new NeedsGraph(Collections.unmodifiableList(probes), positions, needs, neededBy,
                Collections.unmodifiableList(missing));
    }

    /** How many probes (distinct ids). */
    public int size() {
        return probes.size();
    }

    /** The probes in declared order, the first of each id. */
    public List<ProbeDefinition> probes() {
        return probes;
    }

    /** The probe at this position in declared order. */
    public ProbeDefinition probe(int position) {
        return probes.get(position);
    }

    /** The position of the probe with this id, or -1. */
    public int position(String id) {
        Integer position = positions.get(id);
        return position == null ? -1 : position;
    }

    /** The positions of the probes this one needs (needs naming no probe left out), in its order. */
    public int[] needs(int position) {
        return needs[position].clone();
    }

    /** The positions of the probes that need this one, in declared order. */
    public int[] neededBy(int position) {
        return neededBy[position].clone();
    }

    /** The needs that name no probe of the suite, in declared order. */
    public List<Need> missingNeeds() {
        return missing;
    }

    /**
     * The cycles, each as the ids along it from where it was entered back to that probe
     * ({@code a -> b -> a}), found by walking the probes in declared order and each probe's needs
     * in its order.
     */
    public List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        byte[] state = new byte[size()]; // 0 unseen, 1 on the current path, 2 done
        int[] pathIndex = new int[size()];
        int[] path = new int[size()];
        int[] next = new int[size()];
        for (int root = 0; root < size(); root++) {
            if (state[root] != 0) {
                continue;
            }
            int depth = 0;
            path[0] = root;
            next[0] = 0;
            state[root] = 1;
            pathIndex[root] = 0;
            while (depth >= 0) {
                int current = path[depth];
                if (next[depth] < needs[current].length) {
                    int need = needs[current][next[depth]++];
                    if (state[need] == 1) {
                        List<String> cycle = new ArrayList<>(depth - pathIndex[need] + 2);
                        for (int i = pathIndex[need]; i <= depth; i++) {
                            cycle.add(probes.get(path[i]).id());
                        }
                        cycle.add(probes.get(need).id());
                        cycles.add(List.copyOf(cycle));
                    } else if (state[need] == 0) {
                        depth++;
                        path[depth] = need;
                        next[depth] = 0;
                        state[need] = 1;
                        pathIndex[need] = depth;
                    }
                } else {
                    state[current] = 2;
                    depth--;
                }
            }
        }
        return cycles;
    }

    /**
     * Every probe, each after the probes it needs: a probe's needs in their order first, the probes
     * in declared order. A probe in a cycle comes where it is first met, before its needs.
     *
     * @param inCycle the ids of the probes on a cycle (from {@link #cycles()})
     */
    public List<ProbeDefinition> dependencyOrder(Set<String> inCycle) {
        List<ProbeDefinition> order = new ArrayList<>(size());
        boolean[] seen = new boolean[size()];
        int[] stack = new int[size()];
        int[] next = new int[size()];
        for (int root = 0; root < size(); root++) {
            if (seen[root]) {
                continue;
            }
            int depth = 0;
            stack[0] = root;
            next[0] = 0;
            seen[root] = true;
            while (depth >= 0) {
                int current = stack[depth];
                int[] currentNeeds = inCycle.contains(probes.get(current).id()) ? NONE : needs[current];
                if (next[depth] < currentNeeds.length) {
                    int need = currentNeeds[next[depth]++];
                    if (!seen[need]) {
                        seen[need] = true;
                        depth++;
                        stack[depth] = need;
                        next[depth] = 0;
                    }
                } else {
                    order.add(probes.get(current));
                    depth--;
                }
            }
        }
        return order;
    }

    /**
     * The ids of the probes {@code chosen} accepts and of every probe they need, directly or not, in
     * declared order.
     */
    public Set<String> withEverythingNeeded(Predicate<ProbeDefinition> chosen) {
        BitSet keep = new BitSet(size());
        int[] todo = new int[size()];
        int pending = 0;
        for (int position = 0; position < size(); position++) {
            if (chosen.test(probes.get(position)) && !keep.get(position)) {
                keep.set(position);
                todo[pending++] = position;
            }
            while (pending > 0) {
                int current = todo[--pending];
                for (int need : needs[current]) {
                    if (!keep.get(need)) {
                        keep.set(need);
                        todo[pending++] = need;
                    }
                }
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        keep.stream().forEach(position -> ids.add(probes.get(position).id()));
        return ids;
    }
}
