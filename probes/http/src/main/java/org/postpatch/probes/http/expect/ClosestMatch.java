package org.postpatch.probes.http.expect;

/**
 * Where a text comes closest to containing what an expectation looked for, so that a failure quotes
 * that part of a long body rather than its first lines: the text itself, else the same in another
 * case, else the longest run of characters the two share (case ignored).
 *
 * @param start  where the match starts in the searched text
 * @param length how many characters match
 */
record ClosestMatch(int start, int length) {

    /** Shorter common runs are chance, not a near miss. */
    private static final int SHORTEST = 3;
    /** Bounds the work of a failure message: the first this many characters of what was looked for. */
    private static final int WANTED_AT_MOST = 100;

    /** The closest match of {@code wanted} in {@code text}, or null when they share nothing worth showing. */
    static ClosestMatch in(String text, String wanted) {
        if (wanted.isEmpty()) {
            return null;
        }
        int exact = text.indexOf(wanted);
        if (exact >= 0) {
            return new ClosestMatch(exact, wanted.length());
        }
        for (int at = 0; at + wanted.length() <= text.length(); at++) {
            if (text.regionMatches(true, at, wanted, 0, wanted.length())) {
                return new ClosestMatch(at, wanted.length());
            }
        }
        return longestCommonRun(text, wanted.length() > WANTED_AT_MOST ? wanted.substring(0, WANTED_AT_MOST) : wanted);
    }

    /** The longest run of {@code wanted} found in {@code text}, case ignored (dynamic programming, two rows). */
    private static ClosestMatch longestCommonRun(String text, String wanted) {
        int[] previous = new int[wanted.length() + 1];
        int[] current = new int[wanted.length() + 1];
        int best = 0;
        int bestEnd = 0;
        for (int i = 1; i <= text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i - 1));
            for (int j = 1; j <= wanted.length(); j++) {
                current[j] = c == Character.toLowerCase(wanted.charAt(j - 1)) ? previous[j - 1] + 1 : 0;
                if (current[j] > best) {
                    best = current[j];
                    bestEnd = i;
                }
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return best >= Math.min(SHORTEST, wanted.length()) ? new ClosestMatch(bestEnd - best, best) : null;
    }
}
