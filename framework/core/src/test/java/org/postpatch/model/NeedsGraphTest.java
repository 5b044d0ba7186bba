package org.postpatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postpatch.api.Severity;
import org.postpatch.config.ConfigNode;
import org.postpatch.config.SourceLocation;

class NeedsGraphTest {

    private static ProbeDefinition probe(String id, String... needs) {
        SourceLocation at = SourceLocation.ofFile("probes.yaml");
        return new ProbeDefinition(id, "pass", ConfigNode.map(at, Map.of()), List.of(needs), Severity.CRITICAL,
                Duration.ofSeconds(1), RetryPolicy.NONE, Set.of(), at, Set.of(), LatencyTolerance.DEFAULT);
    }

    private static List<String> ids(List<ProbeDefinition> probes) {
        return probes.stream().map(ProbeDefinition::id).toList();
    }

    /** {@code link-0 <- link-1 <- ... <- link-(length-1)}, declared in that order. */
    private static List<ProbeDefinition> chain(int length) {
        List<ProbeDefinition> probes = new ArrayList<>(length);
        probes.add(probe("link-0"));
        for (int i = 1; i < length; i++) {
            probes.add(probe("link-" + i, "link-" + (i - 1)));
        }
        return probes;
    }

    @Test
    void needsAndNeededByFollowDeclaredOrderAndMissingNeedsAreListed() {
        NeedsGraph graph = NeedsGraph.of(List.of(probe("a"), probe("b", "a", "nope"), probe("c", "b", "a"), probe("a", "c")));

        assertThat(graph.size()).isEqualTo(3);
        assertThat(graph.probe(0).needs()).as("the first of two probes with one id counts").isEmpty();
        assertThat(graph.needs(graph.position("c"))).containsExactly(1, 0);
        assertThat(graph.neededBy(graph.position("a"))).containsExactly(1, 2);
        assertThat(graph.missingNeeds()).containsExactly(new NeedsGraph.Need("b", "nope"));
        assertThat(graph.position("nope")).isEqualTo(-1);
    }

    @Test
    void eachCycleIsReportedFromWhereItWasEnteredBackToIt() {
        NeedsGraph graph = NeedsGraph.of(List.of(probe("a", "b"), probe("b", "c"), probe("c", "a"), probe("d", "d"),
                probe("e", "a")));

        assertThat(graph.cycles()).containsExactly(List.of("a", "b", "c", "a"), List.of("d", "d"));
    }

    @Test
    void dependencyOrderPutsEveryProbeAfterWhatItNeeds() {
        NeedsGraph graph = NeedsGraph.of(List.of(probe("order", "login", "db"), probe("login", "db"), probe("db"),
                probe("report", "order")));

        assertThat(ids(graph.dependencyOrder(Set.of()))).containsExactly("db", "login", "order", "report");
    }

    @Test
    void aProbeOnACycleComesWhereTheCycleIsFirstMet() {
        NeedsGraph graph = NeedsGraph.of(List.of(probe("x", "a"), probe("a", "b"), probe("b", "a")));

        assertThat(ids(graph.dependencyOrder(Set.of("a", "b")))).containsExactly("a", "x", "b");
    }

    @Test
    void everythingNeededIsKeptInDeclaredOrder() {
        NeedsGraph graph = NeedsGraph.of(List.of(probe("db"), probe("cache"), probe("login", "db"), probe("order", "login"),
                probe("report")));

        assertThat(graph.withEverythingNeeded(p -> p.id().equals("order"))).containsExactly("db", "login", "order");
    }

    @Test
    void aHundredThousandLongChainIsWalkedWithoutRecursion() {
        List<ProbeDefinition> probes = chain(100_000);
        NeedsGraph graph = NeedsGraph.of(probes);

        assertThat(graph.cycles()).isEmpty();
        assertThat(graph.dependencyOrder(Set.of())).isEqualTo(probes);
        assertThat(graph.withEverythingNeeded(p -> p.id().equals("link-99999"))).hasSize(100_000);
    }

    @Test
    void aTwentyThousandLongCycleIsFoundWhole() {
        List<ProbeDefinition> probes = new ArrayList<>(chain(20_000));
        probes.set(0, probe("link-0", "link-19999"));
        NeedsGraph graph = NeedsGraph.of(probes);

        List<List<String>> cycles = graph.cycles();
        assertThat(cycles).singleElement().satisfies(cycle -> {
            assertThat(cycle).hasSize(20_001);
            assertThat(cycle.get(0)).isEqualTo("link-0");
            assertThat(cycle.get(1)).isEqualTo("link-19999");
            assertThat(cycle.get(20_000)).isEqualTo("link-0");
        });
    }
}
