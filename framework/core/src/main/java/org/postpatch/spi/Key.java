package org.postpatch.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One key of a probe block as its kind declares it: its name, the {@link Shape} of its value, whether
 * it is required, its default as the documentation states it, and what it means in one line (Markdown,
 * as it appears in the kind's key table and as the description an editor shows).
 *
 * @param name         the key as written in a probe file
 * @param shape        what its value may be
 * @param required     true when a probe without it is refused
 * @param defaultValue what applies when it is absent, for the documentation ({@code `false`},
 *                     {@code the running JVM}); empty when nothing applies
 * @param meaning      one line saying what it does
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Key(String name, Shape shape, boolean required, Optional<String> defaultValue, String meaning) {

    public Key {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a key needs a name, found '" + name + "'");
        }
        if (meaning == null || meaning.isBlank() || meaning.contains("\n")) {
            throw new IllegalArgumentException("key '" + name + "' needs its meaning in one line, found '" + meaning + "'");
        }
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("key '" + name + "' is required, so it cannot have a default ('"
                    + defaultValue.get() + "')");
        }
    }

    /** A key every block of its kind must have. */
    public static Key required(String name, Shape shape, String meaning) {
        return new Key(name, shape, true, Optional.empty(), meaning);
    }

    /** A key that may be left out, with nothing applying in its place. */
    public static Key optional(String name, Shape shape, String meaning) {
        return new Key(name, shape, false, Optional.empty(), meaning);
    }

    /** A key that may be left out; {@code defaultValue} says what applies then. */
    public static Key optional(String name, Shape shape, String defaultValue, String meaning) {
        return new Key(name, shape, false, Optional.of(defaultValue), meaning);
    }
}
