package org.postpatch.probes.system.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postpatch.spi.Key;
import org.postpatch.spi.Shape;
import org.postpatch.spi.Spec;

/**
 * What a text must look like: strings it contains (all of them), strings it must not contain, a
 * regular expression found anywhere in it ({@code ^} and {@code $} match at line ends), and
 * optionally whether it is empty (blank counts as empty). Used for a command's output and a file's content.
 *
 * @param empty present when the text must be empty ({@code true}) or must not be ({@code false})
 */
public record TextExpectation(List<String> contains, List<String> notContains, Optional<Pattern> matches,
                              Optional<Boolean> empty) {

    /** No expectation at all. */
    public static final TextExpectation NONE = new TextExpectation(List.of(), List.of(), Optional.empty(), Optional.empty());

    public TextExpectation {
        contains = List.copyOf(contains);
        notContains = List.copyOf(notContains);
    }

    /**
     * The keys {@link #read} reads (without {@code empty}), declared for a text that is {@code where},
     * such as {@code " in the content"}, or {@code ""}.
     */
    public static List<Key> keys(String where) {
        Shape strings = Shape.either(Shape.string(), Shape.listOf(Shape.string()));
        return List.of(
                Key.optional("contains", strings, "Each must appear" + where + "."),
                Key.optional("matches", Shape.pattern(), "Must be found " + (where.isEmpty() ? "somewhere" : where.trim())
                        + "; `^` and `$` match at each line."),
                Key.optional("notContains", strings, "None may appear" + where + "."));
    }

    /**
     * Reads {@code contains}, {@code notContains} (each a string or a list of strings),
     * {@code matches} and, when {@code withEmpty}, {@code empty} from a block.
     */
    public static TextExpectation read(Spec spec, boolean withEmpty) {
        List<String> contains = spec.strings("contains");
        List<String> notContains = spec.strings("notContains");
        Optional<Pattern> matches = spec.pattern("matches");
        Optional<Boolean> empty = withEmpty ? spec.optionalBool("empty") : Optional.empty();
        return new TextExpectation(contains, notContains, matches, empty);
    }

    /** True when this expects nothing, so the text need not even be read. */
    public boolean isNone() {
        return contains.isEmpty() && notContains.isEmpty() && matches.isEmpty() && empty.isEmpty();
    }

    /**
     * Every way {@code text} differs from this expectation, each starting with {@code subject} (like
     * {@code stdout}; when empty, the phrase starts with its verb: "does not contain 'x'"). With {@code quote}, a short excerpt of the text follows, passed
     * through {@code redact}; the line holding a forbidden string is always quoted that way.
     */
    public List<String> mismatches(String subject, String text, boolean quote, UnaryOperator<String> redact) {
        List<String> found = new ArrayList<>();
        String prefix = subject.isEmpty() ? "" : subject + " ";
        String excerpt = quote ? "; it was: '" + Excerpts.of(text, redact) + "'" : "";
        if (empty.isPresent() && empty.get() != text.isBlank()) {
            found.add(empty.get() ? prefix + "is not empty" + excerpt : prefix + "is empty, expected some output");
        }
        for (String expected : contains) {
            if (!text.contains(expected)) {
                found.add(prefix + "does not contain '" + expected + "'" + excerpt);
            }
        }
        if (matches.isPresent() && !matches.get().matcher(text).find()) {
            found.add(prefix + "does not match '" + matches.get().pattern() + "'" + excerpt);
        }
        for (String forbidden : notContains) {
            int at = text.indexOf(forbidden);
            if (at >= 0) {
                found.add(prefix + "contains '" + forbidden + "' at line " + lineNumber(text, at) + ": '"
                        + Excerpts.of(lineAround(text, at), redact) + "'");
            }
        }
        return found;
    }

    private static int lineNumber(String text, int index) {
        int line = 1;
        Matcher breaks = Pattern.compile("\\n").matcher(text).region(0, index);
        while (breaks.find()) {
            line++;
        }
        return line;
    }

    private static String lineAround(String text, int index) {
        int start = text.lastIndexOf('\n', index) + 1;
        int end = text.indexOf('\n', index);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
