package org.postpatch.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The anchors GitHub gives the headings of a Markdown document ({@code ## Snapshots: the baseline's
 * response} is {@code #snapshots-the-baselines-response}), so that links into a document can be
 * made and checked without a browser.
 */
final class Anchors {

    /** A heading, {@code #} to {@code ######} and its text. */
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*$");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    /** What GitHub keeps of a heading's text: letters, marks, digits, connectors, spaces and hyphens. */
    private static final Pattern DROPPED = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    private Anchors() {
    }

    /** One heading: its line (from 0), its level and its anchor. */
    record Heading(int line, int level, String anchor) {
    }

    /** The anchor of a heading's text: lower case, punctuation dropped, spaces made hyphens. */
    static String slug(String headingText) {
        String text = LINK.matcher(headingText).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        return DROPPED.matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll("").replace(' ', '-');
    }

    /** The document's headings in order, outside code blocks; a repeated anchor gets {@code -1}, {@code -2}... */
    static List<Heading> headings(String markdown) {
        List<Heading> headings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> lines = markdown.lines().toList();
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (Fences.isFence(line)) {
                inFence = !inFence;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (!inFence && heading.matches()) {
                String slug = slug(heading.group(2));
                int count = seen.merge(slug, 1, Integer::sum);
                headings.add(new Heading(i, heading.group(1).length(), count == 1 ? slug : slug + "-" + (count - 1)));
            }
        }
        return headings;
    }

    /** Every anchor a link into the document may name. */
    static Set<String> of(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        headings(markdown).forEach(heading -> anchors.add(heading.anchor()));
        return anchors;
    }
}
