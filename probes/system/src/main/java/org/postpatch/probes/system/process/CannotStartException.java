package org.postpatch.probes.system.process;

import java.io.IOException;

/** A process could not be started; the message is the operator's reason, like {@code cannot run 'foo': No such file or directory}. */
public final class CannotStartException extends IOException {

    private static final long serialVersionUID = 1L;

    public CannotStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
