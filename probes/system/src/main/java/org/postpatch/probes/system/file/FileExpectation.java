package org.postpatch.probes.system.file;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.postpatch.probes.system.text.TextExpectation;
import org.postpatch.spi.Spec;

/**
 * Everything a {@code file} probe declares about one path. Absent values are not checked.
 *
 * @param exists false when nothing at all may be at the path (not even a symbolic link)
 */
record FileExpectation(Path path, boolean exists, Optional<FileType> type, Optional<Set<PosixFilePermission>> mode,
                       Optional<String> owner, Optional<String> group, Optional<Long> minSize, Optional<Long> maxSize,
                       Optional<String> sha256, TextExpectation content) {

    private static final List<String> ATTRIBUTES = List.of("type", "mode", "owner", "group", "minSize", "maxSize",
            "sha256", "contains", "matches", "notContains");

    /** Reads a {@code file} block; empty when a problem was reported. */
    static Optional<FileExpectation> read(Spec spec) {
        String path = spec.string("path");
        boolean exists = spec.bool("exists", true);
        Optional<FileType> type = type(spec);
        Optional<Set<PosixFilePermission>> mode = mode(spec);
        Optional<String> owner = spec.optionalString("owner");
        Optional<String> group = spec.optionalString("group");
        Optional<Long> minSize = size(spec, "minSize");
        Optional<Long> maxSize = size(spec, "maxSize");
        Optional<String> sha256 = sha256(spec);
        TextExpectation content = TextExpectation.read(spec, false);
        if (path.isBlank() && spec.isSet("path")) {
            spec.problem("path", "the path is empty");
        }
        if (minSize.isPresent() && maxSize.isPresent() && minSize.get() > maxSize.get()) {
            spec.problem("minSize", "minSize " + spec.optionalString("minSize").orElse("") + " is larger than maxSize "
                    + spec.optionalString("maxSize").orElse("") + ": no file can match");
        }
        if (!exists) {
            List<String> pointless = new ArrayList<>();
            for (String key : ATTRIBUTES) {
                if (spec.isSet(key)) {
                    pointless.add(key);
                }
            }
            if (!pointless.isEmpty()) {
                spec.problem("exists", "with exists: false there is nothing to check " + String.join(", ", pointless)
                        + " on; remove " + (pointless.size() == 1 ? "it" : "them"));
            }
        }
        if (spec.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(new FileExpectation(Path.of(path), exists, type, mode, owner, group, minSize, maxSize,
                sha256, content));
    }

    /** True when a check needs a regular file: its size, digest or content. */
    boolean needsRegularFile() {
        return minSize.isPresent() || maxSize.isPresent() || sha256.isPresent() || !content.isNone();
    }

    private static Optional<FileType> type(Spec spec) {
        Optional<String> text = spec.optionalString("type");
        if (text.isEmpty() || spec.isDeferred("type")) {
            return Optional.empty();
        }
        Optional<FileType> type = FileType.of(text.get());
        if (type.isEmpty()) {
            spec.problem("type", "expected " + FileType.choices() + ", found '" + text.get() + "'");
        }
        return type;
    }

    private static Optional<Set<PosixFilePermission>> mode(Spec spec) {
        Optional<String> text = spec.optionalString("mode");
        if (text.isEmpty() || spec.isDeferred("mode")) {
            return Optional.empty();
        }
        try {
            Optional<Set<PosixFilePermission>> mode = FileMode.parse(text.get());
            if (mode.isEmpty()) {
                spec.problem("mode", "expected " + FileMode.EXPECTED + ", found '" + text.get() + "'");
            }
            return mode;
        } catch (IllegalArgumentException unsupported) {
            spec.problem("mode", unsupported.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Long> size(Spec spec, String key) {
        Optional<String> text = spec.optionalString(key);
        if (text.isEmpty() || spec.isDeferred(key)) {
            return Optional.empty();
        }
        Optional<Long> size = Sizes.parse(text.get());
        if (size.isEmpty()) {
            spec.problem(key, "expected " + Sizes.EXPECTED + ", found '" + text.get() + "'");
        }
        return size;
    }

    private static Optional<String> sha256(Spec spec) {
        Optional<String> text = spec.optionalString("sha256").map(String::trim);
        if (text.isEmpty() || spec.isDeferred("sha256")) {
            return text;
        }
        if (!text.get().matches("[0-9a-fA-F]{64}")) {
            spec.problem("sha256", "expected 64 hexadecimal digits, found '" + text.get() + "' (" + text.get().length()
                    + " characters)");
            return Optional.empty();
        }
        return Optional.of(text.get().toLowerCase(Locale.ROOT));
    }
}
