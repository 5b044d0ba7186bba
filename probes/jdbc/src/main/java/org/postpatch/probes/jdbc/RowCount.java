package org.postpatch.probes.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postpatch.spi.Key;
import org.postpatch.spi.Shape;
import org.postpatch.spi.Spec;

/**
 * The expected number of rows: {@code rows: 3} or bounds such as {@code rows: { ge: 1, le: 10 }},
 * all of which must hold.
 */
record RowCount(List<Bound> bounds) {

    /** One bound: a comparison with a number of rows. */
    record Bound(Comparison comparison, long rows) {
    }

    /** A number of rows, or bounds on it. */
    static final Shape DECLARATION = declaration();

    RowCount {
        bounds = List.copyOf(bounds);
    }

    private static Shape declaration() {
        Shape rows = Shape.wholeNumber(0, Integer.MAX_VALUE);
        Key[] bounds = java.util.Arrays.stream(Comparison.values())
                .map(comparison -> Key.optional(comparison.key(), rows, "The number of rows is " + comparison.words() + " this."))
                .toArray(Key[]::new);
        return Shape.either(rows, Shape.block(bounds)).documentedAs("whole number, or map");
    }

    /** Reads {@code rows} from an {@code expect} block; empty when absent or invalid. */
    static Optional<RowCount> read(Spec expect) {
        Optional<Spec> given = expect.child("rows");
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (given.get().isScalar()) {
            return expect.optionalInteger("rows", 0, Integer.MAX_VALUE)
                    .map(rows -> new RowCount(List.of(new Bound(Comparison.EQ, rows))));
        }
        if (!given.get().isMap()) {
            expect.problem("rows", "expected a number of rows or a map like { ge: 1 }, found " + given.get().describeType());
            return Optional.empty();
        }
        Spec rows = given.get();
        List<Bound> bounds = new ArrayList<>();
        for (Comparison comparison : Comparison.values()) {
            rows.optionalInteger(comparison.key(), 0, Integer.MAX_VALUE)
                    .ifPresent(count -> bounds.add(new Bound(comparison, count)));
        }
        if (bounds.isEmpty() && rows.keys().stream().allMatch(key -> Comparison.byKey(key).isPresent())) {
            expect.problem("rows", "expected at least one of eq, ge, gt, le, lt");
        }
        return bounds.isEmpty() ? Optional.empty() : Optional.of(new RowCount(bounds));
    }

    /** Why {@code found} rows do not meet this expectation, or empty when they do. */
    Optional<String> mismatch(long found) {
        boolean holds = bounds.stream().allMatch(bound -> bound.comparison().holds(Long.compare(found, bound.rows())));
        if (holds) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (Bound bound : bounds) {
            parts.add(bound.comparison().words() + " " + bound.rows());
        }
        long last = bounds.get(bounds.size() - 1).rows();
        return Optional.of("expected " + String.join(" and ", parts) + (last == 1 ? " row" : " rows")
                + " but got " + found);
    }
}
