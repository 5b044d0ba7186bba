package org.postpatch.probes.http.expect;

import com.fasterxml.jackson.databind.JsonNode;
import org.postpatch.api.ProbeContext;

/**
 * Shortening and quoting of what a response contained, for failure reasons. Text is redacted
 * before it is shortened, so that a cut can never leave half a secret behind.
 */
public final class Texts {

    /** The longest body excerpt a reason shows. */
    public static final int BODY_EXCERPT = 200;

    private static final int VALUE_EXCERPT = 100;
    private static final int REDACT_AT_MOST = 64 * 1024;

    private Texts() {
    }

    /** The text redacted, folded onto one line and cut to {@code max} characters. */
    public static String excerpt(ProbeContext context, String text, int max) {
        String folded = redactedLine(context, text);
        return folded.length() > max ? folded.substring(0, max - 3) + "..." : folded;
    }

    /**
     * Like {@link #excerpt}, but around the place where the text comes closest to {@code wanted}
     * (see {@link ClosestMatch}), with "..." where it was cut; from the start when nothing is close.
     */
    public static String excerptAround(ProbeContext context, String text, String wanted, int max) {
        String folded = redactedLine(context, text);
        ClosestMatch match = folded.length() <= max || wanted == null ? null
                : ClosestMatch.in(folded, fold(wanted));
        if (match == null) {
            return folded.length() > max ? folded.substring(0, max - 3) + "..." : folded;
        }
        int room = max - 6;
        int start = Math.max(0, match.start() - Math.max(0, Math.min(room / 4, room - match.length())));
        int end = Math.min(folded.length(), start + room);
        start = Math.max(0, Math.min(start, end - room));
        return (start > 0 ? "..." : "") + folded.substring(start, end) + (end < folded.length() ? "..." : "");
    }

    private static String redactedLine(ProbeContext context, String text) {
        String head = text.length() > REDACT_AT_MOST ? text.substring(0, REDACT_AT_MOST) : text;
        return fold(context.redact(head));
    }

    private static String fold(String text) {
        return text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }

    /** A found JSON value as an operator reads it: strings quoted, others as compact JSON. */
    public static String show(ProbeContext context, JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "absent";
        }
        String text = value.isTextual() ? '"' + value.textValue() + '"' : value.toString();
        return excerpt(context, text, VALUE_EXCERPT);
    }
}
