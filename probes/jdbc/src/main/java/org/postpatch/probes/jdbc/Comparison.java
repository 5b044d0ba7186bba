package org.postpatch.probes.jdbc;

import java.util.Optional;

/** A comparison as written in a probe file ({@code ge: 1}), with the words an operator reads. */
enum Comparison {
    EQ("eq", "exactly", "="),
    GE("ge", "at least", ">="),
    GT("gt", "more than", ">"),
    LE("le", "at most", "<="),
    LT("lt", "fewer than", "<");

    private final String key;
    private final String words;
    private final String symbol;

    Comparison(String key, String words, String symbol) {
        this.key = key;
        this.words = words;
        this.symbol = symbol;
    }

    /** The key in a probe file, such as {@code ge}. */
    String key() {
        return key;
    }

    /** For counts: {@code at least}. */
    String words() {
        return words;
    }

    /** For values: {@code >=}. */
    String symbol() {
        return symbol;
    }

    /** Whether {@code found compareTo expected} (the sign of a comparison) satisfies this comparison. */
    boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case GE -> comparison >= 0;
            case GT -> comparison > 0;
            case LE -> comparison <= 0;
            case LT -> comparison < 0;
        };
    }

    static Optional<Comparison> byKey(String key) {
        for (Comparison comparison : values()) {
            if (comparison.key.equals(key)) {
                return Optional.of(comparison);
            }
        }
        return Optional.empty();
    }
}
