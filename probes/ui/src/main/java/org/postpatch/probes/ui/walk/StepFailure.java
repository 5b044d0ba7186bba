package org.postpatch.probes.ui.walk;

import java.util.Optional;

/**
 * A step did not do what it should; the message says what was expected and what was found. When a
 * step acts on several fields, {@link #subject()} names the one that failed.
 */
final class StepFailure extends Exception {

    private final String subject;
    private final boolean late;

    StepFailure(String reason) {
        this(null, reason);
    }

    StepFailure(String subject, String reason) {
        this(subject, reason, false);
    }

    private StepFailure(String subject, String reason, boolean late) {
        super(reason, null, false, false);
        this.subject = subject;
        this.late = late;
    }

    /** A page that did not load in time: a miss of time only, measured again warm right after a restart. */
    static StepFailure late(String subject, String reason) {
        return new StepFailure(subject, reason, true);
    }

    boolean isLate() {
        return late;
    }

    /** What the step was doing when it failed, such as {@code type into '#password'}, if not the whole step. */
    Optional<String> subject() {
        return Optional.ofNullable(subject);
    }
}
