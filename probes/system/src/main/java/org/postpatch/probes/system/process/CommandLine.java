package org.postpatch.probes.system.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A process to start: its arguments (the program first; no shell is involved), variables added to
 * the inherited environment, and an optional working directory.
 *
 * @param shownArgv the arguments as messages show them (a shell line with its values in place);
 *                  usually {@code argv}
 */
public record CommandLine(List<String> argv, Map<String, String> environment, Optional<Path> directory,
                          List<String> shownArgv) {

    public CommandLine {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command line needs at least the program to run");
        }
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        shownArgv = List.copyOf(shownArgv);
    }

    /** A command line shown as it is run. */
    public CommandLine(List<String> argv, Map<String, String> environment, Optional<Path> directory) {
        this(argv, environment, directory, argv);
    }

    /** Just these arguments, in the current environment and directory. */
    public static CommandLine of(List<String> argv) {
        return new CommandLine(argv, Map.of(), Optional.empty());
    }

    /** The program, as written. */
    public String program() {
        return argv.get(0);
    }

    /** The arguments as an operator would type them, quoting those with spaces. */
    public String display() {
        return shownArgv.stream()
                .map(arg -> arg.isEmpty() || arg.matches("(?s).*[\\s'\"].*") ? "'" + arg.replace("'", "'\\''") + "'" : arg)
                .collect(Collectors.joining(" "));
    }
}
