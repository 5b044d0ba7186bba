package org.postpatch.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;

/**
 * The digest of a jar's content, from its zip directory: the SHA-256 of the lines
 * {@code name:size:crc} of its files, sorted, each followed by a newline (the first 12 hex digits).
 * Built without making those lines as strings: a classpath of some 20,000 entries read at an
 * application's start allocated 16 MB for them, which the heap then keeps resident. The digest is
 * the same as that of the lines written out.
 */
final class JarDigest {

    /** Longest line written byte by byte; longer ones (and non-ASCII names) are encoded as strings. */
    private static final int LINE = 1024;

    private final MessageDigest sha;
    private final byte[] line = new byte[LINE];

    private JarDigest() {
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The digest of these entries (directories left out). */
    static String of(List<? extends ZipEntry> entries) {
        List<ZipEntry> files = new ArrayList<>(entries.size());
        for (ZipEntry entry : entries) {
            if (!entry.isDirectory()) {
                files.add(entry);
            }
        }
        files.sort(JarDigest::byLine);
        JarDigest digest = new JarDigest();
        files.forEach(digest::add);
        return HexFormat.of().formatHex(digest.sha.digest()).substring(0, 12);
    }

    /** The line of an entry, as a string: for the rare lines the byte-by-byte path does not take. */
    static String line(ZipEntry entry) {
        return entry.getName() + ":" + entry.getSize() + ":" + Long.toHexString(entry.getCrc());
    }

    /** The order of the entries' lines as strings, found from their names alone wherever they differ. */
    private static int byLine(ZipEntry a, ZipEntry b) {
        String x = a.getName();
        String y = b.getName();
        int common = Math.min(x.length(), y.length());
        for (int i = 0; i < common; i++) {
            char cx = x.charAt(i);
            char cy = y.charAt(i);
            if (cx != cy) {
                return cx - cy;
            }
        }
        // One name starts the other: the shorter one's line goes on with ':'.
        if (x.length() < y.length() && y.charAt(common) != ':') {
            return ':' - y.charAt(common);
        }
        if (y.length() < x.length() && x.charAt(common) != ':') {
            return x.charAt(common) - ':';
        }
        return line(a).compareTo(line(b));
    }

    private void add(ZipEntry entry) {
        String name = entry.getName();
        int at = 0;
        boolean written = entry.getSize() >= 0 && entry.getCrc() >= 0 && name.length() + 2 * 20 + 3 <= LINE;
        for (int i = 0; written && i < name.length(); i++) {
            char c = name.charAt(i);
            written = c < 0x80;
            line[at++] = (byte) c;
        }
        if (!written) {
            sha.update((line(entry) + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        line[at++] = ':';
        at = digits(entry.getSize(), 10, at);
        line[at++] = ':';
        at = digits(entry.getCrc(), 16, at);
        line[at++] = '\n';
        sha.update(line, 0, at);
    }

    /** Writes a value that is not negative in this radix, as {@link Long#toString(long, int)} does; returns the end. */
    private int digits(long value, int radix, int at) {
        int end = at;
        long rest = value;
        do {
            end++;
            rest /= radix;
        } while (rest > 0);
        rest = value;
        for (int i = end - 1; i >= at; i--) {
            line[i] = (byte) Character.forDigit((int) (rest % radix), radix);
            rest /= radix;
        }
        return end;
    }
}
