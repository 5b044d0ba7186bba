package org.postpatch.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** One part of a probe's result, such as one test run by a {@code junit} probe. */
final class PartDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "part";

    PartDescriptor(UniqueId id, String name) {
        super(id, name);
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
