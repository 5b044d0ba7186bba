package org.postpatch.probes.system.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.spi.Check;

/**
 * One attempt of a {@code file} probe. Every check but {@code type: symlink} looks through a symbolic
 * link at what it points to. All mismatches are reported at once, so one run tells the whole story.
 */
record FileCheck(FileExpectation expected) implements Check {

    /** The most content read for contains, matches and notContains. */
    static final int MAX_CONTENT_BYTES = 16 * 1024 * 1024;

    @Override
    public Outcome run(ProbeContext context) throws IOException {
        Path path = expected.path();
        try {
            return expected.exists() ? checkExisting(path, context) : checkAbsent(path);
        } catch (NoSuchFileException gone) {
            return Outcome.failed(path + " does not exist");
        } catch (AccessDeniedException denied) {
            return Outcome.failed("cannot read " + path + ": permission denied");
        }
    }

    private Outcome checkAbsent(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Outcome.passed(path + " does not exist, as expected");
        }
        BasicFileAttributes found = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return Outcome.failed(path + " exists (" + FileType.describe(found) + "), expected it not to");
    }

    private Outcome checkExisting(Path path, ProbeContext context) throws IOException {
        BasicFileAttributes link = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean dangling = link.isSymbolicLink() && !Files.exists(path);
        boolean wantsLink = expected.type().filter(type -> type == FileType.SYMLINK).isPresent();
        if (dangling && !wantsLink) {
            return Outcome.failed(path + " is a symbolic link to " + Files.readSymbolicLink(path) + ", which does not exist");
        }
        LinkOption[] follow = dangling ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
        BasicFileAttributes target = Files.readAttributes(path, BasicFileAttributes.class, follow);
        Optional<PosixFileAttributes> posix = posix(path, follow);
        List<String> mismatches = new ArrayList<>();
        expected.type().ifPresent(type -> {
            BasicFileAttributes judged = type == FileType.SYMLINK ? link : target;
            if (!type.matches(judged)) {
                mismatches.add("is " + FileType.describe(judged) + ", expected " + type.description());
            }
        });
        mismatches.addAll(new Ownership(expected).mismatches(posix));
        if (expected.needsRegularFile()) {
            if (target.isRegularFile()) {
                mismatches.addAll(new FileContent(expected).mismatches(path, target.size(), context));
            } else {
                mismatches.add("is " + FileType.describe(target) + "; size, sha256 and content checks need a regular file");
            }
        }
        Outcome outcome = mismatches.isEmpty() ? Outcome.passed(path + " " + describe(target, posix))
                : Outcome.failed(path + " " + String.join("; ", mismatches));
        return details(outcome, target, posix);
    }

    private static Optional<PosixFileAttributes> posix(Path path, LinkOption... follow) throws IOException {
        try {
            return Optional.of(Files.readAttributes(path, PosixFileAttributes.class, follow));
        } catch (UnsupportedOperationException notPosix) {
            return Optional.empty();
        }
    }

    private static String describe(BasicFileAttributes target, Optional<PosixFileAttributes> posix) {
        StringBuilder text = new StringBuilder("is ").append(FileType.describe(target));
        if (target.isRegularFile()) {
            text.append(" of ").append(Sizes.format(target.size()));
        }
        posix.ifPresent(attributes -> text.append(", mode ").append(FileMode.format(attributes.permissions()))
                .append(", owned by ").append(attributes.owner().getName()).append(':').append(attributes.group().getName()));
        return text.toString();
    }

    private static Outcome details(Outcome outcome, BasicFileAttributes target, Optional<PosixFileAttributes> posix) {
        Outcome detailed = outcome.withDetail("type", FileType.describe(target)).withDetail("size", target.size());
        if (posix.isPresent()) {
            detailed = detailed.withDetail("mode", FileMode.format(posix.get().permissions()))
                    .withDetail("owner", posix.get().owner().getName())
                    .withDetail("group", posix.get().group().getName());
        }
        return detailed;
    }

    /** Mode, owner and group. */
    private record Ownership(FileExpectation expected) {

        List<String> mismatches(Optional<PosixFileAttributes> posix) {
            List<String> found = new ArrayList<>();
            if (posix.isEmpty()) {
                if (expected.mode().isPresent() || expected.owner().isPresent() || expected.group().isPresent()) {
                    found.add("has no POSIX permissions on this file system; mode, owner and group cannot be checked");
                }
                return found;
            }
            PosixFileAttributes attributes = posix.get();
            expected.mode().ifPresent(mode -> {
                if (!mode.equals(attributes.permissions())) {
                    found.add("has mode " + FileMode.format(attributes.permissions()) + ", expected " + FileMode.format(mode));
                }
            });
            expected.owner().ifPresent(owner -> {
                if (!owner.equals(attributes.owner().getName())) {
                    found.add("is owned by " + attributes.owner().getName() + ", expected " + owner);
                }
            });
            expected.group().ifPresent(group -> {
                if (!group.equals(attributes.group().getName())) {
                    found.add("has group " + attributes.group().getName() + ", expected " + group);
                }
            });
            return found;
        }
    }

    /** Size, digest and text of a regular file. */
    private record FileContent(FileExpectation expected) {

        List<String> mismatches(Path path, long size, ProbeContext context) throws IOException {
            List<String> found = new ArrayList<>();
            expected.minSize().filter(min -> size < min).ifPresent(min ->
                    found.add("is " + Sizes.format(size) + ", expected at least " + Sizes.format(min)));
            expected.maxSize().filter(max -> size > max).ifPresent(max ->
                    found.add("is " + Sizes.format(size) + ", expected at most " + Sizes.format(max)));
            if (expected.sha256().isPresent()) {
                String actual = sha256(path);
                if (!actual.equals(expected.sha256().get())) {
                    found.add("has sha256 " + actual + ", expected " + expected.sha256().get());
                }
            }
            if (!expected.content().isNone()) {
                if (size > MAX_CONTENT_BYTES) {
                    found.add("is " + Sizes.format(size) + "; contains, matches and notContains read at most "
                            + Sizes.format(MAX_CONTENT_BYTES));
                } else {
                    found.addAll(expected.content().mismatches("", read(path), false, context::redact));
                }
            }
            return found;
        }

        private static String read(Path path) throws IOException {
            try (InputStream in = Files.newInputStream(path)) {
                return new String(in.readNBytes(MAX_CONTENT_BYTES), StandardCharsets.UTF_8);
            }
        }

        private static String sha256(Path path) throws IOException {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException required) {
                throw new IllegalStateException("every Java runtime has SHA-256", required);
            }
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = Files.newInputStream(path)) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    digest.update(buffer, 0, read);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
