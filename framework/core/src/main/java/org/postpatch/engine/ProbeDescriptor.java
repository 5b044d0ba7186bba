package org.postpatch.engine;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.postpatch.model.ProbeDefinition;

/** A probe as a JUnit test (a container too, for kinds whose results have parts). */
final class ProbeDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "probe";

    private final ProbeDefinition probe;
    private final boolean hasParts;

    ProbeDescriptor(UniqueId id, ProbeDefinition probe, TestSource source, boolean hasParts) {
        super(id, probe.id(), source);
        this.probe = probe;
        this.hasParts = hasParts;
    }

    ProbeDefinition probe() {
        return probe;
    }

    @Override
    public Type getType() {
        return hasParts ? Type.CONTAINER_AND_TEST : Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return probe.tags().stream().filter(TestTag::isValid).map(TestTag::create).collect(Collectors.toSet());
    }

    @Override
    public boolean mayRegisterTests() {
        return hasParts;
    }
}
