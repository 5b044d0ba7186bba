package org.postpatch.cli.init;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The application's paths as probe ids, and the paths init does not send a request to. */
final class Endpoints {

    /**
     * A GET should change nothing, but some applications log out, restart or clear a cache on one:
     * init leaves paths that are named like that alone.
     */
    private static final Pattern STATE_CHANGING = Pattern.compile(
            "(?i)(^|[/._-])(logout|log-out|signout|sign-out|shutdown|restart|reset|clear|flush|delete|remove|purge|evict)($|[/._-])");
    private static final int MAX_ID_LENGTH = 60;

    private final Set<String> taken = new HashSet<>();

    /** A unique probe id for a path: {@code /api/orders} is {@code api-orders}, {@code /} is {@code root}. */
    String id(String path) {
        String slug = path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (slug.length() > MAX_ID_LENGTH) {
            slug = slug.substring(0, MAX_ID_LENGTH).replaceAll("[-.]+$", "");
        }
        return take(slug.isEmpty() ? "root" : slug);
    }

    /** {@code wanted}, or {@code wanted-2}, ... when it is taken. */
    String take(String wanted) {
        String id = wanted;
        for (int n = 2; !taken.add(id); n++) {
            id = wanted + "-" + n;
        }
        return id;
    }

    /**
     * The path as it goes into a URL: characters a URL cannot carry (a space, {@code é}) percent-encoded,
     * as a client of the application sends them.
     */
    static String encoded(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException unusable) {
            return path;
        }
    }

    /** True when the path is named like an action with side effects (logout, restart, clear). */
    static boolean looksStateChanging(String path) {
        return STATE_CHANGING.matcher(path).find();
    }
}
