package org.postpatch.probes.system.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postpatch.config.TextPart;
import org.postpatch.probes.system.process.CommandLine;
import org.postpatch.spi.Spec;

/**
 * Reads a {@code command} block: either the short form, an argument list ({@code command: [uptime]}),
 * or a map with {@code run}, {@code shell}, {@code env}, {@code dir} and {@code expect}.
 */
final class CommandSpec {

    private static final String SHELL = "/bin/sh";
    /** Shells whose {@code -c} argument is a shell line, when run directly from an argument list. */
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "busybox");
    private static final Pattern COMMAND_OPTION = Pattern.compile("-[A-Za-z]*c[A-Za-z]*");

    private CommandSpec() {
    }

    /** The command line and its expectation, or empty when a problem was reported. */
    static Optional<CommandCheck> read(Spec spec) {
        if (spec.isList()) {
            List<String> argv = arguments(spec);
            return argv.isEmpty() ? Optional.empty() : Optional.of(new CommandCheck(
                    listed(argv, spec, Map.of(), Optional.empty()), CommandExpectation.EXIT_ZERO));
        }
        if (!spec.isMap()) {
            spec.problem("expected an argument list like [systemctl, is-active, nginx] or a map with 'run', found "
                    + spec.describeType());
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
        Spec run = spec.child("run").orElseThrow();
        CommandLine line = shell ? withShellValues(argv, 2, run.parts(), environment, directory)
                : listed(argv, run, environment, directory);
        return Optional.of(new CommandCheck(line, expectation));
    }

    /** An argument list; when it runs a shell directly ({@code [sh, -c, "..."]}), its script is a shell line. */
    private static CommandLine listed(List<String> argv, Spec list, Map<String, String> environment,
                                      Optional<Path> directory) {
        int script = scriptIndex(argv);
        return script < 0 ? new CommandLine(argv, environment, directory)
                : withShellValues(argv, script, list.items().get(script).parts(), environment, directory);
    }

    /** The index of the shell line in {@code sh -c LINE} (also {@code bash -ec LINE}...), or -1. */
    private static int scriptIndex(List<String> argv) {
        String program = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        if (!SHELLS.contains(program)) {
            return -1;
        }
        for (int i = 1; i < argv.size(); i++) {
            if (!argv.get(i).startsWith("-")) {
                return -1;
            }
            if (COMMAND_OPTION.matcher(argv.get(i)).matches()) {
                for (int operand = i + 1; operand < argv.size(); operand++) {
                    if (!argv.get(operand).startsWith("-")) {
                        return operand;
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    /** The command line with the values of the shell line at {@code script} passed as variables ({@link ShellLine}). */
    private static CommandLine withShellValues(List<String> argv, int script, List<TextPart> parts,
                                               Map<String, String> environment, Optional<Path> directory) {
        if (parts.stream().noneMatch(TextPart::value)) {
            return new CommandLine(argv, environment, directory);
        }
        ShellLine line = ShellLine.of(parts);
        Map<String, String> withValues = new LinkedHashMap<>(environment);
        withValues.putAll(line.environment());
        List<String> run = new ArrayList<>(argv);
        List<String> shown = new ArrayList<>(argv);
        run.set(script, line.script());
        shown.set(script, line.shown());
        return new CommandLine(run, withValues, directory, shown);
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
            if (run.get().parts().stream().anyMatch(TextPart::value) || run.get().isDeferred()) {
                spec.warning("run", "shell: true with variables: each ${...} reaches the shell as one literal word,"
                        + " never as shell syntax; a list run: [...] needs no shell at all");
            }
            return List.of(SHELL, "-c", line);
        }
        if (shell) {
            spec.problem("run", "with shell: true, 'run' is one line for " + SHELL + " -c, found "
                    + run.get().describeType());
            return List.of();
        }
        if (!run.get().isList()) {
            spec.problem("run", "expected the command as a list, like [systemctl, is-active, nginx], found "
                    + run.get().describeType());
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
                item.problem("expected a string (one argument), found " + item.describeType());
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
