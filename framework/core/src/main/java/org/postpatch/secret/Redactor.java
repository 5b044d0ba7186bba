package org.postpatch.secret;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets with {@code ****} in any text on its way out. It knows every secret value used
 * in the run (from {@code ${secret:...}} and values probes mark secret) in every form it takes in
 * output: raw, URL-encoded, JSON-escaped, HTML/XML-escaped and Base64 (see {@link SecretForms}). And
 * it knows the shapes that are always secret: the password in a URL ({@code https://user:pw@host}),
 * a Basic credential, and the values of {@code Authorization}, {@code Proxy-Authorization},
 * {@code Cookie} and {@code Set-Cookie} headers. Thread-safe; one per process or run.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** Secrets shorter than this would mask ordinary words; they are still masked as whole values. */
    private static final int MIN_LENGTH = 3;

    // The look-behind makes a scheme start only where a word starts: without it, a long run of
    // letters (a 64 KiB body excerpt) is scanned again from each of its characters, in quadratic time.
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "(?i)(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*+://[^/\\s:@]*:)([^@\\s/]+)(@)");
    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?i)((?:proxy-)?authorization|set-cookie|cookie)(\"?\\s*[:=]\\s*\"?)([^\"\\r\\n,}\\]]+)");
    private static final Pattern JDBC_PASSWORD = Pattern.compile("(?i)([?&;](?:password|pwd)=)((?:[^&;\\s\":]|:(?!\\s))+)");
    private static final Pattern BASIC_CREDENTIAL = Pattern.compile(
            "(?i)(?<![a-z0-9])basic\\s+([a-z0-9+/]{4,}={0,2})(?![a-z0-9+/=])");

    private final Set<String> secrets = new HashSet<>();
    /** Replaced whole on each change, so that a redaction never sees a list being rebuilt. */
    private volatile List<MaskedValue> masked = List.of();

    /** Registers a value to mask from now on, in all its forms. Blank values are ignored. */
    public synchronized void add(String secret) {
        if (secret == null || secret.isBlank() || !secrets.add(secret)) {
            return;
        }
        List<MaskedValue> more = new ArrayList<>(masked);
        more.add(MaskedValue.secret(secret));
        if (secret.length() >= MIN_LENGTH) {
            SecretForms.base64Cores(secret).forEach(core -> more.add(MaskedValue.base64(core)));
        }
        // Longest first, so that a secret containing another is masked whole.
        more.sort(Comparator.comparingInt((MaskedValue m) -> m.raw().length()).reversed());
        masked = List.copyOf(more);
    }

    /** The text with every known secret and secret-shaped value masked; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        List<MaskedValue> values = masked;
        if (!values.isEmpty()) {
            // Every escaped form holds one of these; without them only raw text can match.
            boolean escapes = hasAny(text, "%+\\&");
            for (MaskedValue secret : values) {
                if (secret.raw().length() >= MIN_LENGTH) {
                    result = secret.mask(result, escapes);
                } else if (result.equals(secret.raw())) {
                    result = MASK;
                }
            }
        }
        // Each shape is looked for only when the text holds what every match of it must: a plain
        // scan is far cheaper than the pattern's search, and most text (a request line, a status
        // message) holds none of them.
        if (mayHoldUrlPassword(result)) {
            result = replaceGroup(URL_PASSWORD, result, 2);
        }
        if (containsIgnoringCase(result, "authorization") || containsIgnoringCase(result, "cookie")) {
            result = replaceGroup(SECRET_HEADER, result, 3);
        }
        if (containsIgnoringCase(result, "password=") || containsIgnoringCase(result, "pwd=")) {
            result = replaceGroup(JDBC_PASSWORD, result, 2);
        }
        return containsIgnoringCase(result, "basic") ? maskBasicCredentials(result) : result;
    }

    /** Whether {@code text} has a {@code ://} with an {@code @} after it, as a password in a URL needs. */
    private static boolean mayHoldUrlPassword(String text) {
        int scheme = text.indexOf("://");
        return scheme >= 0 && text.indexOf('@', scheme + 3) >= 0;
    }

    /**
     * Whether {@code text} contains {@code word} (lower-case ASCII letters, perhaps ending in {@code =})
     * in any case. Never false where the patterns' ASCII-only {@code (?i)} would match.
     */
    private static boolean containsIgnoringCase(String text, String word) {
        char lower = word.charAt(0);
        char upper = Character.toUpperCase(lower);
        int last = text.length() - word.length();
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == lower || c == upper) && text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code Basic dXNlcjpwdw==} anywhere: its decoded form is {@code user:password}. */
    private static String maskBasicCredentials(String text) {
        Matcher matcher = BASIC_CREDENTIAL.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (matcher.find()) {
            if (!isCredential(matcher.group(1))) {
                continue;
            }
            out = out == null ? new StringBuilder(text.length()) : out;
            out.append(text, last, matcher.start(1)).append(MASK);
            last = matcher.end(1);
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    private static boolean isCredential(String token) {
        String unpadded = token.replace("=", "");
        String padded = switch (unpadded.length() % 4) {
            case 0 -> unpadded;
            case 2 -> unpadded + "==";
            case 3 -> unpadded + "=";
            default -> null;
        };
        if (padded == null) {
            return false;
        }
        try {
            String credential = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getDecoder().decode(padded))).toString();
            return credential.indexOf(':') > 0 && credential.chars().noneMatch(Character::isISOControl);
        } catch (IllegalArgumentException | CharacterCodingException notACredential) {
            return false;
        }
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
