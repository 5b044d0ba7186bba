package org.postpatch.cli.init;

/** The OpenAPI document given with --openapi cannot be used: missing, silent, too big, or not OpenAPI 3. */
public final class UnusableDocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnusableDocumentException(String message) {
        super(message);
    }
}
