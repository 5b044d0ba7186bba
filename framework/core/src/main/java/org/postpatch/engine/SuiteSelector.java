package org.postpatch.engine;

import java.util.Objects;
import org.junit.platform.engine.DiscoverySelector;
import org.postpatch.model.Suite;

/** Selects an already loaded and validated suite, as the runner does. */
public final class SuiteSelector implements DiscoverySelector {

    private final Suite suite;

    private SuiteSelector(Suite suite) {
        this.suite = Objects.requireNonNull(suite, "suite");
    }

    public static SuiteSelector of(Suite suite) {
        return new SuiteSelector(suite);
    }

    public Suite suite() {
        return suite;
    }

    @Override
    public String toString() {
        return "SuiteSelector[" + suite.name() + "]";
    }
}
