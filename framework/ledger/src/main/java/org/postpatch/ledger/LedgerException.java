package org.postpatch.ledger;

/** The ledger could not be opened, read or written; the message says which ledger and why. */
public final class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    public LedgerException(String message) {
        super(message);
    }
}
