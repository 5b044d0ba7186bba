package org.postpatch.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The forms a secret takes on its way into output besides its raw text. A password is sent
 * URL-encoded in a form body or a query ({@code a/b} as {@code a%2Fb}), JSON-escaped in a JSON body,
 * HTML- or XML-escaped in an error page, shell-quoted in a command line, Base64-encoded in a Basic credential, and a server may echo
 * any of them back. Masking only the raw text would let each of these through.
 */
final class SecretForms {

    /** Shorter Base64 runs could occur by chance; shorter secrets are covered by the Basic credential rule. */
    static final int MIN_BASE64_CORE = 6;

    private SecretForms() {
    }

    /**
     * A pattern matching the secret written with any mix of percent-encoding (upper- or lower-case
     * hex, {@code +} or {@code %20} for a space), JSON escapes (once, or twice for JSON in a JSON
     * string), and HTML/XML character references; null when every character of it is a letter or a
     * digit, which no encoding changes.
     */
    static Pattern escaped(String secret) {
        StringBuilder regex = new StringBuilder();
        // Letters and digits have one form; a run of them is one literal, which the regex engine
        // searches for quickly.
        StringBuilder literal = new StringBuilder();
        boolean escapable = false;
        for (int i = 0; i < secret.length(); ) {
            int codePoint = secret.codePointAt(i);
            i += Character.charCount(codePoint);
            List<String> forms = new ArrayList<>(forms(codePoint));
            if (forms.size() == 1) {
                literal.append(forms.get(0));
                continue;
            }
            escapable = true;
            if (literal.length() > 0) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            forms.sort(Comparator.comparingInt(String::length).reversed());
            regex.append("(?:");
            for (int f = 0; f < forms.size(); f++) {
                regex.append(f == 0 ? "" : "|").append(Pattern.quote(forms.get(f)));
            }
            regex.append(')');
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return escapable ? Pattern.compile(regex.toString()) : null;
    }

    /**
     * The Base64 text that encodes the secret wherever it starts in the encoded bytes (as in a Basic
     * credential {@code user:secret}, where the user name's length decides): for each of the three
     * alignments, the characters that depend on the secret's bytes alone, in the standard and the
     * URL-safe alphabet. Runs shorter than {@link #MIN_BASE64_CORE} are left out.
     */
    static Set<String> base64Cores(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        Set<String> cores = new LinkedHashSet<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            int first = (8 * offset + 5) / 6;
            int end = (8 * (offset + bytes.length)) / 6;
            if (end - first >= MIN_BASE64_CORE) {
                String core = encoded.substring(first, end);
                cores.add(core);
                cores.add(core.replace('+', '-').replace('/', '_'));
            }
        }
        return cores;
    }

    private static Set<String> forms(int codePoint) {
        String raw = new String(Character.toChars(codePoint));
        Set<String> forms = new LinkedHashSet<>();
        forms.add(raw);
        if (codePoint < 128 && Character.isLetterOrDigit(codePoint)) {
            return forms;
        }
        Set<String> json = json(codePoint);
        forms.addAll(json);
        json.forEach(form -> forms.add(jsonEscaped(form)));
        for (String form : List.copyOf(forms)) {
            forms.add(htmlEscaped(form));
        }
        forms.add("&#" + codePoint + ";");
        forms.add("&#x" + Integer.toHexString(codePoint) + ";");
        forms.add("&#x" + Integer.toHexString(codePoint).toUpperCase(Locale.ROOT) + ";");
        if (codePoint == '\'') {
            forms.add("&apos;");
            forms.add("&#039;");
            forms.add("'\\''"); // shell quoting, as a command line is shown: 'it'\''s'
        }
        if (codePoint < 128) {
            forms.add("\\" + raw); // a backslash escape: \$ \` \" in a shell line, \/ in JSON
        }
        StringBuilder percent = new StringBuilder();
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            percent.append(String.format(Locale.ROOT, "%%%02X", b & 0xFF));
        }
        forms.add(percent.toString());
        forms.add(percent.toString().toLowerCase(Locale.ROOT));
        if (codePoint == ' ') {
            forms.add("+");
        }
        return forms;
    }

    /** The JSON escapes of one character: {@code \"}, {@code \n}... and {@code \\uXXXX} in either case. */
    private static Set<String> json(int codePoint) {
        Set<String> forms = new LinkedHashSet<>();
        switch (codePoint) {
            case '"', '\\', '/' -> forms.add("\\" + (char) codePoint);
            case '\n' -> forms.add("\\n");
            case '\r' -> forms.add("\\r");
            case '\t' -> forms.add("\\t");
            case '\b' -> forms.add("\\b");
            case '\f' -> forms.add("\\f");
            default -> { }
        }
        StringBuilder unicode = new StringBuilder();
        for (char c : Character.toChars(codePoint)) {
            unicode.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
        forms.add(unicode.toString());
        forms.add(unicode.toString().toUpperCase(Locale.ROOT).replace("\\U", "\\u"));
        return forms;
    }

    /** A JSON escape as it reads once escaped again (a JSON document inside a JSON string). */
    private static String jsonEscaped(String form) {
        return form.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The text with {@code & " < > '} as HTML/XML character references. */
    private static String htmlEscaped(String form) {
        return form.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#39;");
    }
}
