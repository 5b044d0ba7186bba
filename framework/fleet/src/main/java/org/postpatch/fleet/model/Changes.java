package org.postpatch.fleet.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.postpatch.result.Fingerprint;

/**
 * Turns the targets' patches into the fleet's changes. A change is an item of a fingerprint diff;
 * the same item on several targets is one change (an application's version only within its own
 * suite), and items that always came together — taken by exactly the same patches, like a JVM's
 * version, build and vendor — are shown as one change.
 */
final class Changes {

    private Changes() {
    }

    /** An item and the patches that carried it. */
    private static final class Taken {
        final Fingerprint.Change item;
        final ChangeKind kind;
        final List<PatchEvent> events = new ArrayList<>();

        Taken(Fingerprint.Change item, ChangeKind kind) {
            this.item = item;
            this.kind = kind;
        }
    }

    static List<ChangeReport> of(List<TargetTimeline> targets) {
        Map<String, Taken> byItem = new LinkedHashMap<>();
        Map<PatchEvent, Integer> ids = new IdentityHashMap<>();
        for (TargetTimeline target : targets) {
            for (PatchEvent event : target.patches()) {
                ids.put(event, ids.size());
                for (Fingerprint.Change item : event.items()) {
                    ChangeKind kind = ChangeKind.of(item.name());
                    String key = (kind == ChangeKind.APPLICATION ? event.suite() + "\u0000" : "") + item;
                    byItem.computeIfAbsent(key, k -> new Taken(item, kind)).events.add(event);
                }
            }
        }
        Map<String, List<Taken>> together = new LinkedHashMap<>();
        for (Taken taken : byItem.values()) {
            String signature = taken.events.stream().map(ids::get).sorted().map(String::valueOf)
                    .collect(Collectors.joining(","));
            together.computeIfAbsent(signature, k -> new ArrayList<>()).add(taken);
        }
        List<ChangeReport> changes = new ArrayList<>();
        for (List<Taken> items : together.values()) {
            changes.add(report(items, targets));
        }
        // Most alarming first; among equals, the widest blast radius, then the most recent.
        changes.sort(Comparator.comparing((ChangeReport change) -> change.attribution().verdict())
                .thenComparing(change -> -change.attribution().regressed())
                .thenComparing(ChangeReport::firstSeen, Comparator.reverseOrder())
                .thenComparing(ChangeReport::title));
        return changes;
    }

    private static ChangeReport report(List<Taken> taken, List<TargetTimeline> targets) {
        List<Taken> items = new ArrayList<>(taken);
        items.sort(Comparator.comparing((Taken t) -> t.item, ChangeKind.SIGNIFICANCE));
        Map<String, PatchEvent> latestPerTarget = new LinkedHashMap<>();
        items.get(0).events.stream().sorted(Comparator.comparing(PatchEvent::at))
                .forEach(event -> latestPerTarget.put(event.targetKey(), event));
        List<PatchEvent> events = latestPerTarget.values().stream().sorted(Comparator.comparing(PatchEvent::at)
                .thenComparing(PatchEvent::suite).thenComparing(PatchEvent::target)).toList();
        SortedSet<String> suites = events.stream().map(PatchEvent::suite).collect(Collectors.toCollection(TreeSet::new));
        SortedSet<String> shown = new TreeSet<>();
        Map<String, Integer> tookByProbe = new TreeMap<>();
        for (PatchEvent event : events) {
            for (String probe : event.regressed()) {
                tookByProbe.merge(event.suite() + "\u0000" + probe, 1, Integer::sum);
                shown.add(suites.size() == 1 ? probe : event.suite() + "/" + probe);
            }
        }
        List<TargetTimeline> others = targets.stream()
                .filter(t -> suites.contains(t.suite()) && !latestPerTarget.containsKey(t.key())).toList();
        // The probe whose regressions follow the change most closely: the most targets that took it
        // against the fewest that did not.
        String probe = null;
        int probeTook = 0;
        int probeOthers = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Integer> regressed : tookByProbe.entrySet()) {
            String key = regressed.getKey();
            int othersRegressed = (int) others.stream().filter(t -> t.regressedInPeriod().stream()
                    .anyMatch(id -> key.equals(t.suite() + "\u0000" + id))).count();
            double score = Attribution.rate(regressed.getValue(), events.size()) - Attribution.rate(othersRegressed, others.size());
            if (score > best || (score == best && regressed.getValue() > probeTook)) {
                best = score;
                probe = suites.size() == 1 ? key.substring(key.indexOf('\u0000') + 1) : key.replace('\u0000', '/');
                probeTook = regressed.getValue();
                probeOthers = othersRegressed;
            }
        }
        List<String> regressedTargets = events.stream().filter(e -> !e.regressed().isEmpty())
                .map(e -> e.suite() + "/" + e.target()).toList();
        Attribution attribution = Attribution.of(events.size(), (int) events.stream().filter(PatchEvent::judged).count(),
                regressedTargets, probe, probeTook, others.size(), probeOthers);
        return new ChangeReport(items.get(0).kind, items.stream().map(t -> t.item).toList(), suites, events, shown,
                attribution);
    }
}
