package org.postpatch.probes.system.file;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * POSIX permission bits, written in octal ({@code "0640"}, {@code 640}) or symbolically
 * ({@code rw-r-----}). An unquoted {@code 0640} in YAML arrives as the number 640, which reads the same.
 */
final class FileMode {

    /** What a valid mode looks like, for messages. */
    static final String EXPECTED = "a mode like \"0640\" or rw-r-----";

    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private FileMode() {
    }

    /**
     * The permissions, or empty when the text is not a mode.
     *
     * @throws IllegalArgumentException for setuid, setgid or sticky bits, which cannot be checked
     */
    static Optional<Set<PosixFilePermission>> parse(String text) {
        String mode = text.trim();
        if (mode.matches("[r-][w-][x-][r-][w-][x-][r-][w-][x-]")) {
            return Optional.of(PosixFilePermissions.fromString(mode));
        }
        if (mode.startsWith("0o")) {
            mode = mode.substring(2);
        }
        if (mode.matches("[0-7]{4}")) {
            if (mode.charAt(0) != '0') {
                throw new IllegalArgumentException("setuid, setgid and sticky bits cannot be checked;"
                        + " give the permission bits only, like \"0" + mode.substring(1) + "\"");
            }
            mode = mode.substring(1);
        }
        if (!mode.matches("[0-7]{1,3}")) {
            return Optional.empty();
        }
        int bits = Integer.parseInt(mode, 8);
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((bits & (1 << i)) != 0) {
                permissions.add(BITS[i]);
            }
        }
        return Optional.of(permissions);
    }

    /** The permissions in four-digit octal, like {@code 0640}. */
    static String format(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (int i = 0; i < BITS.length; i++) {
            if (permissions.contains(BITS[i])) {
                bits |= 1 << i;
            }
        }
        return String.format("0%03o", bits);
    }
}
