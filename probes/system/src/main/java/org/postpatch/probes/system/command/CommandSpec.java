package org.postpatch.probes.system.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postpatch.probes.system.process.CommandLine;
import org.postpatch.spi.Spec;

/**
 * Reads a {@code command} block: either the short form, an argument list ({@code command: [uptime]}),
 * or a map with {@code run}, {@code shell}, {@code env}, {@code dir} and {@code expect}.
 */
final class CommandSpec {

    private static final String SHELL = "/bin/sh";

    private CommandSpec() {
    }

    /** The command line and its expectation, or empty when a problem was reported. */
    static Optional<CommandCheck> read(Spec spec) {
        if (spec.isList()) {
            List<String> argv = arguments(spec);
            return argv.isEmpty() ? Optional.empty()
                    : Optional.of(new CommandCheck(CommandLine.of(argv), CommandExpectation.EXIT_ZERO));
        }
        if (!spec.isMap()) {
            spec.problem("expected an argument list like [systemctl, is-active, nginx] or a map with 'run', found "
                    + spec.node().describeType());
            return Optional.empty();
        }
        boolean shell = spec.bool("shell", false);
        List<String> argv = run(spec, shell);
        Map<String, String> environment = spec.stringMap("env");
        Optional<Path> directory = spec.optionalString("dir").map(Path::of);
        CommandExpectation expectation = spec.child("expect").map(CommandExpectation::read)
                .orElse(CommandExpectation.EXIT_ZERO);
        if (spec.hasProblems() || argv.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CommandCheck(new CommandLine(argv, environment, directory), expectation));
    }

    private static List<String> run(Spec spec, boolean shell) {
        Optional<Spec> run = spec.child("run");
        if (run.isEmpty()) {
            spec.problem("missing 'run' (the command as a list, like [systemctl, is-active, nginx])");
            return List.of();
        }
        if (run.get().isScalar()) {
            String line = run.get().text();
            if (!shell) {
                spec.problem("run", "'" + line + "' is a single string, and commands run without a shell: write it as a list,"
                        + " like [" + Arrays.stream(line.trim().split("\\s+")).collect(Collectors.joining(", "))
                        + "], or add shell: true");
                return List.of();
            }
            if (line.isBlank()) {
                spec.problem("run", "the shell command is empty");
                return List.of();
            }
            return List.of(SHELL, "-c", line);
        }
        if (shell) {
            spec.problem("run", "with shell: true, 'run' is one line for " + SHELL + " -c, found "
                    + run.get().node().describeType());
            return List.of();
        }
        if (!run.get().isList()) {
            spec.problem("run", "expected the command as a list, like [systemctl, is-active, nginx], found "
                    + run.get().node().describeType());
            return List.of();
        }
        return arguments(run.get());
    }

    /** The items of a list as arguments; reports items that are not strings and an empty list. */
    private static List<String> arguments(Spec list) {
        List<String> argv = new ArrayList<>();
        for (Spec item : list.items()) {
            if (item.isScalar()) {
                argv.add(item.text());
            } else {
                item.problem("expected a string (one argument), found " + item.node().describeType());
            }
        }
        if (list.items().isEmpty()) {
            list.problem("the command is empty: give at least the program to run");
        } else if (argv.size() < list.items().size()) {
            return List.of();
        }
        return argv;
    }
}
