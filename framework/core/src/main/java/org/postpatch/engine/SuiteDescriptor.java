package org.postpatch.engine;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.postpatch.model.Suite;

/** A suite as a JUnit container; its children are {@link ProbeDescriptor}s in declared order. */
final class SuiteDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "suite";

    private final Suite suite;
    private final String invalid;

    SuiteDescriptor(UniqueId id, Suite suite, TestSource source) {
        super(id, suite.name(), source);
        this.suite = suite;
        this.invalid = null;
    }

    /** A suite that could not be loaded (under an IDE or Surefire); it fails with the problems. */
    SuiteDescriptor(UniqueId id, String name, TestSource source, String invalid) {
        super(id, name, source);
        this.suite = null;
        this.invalid = invalid;
    }

    Suite suite() {
        return suite;
    }

    String invalid() {
        return invalid;
    }

    /** An invalid suite has no probes but must survive pruning, so that its failure is reported. */
    @Override
    public boolean mayRegisterTests() {
        return invalid != null;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
