package org.postpatch.secret;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value the {@link Redactor} masks — a secret, or a run of Base64 that encodes one — in its raw
 * form and its escaped forms. Redaction runs on every message, so the costly part is avoided: the
 * pattern of escaped forms is compiled only when first needed, and only tried on text that holds the
 * value's longest run of letters and digits, which every form of it contains unchanged.
 */
final class MaskedValue {

    private final String raw;
    private final boolean base64;
    private final String anchor;
    private volatile Pattern escaped;
    private volatile boolean compiled;

    private MaskedValue(String raw, boolean base64) {
        this.raw = raw;
        this.base64 = base64;
        this.anchor = longestAlphanumericRun(raw);
    }

    /** A secret, masked raw and in its escaped forms. */
    static MaskedValue secret(String raw) {
        return new MaskedValue(raw, false);
    }

    /** A run of Base64 encoding a secret: the whole Base64 text around it is masked. */
    static MaskedValue base64(String core) {
        return new MaskedValue(core, true);
    }

    String raw() {
        return raw;
    }

    /**
     * The text with this value masked.
     *
     * @param escapes false when the text holds none of {@code % + \ &}, so that only the raw form can
     *                be in it
     */
    String mask(String text, boolean escapes) {
        if (!text.contains(anchor)) {
            return text;
        }
        if (base64) {
            return escapes || text.contains(raw) ? maskWholeBase64(text) : text;
        }
        String masked = text.replace(raw, Redactor.MASK);
        Pattern pattern = escapes && masked.contains(anchor) ? pattern() : null;
        return pattern == null ? masked : pattern.matcher(masked).replaceAll(Redactor.MASK);
    }

    private Pattern pattern() {
        if (!compiled) {
            Pattern forms = SecretForms.escaped(raw);
            escaped = forms == null && base64 ? Pattern.compile(Pattern.quote(raw)) : forms;
            compiled = true;
        }
        return escaped;
    }

    /**
     * Masks the whole run of Base64 characters around each match: the characters at its edges mix
     * the secret's bits with its neighbours', and would otherwise show a few of them.
     */
    private String maskWholeBase64(String text) {
        Matcher matcher = pattern().matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (matcher.find()) {
            int start = matcher.start();
            while (start > last && isBase64(text.charAt(start - 1))) {
                start--;
            }
            int end = matcher.end();
            while (end < text.length() && (isBase64(text.charAt(end)) || text.charAt(end) == '=')) {
                end++;
            }
            out.append(text, last, start).append(Redactor.MASK);
            last = end;
            matcher.region(end, text.length());
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    private static boolean isBase64(char c) {
        return isAlphanumeric(c) || c == '+' || c == '/' || c == '-' || c == '_';
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String longestAlphanumericRun(String text) {
        int bestStart = 0;
        int bestLength = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || !isAlphanumeric(text.charAt(i))) {
                if (i - start > bestLength) {
                    bestStart = start;
                    bestLength = i - start;
                }
                start = i + 1;
            }
        }
        return text.substring(bestStart, bestStart + bestLength);
    }
}
