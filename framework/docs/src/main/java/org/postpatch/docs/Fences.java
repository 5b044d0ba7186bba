package org.postpatch.docs;

/** Fenced code blocks of Markdown, where a heading or a link is only text. */
final class Fences {

    private Fences() {
    }

    /** Whether the line opens or closes a fenced code block (three backquotes, as these documents write them). */
    static boolean isFence(String line) {
        return line.stripLeading().startsWith("```");
    }
}
