package org.postpatch.probes.system.file;

import org.postpatch.spi.Check;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Spec;

/**
 * The {@code file} kind: a path exists (or must not), with the expected type, permissions, owner,
 * size, digest and content.
 * <pre>{@code
 * - id: config-present
 *   file: { path: /etc/app/app.yaml, mode: "0640", owner: app, contains: "listen: 8080" }
 * }</pre>
 */
public final class FileProbeKind implements ProbeKind {

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Check bind(Spec spec) {
        return FileExpectation.read(spec).map(FileCheck::new).orElse(null);
    }
}
