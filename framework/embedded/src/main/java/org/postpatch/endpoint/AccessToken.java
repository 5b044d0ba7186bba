package org.postpatch.endpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.postpatch.config.IoProblems;

/**
 * The endpoint's token as operators give it: the environment variable {@value #VARIABLE}, or the
 * file that {@value #FILE_VARIABLE} names — for an embedded self-test, {@code postpatch serve} and
 * the dashboard alike.
 */
public final class AccessToken {

    /** The environment variable holding the token. */
    public static final String VARIABLE = "POSTPATCH_TOKEN";

    /** The environment variable naming a file that holds the token. */
    public static final String FILE_VARIABLE = "POSTPATCH_TOKEN_FILE";

    private AccessToken() {
    }

    /**
     * The token from the environment, or null when none is set.
     *
     * @param environment reads an environment variable, such as {@code System::getenv}
     * @throws IllegalArgumentException when {@value #FILE_VARIABLE} names a file that cannot be read
     */
    public static String fromEnvironment(Function<String, String> environment) {
        String token = environment.apply(VARIABLE);
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        String file = environment.apply(FILE_VARIABLE);
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return fromFile(Path.of(file));
        } catch (IOException unreadable) {
            throw new IllegalArgumentException(FILE_VARIABLE + " names " + file + ", which cannot be read: "
                    + IoProblems.describe(unreadable), unreadable);
        }
    }

    /** The token held in a file, without the line break an editor adds. */
    public static String fromFile(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
