package org.postpatch.config;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A piece of a string value from a probe file once its {@code ${...}} references are resolved:
 * either text the file's author wrote, or a value put in for a reference (a variable, a captured
 * value, the environment, a secret). A kind that hands a string to an interpreter (the command kind,
 * with a shell) needs to tell them apart, so that a value never becomes the interpreter's syntax.
 *
 * @param text  the text
 * @param value true for a value put in for a reference
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TextPart(String text, boolean value) {

    public TextPart {
        Objects.requireNonNull(text, "text");
    }

    /** Text the author wrote ({@code $${} already turned into {@code ${}). */
    public static TextPart written(String text) {
        return new TextPart(text, false);
    }

    /** A value put in for a {@code ${...}} reference. */
    public static TextPart value(String text) {
        return new TextPart(text, true);
    }

    /** The parts joined: the string as the probe sees it. */
    public static String join(List<TextPart> parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.text()));
        return text.toString();
    }
}
