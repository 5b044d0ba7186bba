package org.postpatch.secret;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets with {@code ****} in any text on its way out. It knows every secret value used
 * in the run (from {@code ${secret:...}} and values probes mark secret) and the shapes that are
 * always secret: the password in a URL ({@code https://user:pw@host}) and the values of
 * {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie} headers.
 * Thread-safe; one per process or run.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** Secrets shorter than this would mask ordinary words; they are still masked as whole values. */
    private static final int MIN_LENGTH = 3;

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/\\s:@]*:)([^@\\s/]+)(@)");
    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?i)((?:proxy-)?authorization|set-cookie|cookie)(\"?\\s*[:=]\\s*\"?)([^\"\\r\\n,}\\]]+)");
    private static final Pattern JDBC_PASSWORD = Pattern.compile("(?i)([?&;](?:password|pwd)=)((?:[^&;\\s\":]|:(?!\\s))+)");

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** Registers a value to mask from now on. Blank values are ignored. */
    public void add(String secret) {
        if (secret == null || secret.isBlank() || secrets.contains(secret)) {
            return;
        }
        secrets.add(secret);
        // Longest first, so that a secret containing another is masked whole.
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    /** The text with every known secret and secret-shaped value masked; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            if (secret.length() >= MIN_LENGTH || masked.equals(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        masked = replaceGroup(URL_PASSWORD, masked, 2);
        masked = replaceGroup(SECRET_HEADER, masked, 3);
        return replaceGroup(JDBC_PASSWORD, masked, 2);
    }

    private static String replaceGroup(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, matcher.start(group)).append(MASK);
            last = matcher.end(group);
        } while (matcher.find());
        return out.append(text, last, text.length()).toString();
    }
}
