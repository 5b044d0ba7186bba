package org.postpatch.probes.system.command;

import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.config.Durations;
import org.postpatch.probes.system.process.CannotStartException;
import org.postpatch.probes.system.process.CommandLine;
import org.postpatch.probes.system.process.CommandResult;
import org.postpatch.probes.system.process.ProcessRunner;
import org.postpatch.probes.system.text.Excerpts;
import org.postpatch.spi.Check;

/** One attempt of a {@code command} probe: runs the process and compares the result with the expectation. */
record CommandCheck(CommandLine line, CommandExpectation expectation) implements Check {

    @Override
    public Outcome run(ProbeContext context) throws InterruptedException {
        CommandResult result;
        try {
            result = ProcessRunner.run(line, context);
        } catch (CannotStartException | TimeoutException failed) {
            return Outcome.failed(failed.getMessage());
        } catch (java.io.IOException failed) {
            return Outcome.failed("cannot run '" + line.program() + "': " + failed.getMessage());
        }
        Optional<String> mismatch = expectation.firstMismatch(result, context::redact);
        Outcome outcome = mismatch.map(Outcome::failed).orElseGet(() -> Outcome.passed(
                "'" + line.display() + "' exited with " + result.exitCode() + " in " + Durations.format(result.duration())));
        return details(outcome, result, context);
    }

    private Outcome details(Outcome outcome, CommandResult result, ProbeContext context) {
        return outcome.withDetail("command", line.display())
                .withDetail("exitCode", result.exitCode())
                .withDetail("durationMs", result.duration().toMillis())
                .withDetail("stdout", Excerpts.of(result.stdout().text(), context::redact))
                .withDetail("stderr", Excerpts.of(result.stderr().text(), context::redact))
                .withDetail("outputClosed", result.outputClosed());
    }
}
