package org.postpatch.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.postpatch.report.ConsoleReport;
import org.postpatch.secret.Redactor;
import picocli.CommandLine;

/** Entry point of the {@code postpatch} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = execute(new Output(out, err, new Redactor(), ConsoleReport.colourByDefault()), args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line and returns the exit code; never exits the JVM (tests call this). */
    public static int execute(Output output, String... args) {
        CommandLine commandLine = new CommandLine(new PostPatchCommand());
        commandLine.addSubcommand(new CommandLine(new RunCommand(output)));
        commandLine.addSubcommand(new CommandLine(new BaselineCommand(output)));
        commandLine.addSubcommand(new CommandLine(new VerifyCommand(output)));
        commandLine.addSubcommand(new CommandLine(new ValidateCommand(output)));
        commandLine.addSubcommand(new CommandLine(new ListCommand(output)));
        commandLine.addSubcommand(new CommandLine(new ServeCommand(output)));
        commandLine.addSubcommand(new CommandLine(new HistoryCommand(output)));
        commandLine.addSubcommand(new CommandLine(new InitCommand(output)));
        commandLine.addSubcommand(new CommandLine(new FleetCommand(output)));
        commandLine.addSubcommand(new CommandLine(new DashboardCommand(output)));
        commandLine.setOut(new PrintWriter(output.out(), true));
        commandLine.setErr(new PrintWriter(output.err(), true));
        commandLine.setParameterExceptionHandler((problem, arguments) -> {
            CommandLine failed = problem.getCommandLine();
            output.error(problem.getMessage());
            output.err().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            if (failure instanceof BadInputException badValue) {
                if (!badValue.reported()) {
                    output.error(badValue.getMessage());
                }
                return ExitCodes.BAD_INPUT;
            }
            output.error("could not complete: " + failure);
            output.trace(failure);
            return ExitCodes.INCOMPLETE;
        });
        if (args.length == 0) {
            commandLine.usage(output.out());
            return ExitCodes.BAD_INPUT;
        }
        return commandLine.execute(args);
    }
}
