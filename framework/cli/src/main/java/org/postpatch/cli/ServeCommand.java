package org.postpatch.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.postpatch.compare.TargetStart;
import org.postpatch.config.Durations;
import org.postpatch.config.InvalidSuiteException;
import org.postpatch.embedded.PostPatch;
import org.postpatch.embedded.SelfTest;
import org.postpatch.endpoint.StatusEndpoint;
import org.postpatch.result.Fingerprint;
import org.postpatch.run.Fingerprints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code postpatch serve}: the self-test endpoint as a stand-alone process, for applications that
 * cannot embed a library. Runs on start when the fingerprint changed (the machine's, or with
 * {@code --app-port}/{@code --app-pid} the application process's), on a schedule, and on request
 * ({@code POST /selftest/runs}); stops on Ctrl-C or SIGTERM.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the /selftest endpoint for these suites: run on start (when the fingerprint changed), "
                + "on a schedule and on request.",
                "With --app-port or --app-pid the fingerprint (served at /selftest/fingerprint and recorded with "
                        + "each run) is the application process's own JVM, jars, version and start time, read again "
                        + "when it restarts; without, this machine's."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by a signal", "2:bad input (invalid probe files, bad option, busy port, an "
                + "--app-pid/--app-port process that is not there, not a JVM or not readable)"})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    SuiteFiles files;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + StatusEndpoint.DEFAULT_PORT,
            description = "The endpoint's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    BindOption bind;

    @Option(names = "--schedule", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Also run every DURATION, like 15m.")
    Duration schedule;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding the token for details and runs on request (default: $POSTPATCH_TOKEN).")
    Path tokenFile;

    @Mixin
    RunnerOptions runner;

    @Mixin
    AppProcessOption app;

    @Mixin
    LedgerOption ledger;

    private final Output output;

    ServeCommand(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() throws InterruptedException {
        InetSocketAddress address = bind.address(port);
        int parallel = runner.parallel();
        files.load(output); // invalid files are refused before the endpoint starts
        Supplier<Fingerprint> fingerprint = Fingerprints::machine;
        if (app.given()) {
            LiveAppFingerprint application = new LiveAppFingerprint(app);
            output.info("postpatch: fingerprinting " + application.get().scope() + " (read again when it restarts)");
            fingerprint = application;
        }
        String token = Tokens.fromFileOrEnvironment(tokenFile);
        PostPatch.Builder builder = PostPatch.embedded()
                .operatorOverrides(false) // the options above decide, not POSTPATCH_* variables
                .probesFrom(files.paths().toArray(String[]::new))
                .ledger(ledger.location())
                .endpoint(address)
                .token(token)
                .schedule(schedule)
                .parallel(parallel)
                .fingerprint(fingerprint)
                // serve is not the application: its own start says nothing of the target's; the
                // application process's start does, when --app-port or --app-pid names it.
                .targetStart(targetStart(fingerprint));
        if (runner.target != null) {
            builder.target(runner.target);
        }
        files.vars.vars.forEach(builder::variable);
        CountDownLatch stop = new CountDownLatch(1);
        try (SelfTest selfTest = builder.start()) {
            if (selfTest.port().isEmpty()) {
                output.error("the endpoint could not start on " + bind.given() + ":" + port
                        + selfTest.status().warning().map(w -> " (" + w + ")").orElse(""));
                return ExitCodes.BAD_INPUT;
            }
            output.info("postpatch: serving http://" + bind.given() + ":" + selfTest.port().get() + StatusEndpoint.BASE_PATH
                    + (schedule == null ? "" : ", running every " + Durations.format(schedule))
                    + (token == null ? " (no token: details and runs on request are disabled)" : "")
                    + "; Ctrl-C stops");
            Interruption.onSignal(stop::countDown);
            stop.await();
            output.info("postpatch: stopped");
            return ExitCodes.PASS;
        } catch (InvalidSuiteException invalid) {
            SuiteFiles.printProblems(output, invalid.problems());
            return ExitCodes.BAD_INPUT;
        }
    }

    /** When the target started: the application process's start, when serve reads that process. */
    private Supplier<TargetStart> targetStart(Supplier<Fingerprint> fingerprint) {
        if (!app.given()) {
            return () -> TargetStart.UNKNOWN;
        }
        return () -> {
            try {
                return fingerprint.get().applicationStartedAt().map(TargetStart::processStartedAt)
                        .orElse(TargetStart.UNKNOWN);
            } catch (RuntimeException notRunning) {
                return TargetStart.UNKNOWN;
            }
        };
    }
}
