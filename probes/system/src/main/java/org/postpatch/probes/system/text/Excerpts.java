package org.postpatch.probes.system.text;

import java.util.function.UnaryOperator;

/**
 * Short quotes of text for one-line failure messages: an operator needs to recognise the output,
 * not read all of it, and a message must stay one line.
 */
public final class Excerpts {

    /** The longest excerpt, in characters. */
    public static final int MAX_LENGTH = 200;

    /** How much of a text is redacted for an excerpt: far more than any excerpt, however long its secrets. */
    private static final int REDACTED_WINDOW = 64 * 1024;

    private Excerpts() {
    }

    /** The text on one line ({@code \n} shown as such), trimmed, at most {@link #MAX_LENGTH} characters. */
    public static String of(String text) {
        String folded = text.strip().replace("\r", "").replace("\n", "\\n").replace("\t", "\\t");
        return shorten(folded);
    }

    /**
     * As {@link #of}, with secrets masked before the text is cut, so that a cut never leaves part of
     * a secret. Only the start of a long text is redacted: an excerpt never reaches further.
     */
    public static String of(String text, UnaryOperator<String> redact) {
        return of(redact.apply(head(text)));
    }

    /** As {@link #firstLine(String)}, with secrets masked before the line is cut. */
    public static String firstLine(String text, UnaryOperator<String> redact) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return shorten(redact.apply(head(line)).strip());
            }
        }
        return "";
    }

    private static String head(String text) {
        return text.length() <= REDACTED_WINDOW ? text : text.substring(0, REDACTED_WINDOW);
    }

    /** The first line that is not blank, trimmed and shortened; empty when there is none. */
    public static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return shorten(line.strip());
            }
        }
        return "";
    }

    /** The text cut to {@link #MAX_LENGTH} characters, ending in "..." when cut. */
    public static String shorten(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }
}
