package org.postpatch.probes.system.file;

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
 * The {@code file} kind: a path exists (or must not), with the expected type, permissions, owner,
 * size, digest and content.
 * <pre>{@code
 * - id: config-present
 *   file: { path: /etc/app/app.yaml, mode: "0640", owner: app, contains: "listen: 8080" }
 * }</pre>
 */
public final class FileProbeKind implements ProbeKind {

    private static final Shape SIZE = Shape.string().documentedAs("bytes, or with a unit: `10KB`, `5MB`, `1.5GB`, `1TB`");
    private static final String SIZE_MEANING = "Size bounds. Units are 1024-based; `K`, `KiB` and lower case are accepted.";

    private static final Shape DECLARATION = declaration(
            Key.required("path", Shape.string().documentedAs("path"), "The file, directory or link to check."),
            Key.optional("exists", Shape.bool(), "`true`",
                    "`false`: nothing at all may be at the path, not even a symbolic link. No other key may then be given."),
            Key.optional("type", Shape.choice("file", "directory", "symlink"),
                    "What the path must be. `symlink` is checked on the link itself."),
            Key.optional("mode", Shape.string().documentedAs("octal like `\"0640\"` or `640`, or symbolic like `rw-r-----`"),
                    "Exact POSIX permission bits. An unquoted `0640` works too. setuid, setgid and sticky bits cannot be checked."),
            Key.optional("owner", Shape.string(), "Name of the owning user (the number when the user has no name)."),
            Key.optional("group", Shape.string(), "Name of the owning group."),
            Key.optional("minSize", SIZE, SIZE_MEANING),
            Key.optional("maxSize", SIZE, SIZE_MEANING),
            Key.optional("sha256", Shape.string().documentedAs("64 hex digits"),
                    "SHA-256 of the content, read in a stream (no size limit)."));

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Optional<Shape> declaration() {
        return Optional.of(DECLARATION);
    }

    @Override
    public Binding bind(Spec spec) {
        return FileExpectation.read(spec).<Binding>map(expected -> Binding.of(new FileCheck(expected)))
                .orElseGet(Binding::invalid);
    }

    /** These keys, then the content's: {@code contains}, {@code matches}, {@code notContains}. */
    private static Shape declaration(Key... attributes) {
        List<Key> keys = new ArrayList<>(List.of(attributes));
        keys.addAll(TextExpectation.keys(" in the content"));
        return Shape.block(keys.toArray(Key[]::new));
    }
}
