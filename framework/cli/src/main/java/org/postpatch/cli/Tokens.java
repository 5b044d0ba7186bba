package org.postpatch.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.postpatch.config.IoProblems;
import org.postpatch.endpoint.AccessToken;

/** The endpoint token as operators give it to a command: {@code --token-file}, else as {@link AccessToken} reads it. */
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
            return AccessToken.fromFile(file);
        } catch (IOException unreadable) {
            throw new BadInputException("--token-file " + file + " cannot be read: " + IoProblems.describe(unreadable));
        }
    }

    /**
     * The token, or null when none is set.
     *
     * @throws BadInputException when {@code POSTPATCH_TOKEN_FILE} names a file that cannot be read
     */
    static String fromEnvironment() {
        try {
            return AccessToken.fromEnvironment(System::getenv);
        } catch (IllegalArgumentException unreadable) {
            throw new BadInputException(unreadable.getMessage());
        }
    }
}
