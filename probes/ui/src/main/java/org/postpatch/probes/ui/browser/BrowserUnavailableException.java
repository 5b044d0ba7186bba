package org.postpatch.probes.ui.browser;

/** The browser could not be had: not installed, did not start in time, or busy for too long. The message says which. */
public final class BrowserUnavailableException extends Exception {

    public BrowserUnavailableException(String message) {
        super(message);
    }

    public BrowserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
