package org.postpatch.probes.system.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.postpatch.probes.system.process.CapturedOutput;
import org.postpatch.probes.system.process.CommandResult;
import org.postpatch.probes.system.process.ProcessRunner;
import org.postpatch.probes.system.text.Excerpts;
import org.postpatch.probes.system.text.TextExpectation;
import org.postpatch.spi.Spec;

/**
 * What a command must do: end with one of the expected exit codes (0 unless told), and write
 * output that meets the {@code stdout} and {@code stderr} expectations.
 */
record CommandExpectation(Set<Integer> exitCodes, TextExpectation stdout, TextExpectation stderr) {

    static final CommandExpectation EXIT_ZERO = new CommandExpectation(Set.of(0), TextExpectation.NONE, TextExpectation.NONE);

    CommandExpectation {
        exitCodes = Set.copyOf(exitCodes);
    }

    /** Reads an {@code expect} block: {@code exit}, {@code stdout}, {@code stderr}. */
    static CommandExpectation read(Spec expect) {
        if (!expect.isMap()) {
            expect.problem("expected a map with exit, stdout or stderr");
            return EXIT_ZERO;
        }
        Set<Integer> exitCodes = exitCodes(expect);
        return new CommandExpectation(exitCodes.isEmpty() ? Set.of(0) : exitCodes,
                output(expect, "stdout"), output(expect, "stderr"));
    }

    private static Set<Integer> exitCodes(Spec expect) {
        Optional<Spec> exit = expect.child("exit");
        if (exit.isEmpty()) {
            return Set.of();
        }
        if (!exit.get().isList()) {
            return expect.optionalInteger("exit", 0, 255).map(code -> Set.of(code.intValue())).orElse(Set.of());
        }
        Set<Integer> codes = new TreeSet<>();
        for (Spec item : exit.get().items()) {
            try {
                int code = Integer.parseInt(item.isScalar() ? item.text().trim() : "");
                if (code < 0 || code > 255) {
                    throw new NumberFormatException();
                }
                codes.add(code);
            } catch (NumberFormatException notACode) {
                item.problem("expected an exit code from 0 to 255, found "
                        + (item.isScalar() ? "'" + item.text() + "'" : item.describeType()));
            }
        }
        return codes;
    }

    private static TextExpectation output(Spec expect, String stream) {
        Optional<Spec> block = expect.child(stream);
        if (block.isEmpty()) {
            return TextExpectation.NONE;
        }
        if (!block.get().isMap()) {
            block.get().problem("expected a map with contains, matches, notContains or empty");
            return TextExpectation.NONE;
        }
        return TextExpectation.read(block.get(), true);
    }

    /**
     * Why the result does not meet this expectation, or empty when it does. The exit code is judged
     * first: when a command failed, what it printed is rarely the news.
     */
    Optional<String> firstMismatch(CommandResult result, UnaryOperator<String> redact) {
        if (!exitCodes.contains(result.exitCode())) {
            return Optional.of("exit code " + result.exitCode() + ", expected " + describeExitCodes() + hint(result, redact));
        }
        List<String> mismatches = new ArrayList<>();
        mismatches.addAll(stdout.mismatches(subject("stdout", result.stdout()), result.stdout().text(), true, redact));
        mismatches.addAll(stderr.mismatches(subject("stderr", result.stderr()), result.stderr().text(), true, redact));
        return mismatches.stream().findFirst();
    }

    private String describeExitCodes() {
        if (exitCodes.size() == 1) {
            return String.valueOf(exitCodes.iterator().next());
        }
        return "one of " + new TreeSet<>(exitCodes).stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The first line of stderr (or else stdout): usually the program's own account of what went wrong. */
    private static String hint(CommandResult result, UnaryOperator<String> redact) {
        String stderr = Excerpts.firstLine(result.stderr().text(), redact);
        if (!stderr.isEmpty()) {
            return "; stderr: " + stderr;
        }
        String stdout = Excerpts.firstLine(result.stdout().text(), redact);
        return stdout.isEmpty() ? "" : "; stdout: " + stdout;
    }

    private static String subject(String stream, CapturedOutput output) {
        return output.truncated()
                ? stream + " (first " + ProcessRunner.MAX_OUTPUT_BYTES / 1024 + " KiB of " + output.bytes() + " bytes)"
                : stream;
    }
}
