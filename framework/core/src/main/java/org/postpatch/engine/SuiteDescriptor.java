package org.postpatch.engine;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.postpatch.model.Suite;

/** A suite as a JUnit container; its children are {@link ProbeDescriptor}s in declared order. */
final class SuiteDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "suite";

    private final Suite suite;

    SuiteDescriptor(UniqueId id, Suite suite, TestSource source) {
        super(id, suite.name(), source);
        this.suite = suite;
    }

    Suite suite() {
        return suite;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
