package org.postpatch.fleet.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.postpatch.fleet.read.Period;

/**
 * "Proof speaks loudly": the raw numbers over a period, per kind of change (a patch counts once for
 * each kind among its items), per application, and for the whole fleet.
 */
public record Figures(List<FigureRow> byKind, List<FigureRow> byApplication, FigureRow total) {

    public Figures {
        byKind = List.copyOf(byKind);
        byApplication = List.copyOf(byApplication);
    }

    static Figures of(List<TargetTimeline> targets, List<ChangeReport> changes, Period period) {
        List<PatchEvent> patches = targets.stream().flatMap(t -> t.patches().stream()).toList();
        Set<PatchEvent> caught = caughtOnFirstTarget(changes);
        Map<ChangeKind, List<PatchEvent>> byKind = new TreeMap<>();
        Map<String, List<PatchEvent>> byApplication = new TreeMap<>();
        for (PatchEvent patch : patches) {
            patch.items().stream().map(item -> ChangeKind.of(item.name())).distinct()
                    .forEach(kind -> byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(patch));
            byApplication.computeIfAbsent(patch.suite(), k -> new ArrayList<>()).add(patch);
        }
        return new Figures(rows("kind", byKind, ChangeKind::label, caught, period),
                rows("application", byApplication, Function.identity(), caught, period),
                row("total", "all", patches, caught, period));
    }

    private static <K> List<FigureRow> rows(String group, Map<K, List<PatchEvent>> patches, Function<K, String> name,
                                            Set<PatchEvent> caught, Period period) {
        List<FigureRow> rows = new ArrayList<>();
        patches.forEach((key, events) -> rows.add(row(group, name.apply(key), events, caught, period)));
        return rows;
    }

    /**
     * The failed patches that were the only ones to carry their changes: the rollout stopped at the
     * first target. A patch is caught first when every change it carried was taken by it alone.
     */
    private static Set<PatchEvent> caughtOnFirstTarget(List<ChangeReport> changes) {
        Map<PatchEvent, Boolean> alone = new IdentityHashMap<>();
        for (ChangeReport change : changes) {
            for (PatchEvent event : change.events()) {
                alone.merge(event, change.events().size() == 1, Boolean::logicalAnd);
            }
        }
        Set<PatchEvent> caught = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        alone.forEach((event, single) -> {
            if (single && event.failed()) {
                caught.add(event);
            }
        });
        return caught;
    }

    private static FigureRow row(String group, String name, List<PatchEvent> patches, Set<PatchEvent> caught,
                                 Period period) {
        List<Duration> toVerdict = patches.stream().map(PatchEvent::timeToVerdict).filter(d -> d != null)
                .sorted(Comparator.naturalOrder()).toList();
        Duration exposure = patches.stream().map(p -> p.exposure(period)).reduce(Duration.ZERO, Duration::plus);
        return new FigureRow(group, name, patches.size(), (int) patches.stream().filter(PatchEvent::judged).count(),
                (int) patches.stream().filter(PatchEvent::failed).count(),
                (int) patches.stream().filter(caught::contains).count(), percentile(toVerdict, 50),
                percentile(toVerdict, 95), (int) patches.stream().filter(PatchEvent::rolledBack).count(), exposure);
    }

    /** The nearest-rank percentile of sorted durations. */
    static Optional<Duration> percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(0, rank - 1)));
    }

    /** All rows, kinds first: for the CSV export. */
    public List<FigureRow> all() {
        List<FigureRow> all = new ArrayList<>(byKind);
        all.addAll(byApplication);
        all.add(total);
        return all;
    }
}
