package org.postpatch.probes.http.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text a person sees on an HTML page, for failure reasons: tags removed (a block-level tag
 * becomes a space, an inline one nothing), comments, scripts, styles and templates dropped,
 * character references decoded, blank space collapsed. A quick reading for messages, not a parser:
 * it never fails, whatever the markup.
 */
final class HtmlText {

    /** Only this much of a page is read: the failure reason quotes a couple of hundred characters. */
    private static final int READ_AT_MOST = 256 * 1024;

    /** Ends a line in {@link #lines}: a character no page text uses (it is read as a space when found). */
    private static final char BREAK = '\u2029';

    private static final String BLANK = "[\\s\\p{Cntrl}\\u00A0]+";

    private static final Set<String> HIDDEN = Set.of("script", "style", "template", "noscript");
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn",
            "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
            "var");
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("trade", "™"), Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"),
            Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("bull", "•"), Map.entry("middot", "·"),
            Map.entry("euro", "€"), Map.entry("pound", "£"), Map.entry("yen", "¥"), Map.entry("cent", "¢"),
            Map.entry("sect", "§"), Map.entry("deg", "°"), Map.entry("times", "×"), Map.entry("divide", "÷"),
            Map.entry("auml", "ä"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"), Map.entry("Auml", "Ä"),
            Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"), Map.entry("szlig", "ß"), Map.entry("eacute", "é"),
            Map.entry("egrave", "è"), Map.entry("ecirc", "ê"), Map.entry("agrave", "à"), Map.entry("aacute", "á"),
            Map.entry("ccedil", "ç"), Map.entry("ntilde", "ñ"), Map.entry("oacute", "ó"), Map.entry("uacute", "ú"),
            Map.entry("iacute", "í"));

    private HtmlText() {
    }

    /** The visible text of {@code html}, on one line. */
    static String visible(String html) {
        return render(html, ' ').replaceAll(BLANK, " ").strip();
    }

    /**
     * The visible text of {@code html} as lines: a block-level tag ends a line (a paragraph, a cell, a
     * list item), blank lines dropped, blank space within a line collapsed.
     */
    static List<String> lines(String html) {
        List<String> lines = new ArrayList<>();
        for (String line : render(html, BREAK).split(String.valueOf(BREAK))) {
            String folded = line.replaceAll(BLANK, " ").strip();
            if (!folded.isEmpty()) {
                lines.add(folded);
            }
        }
        return lines;
    }

    /** The text with tags removed; a block-level tag becomes {@code block}. */
    private static String render(String html, char block) {
        String page = html.length() > READ_AT_MOST ? html.substring(0, READ_AT_MOST) : html;
        StringBuilder text = new StringBuilder(Math.min(page.length(), 16 * 1024));
        int i = 0;
        while (i < page.length()) {
            char c = page.charAt(i);
            if (c == '<' && page.startsWith("<!--", i)) {
                int end = page.indexOf("-->", i + 4);
                i = end < 0 ? page.length() : end + 3;
            } else if (c == '<' && i + 1 < page.length() && isTagStart(page.charAt(i + 1))) {
                i = tag(page, i, text, block);
            } else if (c == '&') {
                i = reference(page, i, text);
            } else {
                text.append(c == BREAK ? ' ' : c);
                i++;
            }
        }
        return text.toString();
    }

    private static boolean isTagStart(char c) {
        return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
    }

    /** Skips the tag at {@code open} (and a hidden element's content); returns where the text goes on. */
    private static int tag(String page, int open, StringBuilder text, char block) {
        int end = tagEnd(page, open);
        boolean closing = page.charAt(open + 1) == '/';
        int nameStart = open + (closing ? 2 : 1);
        int nameEnd = nameStart;
        while (nameEnd < end && Character.isLetterOrDigit(page.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = page.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        if (!closing && HIDDEN.contains(name)) {
            int close = closingTag(page, name, end);
            return close < 0 ? page.length() : tagEnd(page, close);
        }
        if (!INLINE.contains(name)) {
            text.append(block);
        }
        return end;
    }

    /** Where {@code </name} starts (in any case) from {@code from} on, or -1. */
    private static int closingTag(String page, String name, int from) {
        for (int at = page.indexOf("</", from); at >= 0; at = page.indexOf("</", at + 2)) {
            if (page.regionMatches(true, at + 2, name, 0, name.length())) {
                return at;
            }
        }
        return -1;
    }

    /** The index just after the {@code >} that closes the tag at {@code open}, quoted attribute values skipped. */
    private static int tagEnd(String page, int open) {
        char quote = 0;
        for (int i = open + 1; i < page.length(); i++) {
            char c = page.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return page.length();
    }

    /** Decodes the character reference at {@code amp} ({@code &amp;}, {@code &#233;}, {@code &#xE9;}); unknown ones stay as written. */
    private static int reference(String page, int amp, StringBuilder text) {
        int semicolon = page.indexOf(';', amp + 1);
        if (semicolon > amp + 1 && semicolon - amp <= 10) {
            String name = page.substring(amp + 1, semicolon);
            String decoded = ENTITIES.get(name);
            if (decoded == null && name.startsWith("#")) {
                decoded = numeric(name.substring(1));
            }
            if (decoded != null) {
                text.append(decoded);
                return semicolon + 1;
            }
        }
        text.append('&');
        return amp + 1;
    }

    private static String numeric(String digits) {
        try {
            int codePoint = digits.startsWith("x") || digits.startsWith("X") ? Integer.parseInt(digits.substring(1), 16)
                    : Integer.parseInt(digits);
            return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : null;
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }
}
