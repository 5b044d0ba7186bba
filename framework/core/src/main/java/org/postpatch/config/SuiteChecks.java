package org.postpatch.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postpatch.model.NeedsGraph;
import org.postpatch.model.ProbeDefinition;

/**
 * What must hold across the probes of one suite: unique ids, needs that name probes of the suite
 * and form no cycle, and every probe's block valid for its kind, with the values captured by the
 * probes it needs (directly or not) usable in it. Linear in probes plus needs: the {@link NeedsGraph}
 * is computed once, and the captures a probe may use are those of its needs, each already knowing
 * its own.
 */
final class SuiteChecks {

    private final ProbeBinder binder;
    private final Problems problems;

    SuiteChecks(ProbeBinder binder, Problems problems) {
        this.binder = binder;
        this.problems = problems;
    }

    /**
     * The probes validated, in declared order, each with the names it captures.
     *
     * @param needLocations where each need was written, for messages (else the probe's location)
     */
    List<ProbeDefinition> validate(String suite, List<ProbeDefinition> probes,
                                   Map<NeedsGraph.Need, SourceLocation> needLocations) {
        NeedsGraph graph = NeedsGraph.of(probes);
        Set<String> seen = new LinkedHashSet<>();
        for (ProbeDefinition probe : probes) {
            if (!seen.add(probe.id())) {
                ProbeDefinition first = graph.probe(graph.position(probe.id()));
                problems.add(probe.location(), probe.id(), "duplicate probe id '" + probe.id() + "' in suite '" + suite
                        + "' (first at " + first.location() + ")");
            }
        }
        for (NeedsGraph.Need missing : graph.missingNeeds()) {
            ProbeDefinition probe = graph.probe(graph.position(missing.probe()));
            problems.add(needLocations.getOrDefault(missing, probe.location()), probe.id(), "needs '" + missing.need()
                    + "', which is not a probe of suite '" + suite + "'" + Suggestions.didYouMean(missing.need(), seen));
        }
        Set<String> inCycle = new HashSet<>();
        for (List<String> cycle : graph.cycles()) {
            inCycle.addAll(cycle);
            ProbeDefinition first = graph.probe(graph.position(cycle.get(0)));
            problems.add(first.location(), first.id(), "'needs' form a cycle: " + String.join(" -> ", cycle));
        }
        List<Set<String>> captures = bindAll(graph, inCycle);
        List<ProbeDefinition> validated = new ArrayList<>(graph.size());
        for (int position = 0; position < graph.size(); position++) {
            Set<String> captured = captures.get(position);
            validated.add(graph.probe(position).withCaptures(captured == null ? Set.of() : captured));
        }
        return validated;
    }

    /**
     * Binds every probe after the probes it needs; the names each captures, by position. A probe on
     * a cycle is bound where the cycle is first met, with the captures of those of its needs bound
     * by then.
     */
    private List<Set<String>> bindAll(NeedsGraph graph, Set<String> inCycle) {
        List<Set<String>> captures = new ArrayList<>(Collections.nCopies(graph.size(), null));
        List<Set<String>> available = new ArrayList<>(Collections.nCopies(graph.size(), null));
        for (ProbeDefinition probe : graph.dependencyOrder(inCycle)) {
            int position = graph.position(probe.id());
            Set<String> usable = usableCaptures(graph.needs(position), captures, available);
            available.set(position, usable);
            problems.inProbe(probe.id());
            Set<String> captured = binder.validate(probe, usable, problems).captures();
            problems.inProbe(null);
            captures.set(position, captured);
        }
        return captures;
    }

    /**
     * The names captured by the probes these needs are, and by everything they need. Shared with
     * the need when there is only one that captures nothing itself (a chain), so that a long chain
     * costs no more than as many independent probes.
     */
    private static Set<String> usableCaptures(int[] needs, List<Set<String>> captures, List<Set<String>> available) {
        Set<String> usable = Set.of();
        boolean copied = false;
        for (int need : needs) {
            Set<String> own = captures.get(need);
            if (own == null) {
                continue; // not bound yet: on a cycle
            }
            Set<String> inherited = available.get(need);
            if (own.isEmpty() && (inherited.isEmpty() || usable.isEmpty() || usable == inherited)) {
                usable = usable.isEmpty() ? inherited : usable;
                continue;
            }
            if (!copied) {
                usable = new LinkedHashSet<>(usable);
                copied = true;
            }
            usable.addAll(inherited);
            usable.addAll(own);
        }
        return copied ? Collections.unmodifiableSet(usable) : usable;
    }
}
