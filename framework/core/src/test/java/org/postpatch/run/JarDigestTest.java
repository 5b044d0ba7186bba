package org.postpatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar's digest is the SHA-256 of its files' lines {@code name:size:crc}, sorted as strings, each
 * with a newline — whatever the names: the digests recorded in ledgers before stay comparable.
 */
class JarDigestTest {

    @TempDir
    Path folder;

    @Test
    void everyJarOnTheClasspathHasTheDigestOfItsSortedLines() throws Exception {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
                jars.add(Path.of(entry));
            }
        }
        assertThat(jars).hasSizeGreaterThan(10);
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertThat(JarDigest.of(Collections.list(zip.entries()))).as(jar.toString()).isEqualTo(digestOfLines(zip));
            }
        }
    }

    @Test
    void namesThatStartOtherNamesOrHoldColonsOrNonAsciiSortAsTheirLines() throws Exception {
        Path jar = folder.resolve("tricky.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("a", "a-b", "a:b", "a:", "a/b", "ab", "A", "é.txt", "e.txt", "a\tb", "a 1",
                    "dir/", "dir/x.class", "dir/x.class.bak", "z:1:2", "z", "\u4e2d.txt", "a".repeat(1100))) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(JarDigest.of(Collections.list(zip.entries()))).isEqualTo(digestOfLines(zip));
        }
    }

    /** The digest as the lines define it, written out as strings. */
    private static String digestOfLines(ZipFile zip) throws Exception {
        List<String> lines = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!entry.isDirectory()) {
                lines.add(entry.getName() + ":" + entry.getSize() + ":" + Long.toHexString(entry.getCrc()));
            }
        }
        lines.sort(null);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String line : lines) {
            sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }
}
