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
        String head = text.length() > REDACT_AT_MOST ? text.substring(0, REDACT_AT_MOST) : text;
        String folded = context.redact(head).replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        return folded.length() > max ? folded.substring(0, max - 3) + "..." : folded;
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
