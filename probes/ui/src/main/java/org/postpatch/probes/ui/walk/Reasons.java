package org.postpatch.probes.ui.walk;

import java.net.SocketTimeoutException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;

/** Turns a WebDriver exception into the short reason an operator reads, without Selenium's build and session lines. */
final class Reasons {

    private Reasons() {
    }

    static String of(WebDriverException failure) {
        String raw = failure.getRawMessage();
        String line = firstLine(raw);
        if (!line.isEmpty() && !line.startsWith("java.")) {
            return line;
        }
        Throwable cause = failure.getCause();
        if (cause != null && cause.getMessage() != null) {
            return cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
        }
        return line.isEmpty() ? failure.getClass().getSimpleName() : line;
    }

    /** True when the browser gave up waiting for a page (Chromium's page-load timeout, HtmlUnit's read timeout). */
    static boolean isPageTimeout(WebDriverException failure) {
        if (failure instanceof TimeoutException) {
            return true;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        return text.strip().lines().findFirst().orElse("").strip();
    }
}
