package org.postpatch.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.postpatch.config.Durations;
import org.postpatch.endpoint.Access;
import org.postpatch.fleet.LedgerFleet;
import org.postpatch.fleet.dashboard.DashboardHandler;
import org.postpatch.fleet.dashboard.DashboardServer;
import org.postpatch.ledger.LedgerException;
import org.postpatch.ledger.Ledgers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code postpatch dashboard}: the fleet as a web page for operators, and its JSON API. */
@Command(name = "dashboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve the fleet of one ledger as a web page that reloads itself (the matrix of applications and "
                + "targets by state, the changes and their attribution, the figures, each run's report) and as JSON: "
                + "/api/fleet, /api/changes, /api/figures. Without the token only the states are shown.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by a signal", "2:bad input (bad option, busy port, no ledger there)",
                "3:the ledger could not be opened"})
final class DashboardCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DashboardServer.DEFAULT_PORT,
            description = "The port (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    BindOption bind;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding the token for details (default: $POSTPATCH_TOKEN), as for /selftest.")
    Path tokenFile;

    @Option(names = "--refresh", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "How often the page reloads itself (default: ${DEFAULT-VALUE}).")
    Duration refresh;

    @Mixin
    LedgerOption ledger;

    private final Output output;

    DashboardCommand(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() throws InterruptedException {
        InetSocketAddress address = bind.address(port);
        String location = ledger.location();
        if (location.equals(Ledgers.NONE) || Ledgers.notCreatedYet(location)) {
            output.error("no ledger at " + location + (location.equals(Ledgers.NONE) ? "" : " yet")
                    + ": name the ledger the fleet records into with --ledger or POSTPATCH_LEDGER");
            return ExitCodes.BAD_INPUT;
        }
        String token = Tokens.fromFileOrEnvironment(tokenFile);
        try (LedgerFleet fleet = LedgerFleet.open(location)) {
            DashboardHandler handler = new DashboardHandler(fleet, Access.withToken(token), Clock.systemUTC(),
                    (int) Math.max(1, refresh.toSeconds()));
            handler.prepare();
            DashboardServer server;
            try {
                server = DashboardServer.start(address, handler);
            } catch (IOException busy) {
                output.error("the dashboard could not start on " + bind.given() + ":" + port + ": " + busy.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            CountDownLatch stop = new CountDownLatch(1);
            try (server) {
                output.info("postpatch: dashboard of " + fleet.describe() + " on http://" + bind.host() + ":" + server.port() + "/"
                        + " (reloads every " + Durations.format(refresh) + ")"
                        + (token == null ? " (no token: only the states are shown)" : "") + "; Ctrl-C stops");
                Interruption.onSignal(stop::countDown);
                stop.await();
            }
            output.info("postpatch: stopped");
            return ExitCodes.PASS;
        } catch (LedgerException unreadable) {
            output.error(unreadable.getMessage());
            return ExitCodes.INCOMPLETE;
        }
    }
}
