package org.postpatch.probes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Checks on the pictures ui probes attach: real PNG files, or for HtmlUnit the page's HTML. */
final class Pictures {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Pictures() {
    }

    /** Asserts a real PNG of a rendered page: the signature, and more than a blank image's few bytes. */
    static void assertPng(Path file) {
        byte[] bytes = read(file);
        assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as("PNG signature of " + file).isEqualTo(PNG_SIGNATURE);
        assertThat(bytes.length).as("size of " + file).isGreaterThan(3_000);
    }

    static String html(Path file) {
        return new String(read(file), StandardCharsets.UTF_8);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
