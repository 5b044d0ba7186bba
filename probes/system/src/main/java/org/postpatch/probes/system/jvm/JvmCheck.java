package org.postpatch.probes.system.jvm;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.probes.system.process.CannotStartException;
import org.postpatch.spi.Check;

/** One attempt of a {@code jvm} probe: read the JVM's properties and compare them with the expectation. */
record JvmCheck(JvmExpectation expected) implements Check {

    @Override
    public Outcome run(ProbeContext context) throws IOException, InterruptedException {
        JvmFacts jvm;
        try {
            jvm = expected.home().isPresent() ? JavaHome.read(expected.home().get(), context) : JvmFacts.running();
        } catch (CannotStartException | TimeoutException | IllegalStateException cannotTell) {
            return Outcome.failed(cannotTell.getMessage());
        }
        List<String> mismatches = expected.mismatches(jvm);
        Outcome outcome = mismatches.isEmpty()
                ? Outcome.passed("Java " + jvm.runtimeVersion() + " by " + jvm.vendor() + " at "
                        + jvm.property("java.home").orElse("?"))
                : Outcome.failed(jvm.subject() + ": " + String.join("; ", mismatches));
        return outcome.withDetail("version", jvm.version())
                .withDetail("runtimeVersion", jvm.runtimeVersion())
                .withDetail("vendor", jvm.vendor())
                .withDetail("home", jvm.property("java.home").orElse(""));
    }
}
