package org.postpatch.run;

import java.util.Set;
import java.util.function.Predicate;

/**
 * A tag expression as JUnit writes them: tags combined with {@code !}, {@code &}, {@code |} and
 * parentheses, plus {@code any()} and {@code none()}. {@code smoke & !slow}, {@code (db | http) & !flaky}.
 */
public final class TagExpression {

    private final String text;
    private final Predicate<Set<String>> test;

    private TagExpression(String text, Predicate<Set<String>> test) {
        this.text = text;
        this.test = test;
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException saying where the expression is malformed
     */
    public static TagExpression parse(String text) {
        Parser parser = new Parser(text);
        Predicate<Set<String>> test = parser.or();
        parser.skipSpaces();
        if (parser.position < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.position) + "'");
        }
        return new TagExpression(text, test);
    }

    public boolean matches(Set<String> tags) {
        return test.test(tags);
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        Predicate<Set<String>> or() {
            Predicate<Set<String>> left = and();
            while (consume('|')) {
                Predicate<Set<String>> right = and();
                Predicate<Set<String>> current = left;
                left = tags -> current.test(tags) || right.test(tags);
            }
            return left;
        }

        Predicate<Set<String>> and() {
            Predicate<Set<String>> left = not();
            while (consume('&')) {
                Predicate<Set<String>> right = not();
                Predicate<Set<String>> current = left;
                left = tags -> current.test(tags) && right.test(tags);
            }
            return left;
        }

        Predicate<Set<String>> not() {
            if (consume('!')) {
                Predicate<Set<String>> inner = not();
                return tags -> !inner.test(tags);
            }
            return primary();
        }

        Predicate<Set<String>> primary() {
            if (consume('(')) {
                Predicate<Set<String>> inner = or();
                if (!consume(')')) {
                    throw error("missing ')'");
                }
                return inner;
            }
            skipSpaces();
            int start = position;
            while (position < text.length() && "&|!() \t".indexOf(text.charAt(position)) < 0) {
                position++;
            }
            String tag = text.substring(start, position);
            if (tag.isEmpty()) {
                throw error("expected a tag");
            }
            if ((tag.equals("any") || tag.equals("none")) && consume('(')) {
                if (!consume(')')) {
                    throw error("expected ')' after " + tag + "(");
                }
                return tag.equals("any") ? tags -> !tags.isEmpty() : Set::isEmpty;
            }
            return tags -> tags.contains(tag);
        }

        boolean consume(char expected) {
            skipSpaces();
            if (position < text.length() && text.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("bad tag expression '" + text + "' at position " + (position + 1)
                    + ": " + message);
        }
    }
}
