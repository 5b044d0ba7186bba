package org.postpatch.result;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import org.postpatch.api.ProbeStatus;
import org.postpatch.api.Severity;

/** The answer of a run: PASS, WARN (only warning probes failed) or FAIL. */
public enum Verdict {
    PASS,
    WARN,
    FAIL;

    /** The verdict over probe results: a critical probe that failed or was blocked fails the run. */
    public static Verdict of(Collection<ProbeResult> probes) {
        Verdict verdict = PASS;
        for (ProbeResult probe : probes) {
            if (probe.status() == ProbeStatus.FAILED || probe.status() == ProbeStatus.BLOCKED) {
                if (probe.severity() == Severity.CRITICAL) {
                    return FAIL;
                }
                verdict = WARN;
            }
        }
        return verdict;
    }

    /**
     * The verdict a text names, as recorded in a report or the ledger; empty for a name this version
     * does not know (written by a newer postpatch, say), so that a reader can show it as it is.
     */
    public static Optional<Verdict> named(String name) {
        return Arrays.stream(values()).filter(verdict -> verdict.name().equals(name)).findFirst();
    }

    /** The worse of two verdicts. */
    public Verdict and(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
