package org.postpatch.fleet.model;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import org.postpatch.result.Fingerprint;

/**
 * One change across the fleet: an item of a fingerprint diff (with the items that always came with
 * it, such as a JVM's version and build), the targets that took it and what happened to them.
 *
 * @param items       the items, the headline first
 * @param suites      the suites whose targets took it
 * @param events      per target that took it, its latest taking of it, oldest first
 * @param regressed   the probes that regressed after it ("probe", or "suite/probe" across suites)
 */
public record ChangeReport(ChangeKind kind, List<Fingerprint.Change> items, SortedSet<String> suites,
                           List<PatchEvent> events, SortedSet<String> regressed, Attribution attribution) {

    public ChangeReport {
        items = List.copyOf(items);
        events = List.copyOf(events);
    }

    /** The headline item, as {@code verify} prints it: "jvm.version 17.0.15 -> 17.0.16". */
    public String title() {
        return items.get(0).toString();
    }

    public Instant firstSeen() {
        return events.get(0).at();
    }

    public long rollbacks() {
        return events.stream().filter(PatchEvent::rolledBack).count();
    }
}
