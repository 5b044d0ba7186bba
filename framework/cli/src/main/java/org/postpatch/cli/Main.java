package org.postpatch.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
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

    /** The verbs, by name, in the order the usage lists them. */
    private static Map<String, Function<Output, Object>> verbs() {
        Map<String, Function<Output, Object>> verbs = new LinkedHashMap<>();
        verbs.put("run", RunCommand::new);
        verbs.put("baseline", BaselineCommand::new);
        verbs.put("verify", VerifyCommand::new);
        verbs.put("validate", ValidateCommand::new);
        verbs.put("list", ListCommand::new);
        verbs.put("serve", ServeCommand::new);
        verbs.put("history", HistoryCommand::new);
        verbs.put("init", InitCommand::new);
        verbs.put("fleet", FleetCommand::new);
        verbs.put("dashboard", DashboardCommand::new);
        return verbs;
    }

    /** A verb's command line; {@code postpatch VERB --version} says the same as {@code postpatch --version}. */
    private static CommandLine verb(Object command) {
        CommandLine verb = new CommandLine(command);
        verb.getCommandSpec().versionProvider(new PostPatchCommand.Version());
        return verb;
    }

    /** Runs the command line and returns the exit code; never exits the JVM (tests call this). */
    public static int execute(Output output, String... args) {
        CommandLine commandLine = new CommandLine(new PostPatchCommand());
        Map<String, Function<Output, Object>> verbs = verbs();
        // picocli reads each verb's annotations when it is added (a third of the time before the first
        // probe file is read, in a fresh JVM): the verb given is the only one needed, except to list
        // them all (no verb, --help, a misspelt one).
        Function<Output, Object> given = args.length == 0 ? null : verbs.get(args[0]);
        if (given != null) {
            commandLine.addSubcommand(args[0], verb(given.apply(output)));
        } else {
            verbs.forEach((name, verb) -> commandLine.addSubcommand(name, verb(verb.apply(output))));
        }
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
