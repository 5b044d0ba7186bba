package org.postpatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.postpatch.config.IoProblems;

/** The endpoint token as operators give it: {@code POSTPATCH_TOKEN}, or the file named by {@code POSTPATCH_TOKEN_FILE}. */
final class Tokens {

    private Tokens() {
    }

    /**
     * The token from a file when one is named ({@code --token-file}), else from the environment; null
     * when none is set.
     *
     * @throws BadInputException when the file cannot be read
     */
    static String fromFileOrEnvironment(Path file) {
        if (file == null) {
            return fromEnvironment();
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException unreadable) {
            throw new BadInputException("--token-file " + file + " cannot be read: " + IoProblems.describe(unreadable));
        }
    }

    /** The token, or null when none is set. */
    static String fromEnvironment() {
        String token = System.getenv("POSTPATCH_TOKEN");
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        String file = System.getenv("POSTPATCH_TOKEN_FILE");
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException unreadable) {
            throw new BadInputException("POSTPATCH_TOKEN_FILE names " + file + ", which cannot be read: "
                    + IoProblems.describe(unreadable));
        }
    }
}
