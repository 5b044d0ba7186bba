package org.postpatch.probes.system.command;

import org.postpatch.spi.Check;
import org.postpatch.spi.ProbeKind;
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

    @Override
    public String name() {
        return "command";
    }

    @Override
    public Check bind(Spec spec) {
        return CommandSpec.read(spec).orElse(null);
    }
}
