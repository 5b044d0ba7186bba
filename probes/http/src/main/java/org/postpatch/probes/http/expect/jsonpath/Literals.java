package org.postpatch.probes.http.expect.jsonpath;

import java.math.BigDecimal;

/** Reads the literals of a query: quoted strings with their escapes, indexes and numbers. */
final class Literals {

    /** The largest index I-JSON numbers can hold exactly: 2^53 - 1. */
    static final long MAX_EXACT = 9_007_199_254_740_991L;

    private Literals() {
    }

    static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    /** A string in single or double quotes, at the cursor. */
    static String string(Cursor cursor) {
        int start = cursor.position();
        char quote = cursor.next();
        StringBuilder value = new StringBuilder();
        while (true) {
            if (cursor.atEnd()) {
                throw cursor.errorAt(start, "the string is not closed with " + quote);
            }
            char c = cursor.next();
            if (c == quote) {
                return value.toString();
            }
            if (c == '\\') {
                escape(cursor, quote, value);
            } else if (c < 0x20) {
                throw cursor.errorAt(cursor.position() - 1, String.format(
                        "a control character (U+%04X) must be escaped in a string", (int) c));
            } else {
                value.append(c);
            }
        }
    }

    private static void escape(Cursor cursor, char quote, StringBuilder value) {
        int at = cursor.position() - 1;
        char c = cursor.atEnd() ? 0 : cursor.next();
        switch (c) {
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case '/' -> value.append('/');
            case '\\' -> value.append('\\');
            case 'u' -> unicode(cursor, at, value);
            default -> {
                if (c != quote) {
                    throw cursor.errorAt(at, "\\" + (c == 0 ? "" : c) + " is not an escape; use \\b \\f \\n \\r \\t \\/ \\\\ \\"
                            + quote + " or \\uXXXX");
                }
                value.append(quote);
            }
        }
    }

    private static void unicode(Cursor cursor, int at, StringBuilder value) {
        char unit = hex4(cursor, at);
        if (Character.isLowSurrogate(unit)) {
            throw cursor.errorAt(at, "\\u" + hex(unit) + " is half of a surrogate pair without its first half");
        }
        if (Character.isHighSurrogate(unit)) {
            if (!cursor.take("\\u")) {
                throw cursor.errorAt(at, "\\u" + hex(unit) + " is half of a surrogate pair: \\uDC00-\\uDFFF must follow");
            }
            char low = hex4(cursor, cursor.position() - 2);
            if (!Character.isLowSurrogate(low)) {
                throw cursor.errorAt(at, "\\u" + hex(unit) + " must be followed by a low surrogate \\uDC00-\\uDFFF");
            }
            value.append(unit).append(low);
            return;
        }
        value.append(unit);
    }

    private static char hex4(Cursor cursor, int at) {
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(cursor.peek(), 16);
            if (digit < 0 || cursor.atEnd()) {
                throw cursor.errorAt(at, "\\u needs four hexadecimal digits");
            }
            cursor.skip(1);
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private static String hex(char unit) {
        return String.format("%04X", (int) unit);
    }

    static boolean startsInteger(char c) {
        return c == '-' || (c >= '0' && c <= '9');
    }

    /** An index or slice bound: {@code 0}, or an optional minus and digits without a leading zero, within ±(2^53-1). */
    static long integer(Cursor cursor) {
        int start = cursor.position();
        boolean negative = cursor.take("-");
        int digitsStart = cursor.position();
        while (cursor.peek() >= '0' && cursor.peek() <= '9') {
            cursor.skip(1);
        }
        String digits = cursor.text().substring(digitsStart, cursor.position());
        if (digits.isEmpty()) {
            throw cursor.errorAt(start, "expected a whole number but found " + cursor.found());
        }
        if (digits.length() > 1 && digits.charAt(0) == '0' || negative && digits.equals("0")) {
            throw cursor.errorAt(start, "a whole number has no leading zero and no -0");
        }
        if (digits.length() > 16 || Long.parseLong(digits) > MAX_EXACT) {
            throw cursor.errorAt(start, "the number is out of range (at most 2^53-1 either way)");
        }
        long value = Long.parseLong(digits);
        return negative ? -value : value;
    }

    /** A number in a filter: JSON's syntax, plus {@code -0}. */
    static BigDecimal number(Cursor cursor) {
        int start = cursor.position();
        cursor.take("-");
        if (cursor.peek() == '0') {
            cursor.skip(1);
        } else if (!digits(cursor)) {
            throw cursor.errorAt(start, "not a number: expected a digit after '-'");
        }
        if (cursor.peek() >= '0' && cursor.peek() <= '9') {
            throw cursor.errorAt(start, "a number has no leading zero");
        }
        if (cursor.take(".") && !digits(cursor)) {
            throw cursor.errorAt(start, "not a number: expected a digit after '.'");
        }
        if (cursor.peek() == 'e' || cursor.peek() == 'E') {
            cursor.skip(1);
            if (!cursor.take("+")) {
                cursor.take("-");
            }
            if (!digits(cursor)) {
                throw cursor.errorAt(start, "not a number: expected a digit in the exponent");
            }
        }
        return new BigDecimal(cursor.text().substring(start, cursor.position()));
    }

    private static boolean digits(Cursor cursor) {
        int start = cursor.position();
        while (cursor.peek() >= '0' && cursor.peek() <= '9') {
            cursor.skip(1);
        }
        return cursor.position() > start;
    }
}
