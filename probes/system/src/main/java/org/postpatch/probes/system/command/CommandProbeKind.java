package org.postpatch.probes.system.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postpatch.probes.system.text.TextExpectation;
import org.postpatch.spi.Binding;
import org.postpatch.spi.Key;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Shape;
import org.postpatch.spi.Spec;

/**
 * The {@code command} kind: runs a program and checks its exit code and output.
 * <pre>{@code
 * - id: nginx-active
 *   command:
 *     run: [systemctl, is-active, nginx]
 *     expect: { exit: 0, stdout: { matches: "^active$" } }
 * - id: uptime
 *   command: [uptime]
 * }</pre>
 * No shell is involved unless {@code shell: true}; then {@code run} is one line for {@code /bin/sh -c}.
 * When the attempt is abandoned, the process and everything it started are killed.
 */
public final class CommandProbeKind implements ProbeKind {

    private static final Shape OUTPUT = output();

    private static final Shape EXIT_CODE = Shape.wholeNumber(0, 255);

    private static final Shape DECLARATION = Shape.either(
            Shape.listOf(Shape.string()),
            Shape.block(
                    Key.required("run", Shape.either(Shape.listOf(Shape.string()), Shape.string()).documentedAs("list of strings"),
                            "The program and its arguments, run directly, with no shell. With `shell: true`, a single"
                                    + " string run by `/bin/sh -c`."),
                    Key.optional("shell", Shape.bool(), "`false`", "Run `run` through `/bin/sh -c`."),
                    Key.optional("env", Shape.mapOf(Shape.string()), "Variables added to the inherited environment."),
                    Key.optional("dir", Shape.string().documentedAs("path"), "current directory", "Working directory."),
                    Key.optional("expect", Shape.block(
                            Key.optional("exit", Shape.either(EXIT_CODE, Shape.listOf(EXIT_CODE))
                                    .documentedAs("whole number 0–255, or a list of them"), "`0`", "The accepted exit codes."),
                            Key.optional("stdout", OUTPUT, "What the output must look like; see below."),
                            Key.optional("stderr", OUTPUT, "What the output must look like; see below.")),
                            "`{ exit: 0 }`", "What the command must do.")));

    @Override
    public String name() {
        return "command";
    }

    @Override
    public Optional<Shape> declaration() {
        return Optional.of(DECLARATION);
    }

    @Override
    public Binding bind(Spec spec) {
        return CommandSpec.read(spec).map(Binding::of).orElseGet(Binding::invalid);
    }

    private static Shape output() {
        List<Key> keys = new ArrayList<>(TextExpectation.keys(""));
        keys.add(Key.optional("empty", Shape.bool(),
                "`true`: the output is empty (whitespace counts as empty). `false`: something was written."));
        return Shape.block(keys.toArray(Key[]::new));
    }
}
