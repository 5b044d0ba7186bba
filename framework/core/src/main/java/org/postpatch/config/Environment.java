package org.postpatch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where {@code ${env:NAME}} and {@code ${secret:NAME}} values come from: the process environment by
 * default; tests and embedding applications may supply their own.
 */
public final class Environment {

    private static final long MAX_SECRET_FILE_BYTES = 64 * 1024;

    private final Function<String, String> lookup;

    private Environment(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The process environment. */
    public static Environment system() {
        return new Environment(System::getenv);
    }

    /** A fixed environment, for tests and for applications that pass their own configuration. */
    public static Environment of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new Environment(copy::get);
    }

    /** Values from {@code first}, then from this environment. */
    public Environment overriddenBy(Map<String, String> first) {
        Map<String, String> copy = Map.copyOf(first);
        return new Environment(name -> copy.containsKey(name) ? copy.get(name) : lookup.apply(name));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(lookup.apply(name));
    }

    /**
     * A secret: the variable {@code NAME}, or the content of the file named by {@code NAME_FILE}
     * (without a trailing newline), the convention of Docker and Kubernetes secrets.
     */
    public Optional<String> secret(String name) {
        Optional<String> direct = get(name);
        if (direct.isPresent()) {
            return direct;
        }
        Optional<String> file = get(name + "_FILE");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(file.get());
        try {
            if (Files.size(path) > MAX_SECRET_FILE_BYTES) {
                throw new IllegalStateException("secret file " + name + "_FILE is larger than 64 KB");
            }
            String content = Files.readString(path, StandardCharsets.UTF_8);
            return Optional.of(content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the secret file named by " + name + "_FILE: "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
