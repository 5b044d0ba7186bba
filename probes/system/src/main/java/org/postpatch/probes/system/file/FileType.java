package org.postpatch.probes.system.file;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a path can be required to be, as written in a probe file. */
enum FileType {
    FILE("file", "a regular file"),
    DIRECTORY("directory", "a directory"),
    SYMLINK("symlink", "a symbolic link");

    private final String key;
    private final String description;

    FileType(String key, String description) {
        this.key = key;
        this.description = description;
    }

    static Optional<FileType> of(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }

    /** The accepted words, for messages: "file, directory or symlink". */
    static String choices() {
        return Arrays.stream(values()).map(type -> type.key).collect(Collectors.joining(", "))
                .replaceFirst(", (\\w+)$", " or $1");
    }

    boolean matches(BasicFileAttributes attributes) {
        return switch (this) {
            case FILE -> attributes.isRegularFile();
            case DIRECTORY -> attributes.isDirectory();
            case SYMLINK -> attributes.isSymbolicLink();
        };
    }

    /** "a regular file", for messages. */
    String description() {
        return description;
    }

    /** What the attributes (read without following links) describe, for messages. */
    static String describe(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return SYMLINK.description;
        }
        if (attributes.isDirectory()) {
            return DIRECTORY.description;
        }
        return attributes.isRegularFile() ? FILE.description : "a special file (device, socket or pipe)";
    }
}
