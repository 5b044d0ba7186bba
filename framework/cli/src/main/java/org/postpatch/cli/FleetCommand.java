package org.postpatch.cli;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.postpatch.fleet.LedgerFleet;
import org.postpatch.fleet.model.FleetView;
import org.postpatch.fleet.read.FleetData;
import org.postpatch.fleet.read.Period;
import org.postpatch.fleet.read.Periods;
import org.postpatch.fleet.render.FiguresCsv;
import org.postpatch.fleet.render.FiguresText;
import org.postpatch.fleet.render.FleetJson;
import org.postpatch.fleet.render.FleetText;
import org.postpatch.ledger.LedgerException;
import org.postpatch.ledger.Ledgers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code postpatch fleet}: every suite and target on one ledger, each fingerprint change and what it did. */
@Command(name = "fleet", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The fleet on one ledger: per suite and target its state (OK, FAILING, UNVERIFIED, ROLLED BACK), "
                + "last verdict, application version, JVM and last fingerprint change; then per change the targets that "
                + "took it, their verdicts, the probes that regressed, rollbacks, and whether the change is the likely "
                + "cause or the regression is node-local.",
                "--figures adds the raw numbers per kind of change and per application."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no target is FAILING", "1:a target is FAILING", "2:bad option",
                "3:the ledger could not be read"})
final class FleetCommand implements Callable<Integer> {

    /** How the fleet is written. */
    enum Format { text, json, csv }

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Look back this far: 7d (default), 36h, a date (2026-11-01) or an instant.")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "The end of the period: a date or an instant (default: now).")
    String until;

    @Option(names = "--suite", paramLabel = "S", description = "Only this suite.")
    String suite;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json (the dashboard's /api/fleet), or csv (the figures, with --figures).")
    Format format;

    @Option(names = "--figures", description = "Also the raw numbers per kind of change and per application: patches, "
            + "change failure rate, caught on the first target, time to verdict, rollbacks, exposure.")
    boolean figures;

    @Mixin
    LedgerOption ledger;

    private final Output output;

    FleetCommand(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() {
        if (format == Format.csv && !figures) {
            output.error("--format csv writes the figures: add --figures");
            return ExitCodes.BAD_INPUT;
        }
        Period period;
        try {
            period = Periods.parse(since, until, Instant.now());
        } catch (IllegalArgumentException bad) {
            output.error("--since/--until: " + bad.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        String location = ledger.location();
        if (location.equals(Ledgers.NONE)) {
            output.error("--ledger none records nothing: name the ledger the fleet records into");
            return ExitCodes.BAD_INPUT;
        }
        FleetView view;
        if (Ledgers.notCreatedYet(location)) {
            output.error("no ledger at " + location + " yet: nothing was ever recorded there");
            view = FleetView.of(new FleetData(period, List.of(), Map.of(), Map.of()));
        } else {
            try (LedgerFleet fleet = LedgerFleet.open(location)) {
                view = fleet.view(period, suite);
            } catch (LedgerException unreadable) {
                output.error(unreadable.getMessage());
                return ExitCodes.INCOMPLETE;
            }
        }
        switch (format) {
            case json -> output.out().print(FleetJson.text(FleetJson.fleet(view, figures)));
            case csv -> output.out().print(FiguresCsv.render(view.figures()));
            default -> {
                FleetText.lines(view).forEach(output::info);
                if (figures) {
                    output.info("");
                    FiguresText.lines(view.figures(), view.period()).forEach(output::info);
                }
            }
        }
        output.out().flush();
        return view.anyFailing() ? ExitCodes.FAIL : ExitCodes.PASS;
    }
}
