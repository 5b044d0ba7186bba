package org.postpatch.engine;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns an exception from a probe into the one-line reason an operator reads. */
public final class Failures {

    private Failures() {
    }

    /**
     * The reason: an assertion's own message; otherwise the exception type and message, and the
     * root cause when it says something the top does not.
     */
    public static String describe(Throwable failure) {
        Throwable top = unwrap(failure);
        if (top instanceof AssertionError && top.getMessage() != null) {
            return oneLine(top.getMessage());
        }
        String text = name(top);
        Throwable root = top;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != top && root.getMessage() != null
                && (top.getMessage() == null || !top.getMessage().contains(root.getMessage()))) {
            text += " (caused by " + name(root) + ")";
        }
        return oneLine(text);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof InvocationTargetException || current instanceof ExecutionException
                || current instanceof CompletionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String name(Throwable failure) {
        String type = failure.getClass().getSimpleName();
        return failure.getMessage() == null || failure.getMessage().isBlank() ? type : type + ": " + failure.getMessage();
    }

    /**
     * The text on one line (line breaks folded into spaces). Not shortened: secrets are masked
     * first, then {@link #shortened}, so that a cut can never leave half a secret unrecognised.
     */
    public static String oneLine(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** A reason shortened to a readable length; call it after redacting. */
    public static String shortened(String text) {
        return text.length() > 500 ? text.substring(0, 497) + "..." : text;
    }
}
