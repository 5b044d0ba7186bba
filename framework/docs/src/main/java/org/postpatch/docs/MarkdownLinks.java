package org.postpatch.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links of a Markdown document ({@code [text](target)} and images), outside code blocks and
 * code spans: read to check where they lead, or rewritten when a document is copied elsewhere.
 */
final class MarkdownLinks {

    private static final Pattern LINK = Pattern.compile("(!?\\[[^\\]\\n]*\\])\\(([^()\\s]+)\\)");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private MarkdownLinks() {
    }

    /** A link's target as written, and its line (from 1). */
    record Link(int line, String target) {

        /** Whether it leads into this repository: not a URL, not an absolute path. */
        boolean isRelative() {
            return !SCHEME.matcher(target).find() && !target.startsWith("/");
        }

        /** The file part, empty for a link within the document ({@code #anchor}). */
        String path() {
            int hash = target.indexOf('#');
            return hash < 0 ? target : target.substring(0, hash);
        }

        /** The anchor part, empty when there is none. */
        String anchor() {
            int hash = target.indexOf('#');
            return hash < 0 ? "" : target.substring(hash + 1);
        }
    }

    /** The document's links, in order. */
    static List<Link> in(String markdown) {
        List<Link> links = new ArrayList<>();
        rewrite(markdown, (line, target) -> {
            links.add(new Link(line, target));
            return target;
        });
        return links;
    }

    /** The document with each relative link's target replaced by what {@code newTarget} makes of it. */
    static String rewriteRelative(String markdown, UnaryOperator<String> newTarget) {
        return rewrite(markdown, (line, target) -> new Link(line, target).isRelative() ? newTarget.apply(target) : target);
    }

    /** What to put in a link's place, from its line and target. */
    private interface Replacement {
        String target(int line, String target);
    }

    private static String rewrite(String markdown, Replacement replacement) {
        StringBuilder out = new StringBuilder();
        boolean inFence = false;
        int number = 0;
        for (String line : markdown.split("\n", -1)) {
            number++;
            if (number > 1) {
                out.append('\n');
            }
            if (Fences.isFence(line)) {
                inFence = !inFence;
            }
            out.append(inFence || Fences.isFence(line) ? line : outsideCodeSpans(line, number, replacement));
        }
        return out.toString();
    }

    /** The line with its links replaced, except those that start inside a code span ({@code `...`}). */
    private static String outsideCodeSpans(String line, int number, Replacement replacement) {
        List<Integer> backquotes = new ArrayList<>();
        for (int i = line.indexOf('`'); i >= 0; i = line.indexOf('`', i + 1)) {
            backquotes.add(i);
        }
        Matcher link = LINK.matcher(line);
        return link.replaceAll(match -> Matcher.quoteReplacement(inCodeSpan(match.start(), backquotes) ? match.group()
                : match.group(1) + "(" + replacement.target(number, match.group(2)) + ")"));
    }

    /** Whether a position lies between an odd backquote and the next one. */
    private static boolean inCodeSpan(int position, List<Integer> backquotes) {
        for (int i = 0; i + 1 < backquotes.size(); i += 2) {
            if (backquotes.get(i) < position && position < backquotes.get(i + 1)) {
                return true;
            }
        }
        return false;
    }
}
