package org.postpatch.probes.http.expect.jsonpath;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a query as RFC 9535 writes it: {@code $}, then segments ({@code .name}, {@code .*},
 * {@code [selectors]}, {@code ..name}, {@code ..[selectors]}), with blank space allowed only where
 * the RFC allows it. Filters are left to {@link FilterParser}.
 */
public final class QueryParser {

    private QueryParser() {
    }

    /**
     * Parses a whole query.
     *
     * @param widerNames also accept, after a dot, names with characters RFC 9535 leaves out of its
     *                   shorthand ({@code $.first-name}, {@code $.@type}, {@code $.$schema}, {@code $.2fa}),
     *                   as postpatch read them before it followed the RFC. Where the RFC accepts a text,
     *                   this changes nothing: those characters can never follow a name in a valid query.
     * @throws InvalidPathException saying why and where the text is not a query
     */
    public static Query parse(String text, boolean widerNames) {
        Cursor cursor = new Cursor(text, widerNames);
        if (!cursor.take("$")) {
            throw new InvalidPathException(text, "it must start with $ (like $.status)", 0);
        }
        Query query = segments(cursor);
        if (!cursor.atEnd()) {
            int blank = cursor.position();
            if (cursor.skipBlank() && cursor.atEnd()) {
                throw cursor.errorAt(blank, "blank space at the end");
            }
            throw cursor.error("unexpected " + cursor.found() + bracketsHint(cursor));
        }
        return query;
    }

    /** The segments after {@code $} or {@code @}; stops before anything that cannot start one. */
    static Query segments(Cursor cursor) {
        List<Segment> segments = new ArrayList<>();
        while (true) {
            int before = cursor.position();
            cursor.skipBlank();
            if (cursor.take("..")) {
                segments.add(descendant(cursor));
            } else if (cursor.take(".")) {
                segments.add(new Segment(List.of(dotted(cursor, "'.'")), false, false));
            } else if (cursor.peek() == '[') {
                segments.add(bracketed(cursor, false));
            } else {
                cursor.moveTo(before);
                return new Query(segments);
            }
        }
    }

    private static Segment descendant(Cursor cursor) {
        if (cursor.peek() == '[') {
            return bracketed(cursor, true);
        }
        return new Segment(List.of(dotted(cursor, "'..'")), true, false);
    }

    /** After a dot: {@code *} or a member name in shorthand. */
    private static Selector dotted(Cursor cursor, String after) {
        if (cursor.take("*")) {
            return new Selector.Wildcard();
        }
        int start = cursor.position();
        while (!cursor.atEnd() && (cursor.position() == start ? Names.isNameFirst(cursor.peekCodePoint())
                : Names.isNameChar(cursor.peekCodePoint()))) {
            cursor.skip(Character.charCount(cursor.peekCodePoint()));
        }
        while (cursor.widerNames() && !cursor.atEnd() && Names.isWiderNameChar(cursor.peekCodePoint())) {
            cursor.skip(Character.charCount(cursor.peekCodePoint()));
        }
        if (cursor.position() == start) {
            throw cursor.error("expected a name or * after " + after + " but found " + cursor.found()
                    + bracketsHint(cursor));
        }
        return new Selector.Name(cursor.text().substring(start, cursor.position()));
    }

    /** {@code [selector, selector...]}. */
    private static Segment bracketed(Cursor cursor, boolean descendant) {
        int open = cursor.position();
        cursor.skip(1);
        List<Selector> selectors = new ArrayList<>();
        boolean spaced = false;
        while (true) {
            spaced |= cursor.skipBlank();
            if (cursor.atEnd()) {
                throw cursor.errorAt(open, "unclosed '['");
            }
            selectors.add(selector(cursor));
            spaced |= cursor.skipBlank();
            if (cursor.take("]")) {
                return new Segment(selectors, descendant, spaced);
            }
            if (cursor.atEnd()) {
                throw cursor.errorAt(open, "unclosed '['");
            }
            if (!cursor.take(",")) {
                throw cursor.error("expected ',' or ']' but found " + cursor.found());
            }
        }
    }

    private static Selector selector(Cursor cursor) {
        char c = cursor.peek();
        if (Literals.isQuote(c)) {
            return new Selector.Name(Literals.string(cursor));
        }
        if (c == '*') {
            cursor.skip(1);
            return new Selector.Wildcard();
        }
        if (c == '?') {
            cursor.skip(1);
            cursor.skipBlank();
            return new Selector.Filter(FilterParser.parse(cursor));
        }
        if (Literals.startsInteger(c) || c == ':') {
            return indexOrSlice(cursor);
        }
        throw cursor.error("expected a quoted name, an index, a slice, * or a filter ?... but found " + cursor.found());
    }

    private static Selector indexOrSlice(Cursor cursor) {
        Long start = Literals.startsInteger(cursor.peek()) ? Literals.integer(cursor) : null;
        int afterStart = cursor.position();
        cursor.skipBlank();
        if (cursor.peek() != ':') {
            cursor.moveTo(afterStart);
            return new Selector.Index(start);
        }
        cursor.skip(1);
        cursor.skipBlank();
        Long end = null;
        if (Literals.startsInteger(cursor.peek())) {
            end = Literals.integer(cursor);
            cursor.skipBlank();
        }
        long step = 1;
        if (cursor.take(":")) {
            cursor.skipBlank();
            if (Literals.startsInteger(cursor.peek())) {
                step = Literals.integer(cursor);
            }
        }
        return new Selector.Slice(start, end, step);
    }

    /**
     * When the problem is a character RFC 9535 does not allow in a dotted name ({@code $.first-name}),
     * how to write the name instead.
     */
    private static String bracketsHint(Cursor cursor) {
        String text = cursor.text();
        int dot = text.lastIndexOf('.', cursor.position() - 1);
        if (dot < 0 || text.substring(dot + 1, cursor.position()).codePoints().anyMatch(c -> !Names.isNameChar(c))) {
            return "";
        }
        int end = dot + 1;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[' && !Cursor.isBlank(text.charAt(end))) {
            end++;
        }
        String name = text.substring(dot + 1, end);
        if (name.isEmpty() || name.contains("'") || name.contains("\\")) {
            return "";
        }
        return "; a name with such characters is written in brackets: ['" + name + "']";
    }
}
