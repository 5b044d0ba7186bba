package org.postpatch.probes.http.expect;

import java.util.List;

/**
 * Everything an {@code expect} block declares: the status (any 2xx when not given) and the rest,
 * in the order they are checked.
 */
public record Expectations(StatusExpectation status, List<Expectation> others) {

    public Expectations {
        others = List.copyOf(others);
    }

    /** No {@code expect} block: any 2xx passes. */
    public static final Expectations DEFAULT = new Expectations(StatusExpectation.SUCCESS, List.of());

    /** True when some expectation reads the body as JSON. */
    public boolean needJson() {
        return others.stream().anyMatch(Expectation::needsJson);
    }
}
