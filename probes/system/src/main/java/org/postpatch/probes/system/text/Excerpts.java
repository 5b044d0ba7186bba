package org.postpatch.probes.system.text;

/**
 * Short quotes of text for one-line failure messages: an operator needs to recognise the output,
 * not read all of it, and a message must stay one line.
 */
public final class Excerpts {

    /** The longest excerpt, in characters. */
    public static final int MAX_LENGTH = 200;

    private Excerpts() {
    }

    /** The text on one line ({@code \n} shown as such), trimmed, at most {@link #MAX_LENGTH} characters. */
    public static String of(String text) {
        String folded = text.strip().replace("\r", "").replace("\n", "\\n").replace("\t", "\\t");
        return shorten(folded);
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
