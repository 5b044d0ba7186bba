package org.postpatch.probes.http.expect.jsonpath;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * I-Regexp (RFC 9485), the interoperable regular expressions of {@code match()} and {@code search()},
 * checked against its grammar and translated to a Java {@link Pattern}. The translation keeps the
 * I-Regexp meaning where Java's differs: {@code .} is any character but line feed and carriage
 * return. {@code ^} and {@code $} anchor at the start and the very end of the text, as the JSONPath
 * Compliance Test Suite expects (and the regular expression engines I-Regexp maps to do), although
 * RFC 9485's grammar alone would read them as plain characters.
 */
final class IRegexp {

    private static final Set<String> CATEGORIES = Set.of("L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn",
            "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "Z", "Zl", "Zp", "Zs",
            "S", "Sc", "Sk", "Sm", "So", "C", "Cc", "Cf", "Cn", "Co");
    private static final String SINGLE_ESCAPES = "()*+-.?[\\]^{|}nrt";

    private final String source;
    private int position;
    private final StringBuilder java = new StringBuilder();

    private IRegexp(String source) {
        this.source = source;
    }

    /** The Java pattern for an I-Regexp, or null when the text is not one. */
    static Pattern compile(String regexp) {
        IRegexp translation = new IRegexp(regexp);
        try {
            translation.branches();
            if (translation.position < regexp.length()) {
                return null;
            }
            return Pattern.compile(translation.java.toString());
        } catch (IllegalArgumentException invalid) { // PatternSyntaxException included
            return null;
        }
    }

    private int peek() {
        return position < source.length() ? source.codePointAt(position) : -1;
    }

    private int next() {
        int codePoint = source.codePointAt(position);
        position += Character.charCount(codePoint);
        return codePoint;
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("not an I-Regexp");
    }

    private void branches() {
        pieces();
        while (peek() == '|') {
            next();
            java.append('|');
            pieces();
        }
    }

    private void pieces() {
        while (peek() != -1 && peek() != '|' && peek() != ')') {
            atom();
            quantifier();
        }
    }

    private void atom() {
        int c = next();
        switch (c) {
            case '(' -> {
                java.append("(?:");
                branches();
                if (peek() != ')') {
                    throw invalid();
                }
                next();
                java.append(')');
            }
            case '.' -> java.append("[^\\n\\r]");
            case '^' -> java.append('^');
            case '$' -> java.append("\\z");
            case '[' -> classExpression();
            case '\\' -> escape();
            case ')', '*', '+', '?', ']', '{', '|', '}' -> throw invalid();
            default -> literal(c);
        }
    }

    private void quantifier() {
        int c = peek();
        if (c == '*' || c == '+' || c == '?') {
            java.appendCodePoint(next());
        } else if (c == '{') {
            next();
            int from = digits();
            java.append('{').append(from);
            if (peek() == ',') {
                next();
                java.append(',');
                if (peek() != '}') {
                    int to = digits();
                    if (to < from) {
                        throw invalid();
                    }
                    java.append(to);
                }
            }
            if (peek() != '}') {
                throw invalid();
            }
            next();
            java.append('}');
        }
    }

    private int digits() {
        int start = position;
        while (peek() >= '0' && peek() <= '9') {
            next();
        }
        if (position == start || position - start > 9) {
            throw invalid();
        }
        return Integer.parseInt(source.substring(start, position));
    }

    /** After a backslash: a single-character escape or a category. */
    private void escape() {
        int c = peek();
        if (c == 'p' || c == 'P') {
            next();
            if (peek() != '{') {
                throw invalid();
            }
            next();
            int close = source.indexOf('}', position);
            if (close < 0 || !CATEGORIES.contains(source.substring(position, close))) {
                throw invalid();
            }
            java.append('\\').appendCodePoint(c).append('{').append(source, position, close).append('}');
            position = close + 1;
            return;
        }
        if (c == -1 || SINGLE_ESCAPES.indexOf(c) < 0) {
            throw invalid();
        }
        next();
        switch (c) {
            case 'n' -> java.append("\\n");
            case 'r' -> java.append("\\r");
            case 't' -> java.append("\\t");
            default -> literal(c);
        }
    }

    private void classExpression() {
        java.append('[');
        if (peek() == '^') {
            next();
            java.append('^');
        }
        boolean first = true;
        while (peek() != ']') {
            if (peek() == -1) {
                throw invalid();
            }
            if (peek() == '-') {
                // A literal '-' only first or last: [-a] and [a-].
                next();
                if (!first && peek() != ']') {
                    throw invalid();
                }
                literal('-');
            } else if (peek() == '\\' && isCategoryAhead()) {
                next();
                escape();
            } else {
                int low = classCharacter();
                if (peek() == '-' && position + 1 < source.length() && source.charAt(position + 1) != ']') {
                    next();
                    int high = classCharacter();
                    if (high < low) {
                        throw invalid();
                    }
                    literal(low);
                    java.append('-');
                    literal(high);
                } else {
                    literal(low);
                }
            }
            first = false;
        }
        if (first) {
            throw invalid();
        }
        next();
        java.append(']');
    }

    private boolean isCategoryAhead() {
        return position + 1 < source.length() && (source.charAt(position + 1) == 'p' || source.charAt(position + 1) == 'P');
    }

    /** One character of a class, escaped or not, as its code point. */
    private int classCharacter() {
        int c = next();
        if (c == '\\') {
            int escaped = peek();
            if (escaped == -1 || SINGLE_ESCAPES.indexOf(escaped) < 0) {
                throw invalid();
            }
            next();
            return switch (escaped) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                default -> escaped;
            };
        }
        if (c == '[' || c == ']' || c == '-') {
            throw invalid();
        }
        return c;
    }

    /** A character that stands for itself, written so that Java cannot read it as syntax. */
    private void literal(int codePoint) {
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
            throw invalid();
        }
        if ((codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z')
                || (codePoint >= '0' && codePoint <= '9')) {
            java.appendCodePoint(codePoint);
        } else {
            java.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
        }
    }
}
