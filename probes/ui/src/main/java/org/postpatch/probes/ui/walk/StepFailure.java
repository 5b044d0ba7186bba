package org.postpatch.probes.ui.walk;

import java.util.Optional;

/**
 * A step did not do what it should; the message says what was expected and what was found. When a
 * step acts on several fields, {@link #subject()} names the one that failed.
 */
final class StepFailure extends Exception {

    private final String subject;

    StepFailure(String reason) {
        this(null, reason);
    }

    StepFailure(String subject, String reason) {
        super(reason, null, false, false);
        this.subject = subject;
    }

    /** What the step was doing when it failed, such as {@code type into '#password'}, if not the whole step. */
    Optional<String> subject() {
        return Optional.ofNullable(subject);
    }
}
