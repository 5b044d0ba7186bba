package org.postpatch.cli;

import org.postpatch.result.RunResult;
import org.postpatch.result.Verdict;

/** The one place where outcomes become exit codes. */
public final class ExitCodes {

    /** The run passed, warnings allowed. */
    public static final int PASS = 0;
    /** The run failed: a critical probe failed (or, with --fail-on-warn, a warning). */
    public static final int FAIL = 1;
    /** Bad input: unreadable or invalid probe file, bad option. */
    public static final int BAD_INPUT = 2;
    /** Could not complete: internal error, interrupted. */
    public static final int INCOMPLETE = 3;

    private ExitCodes() {
    }

    public static int of(RunResult run, boolean failOnWarn) {
        return of(run, run.verdict(), failOnWarn);
    }

    /** The exit code of a run whose verdict was judged otherwise (verify, against its baseline). */
    public static int of(RunResult run, Verdict verdict, boolean failOnWarn) {
        if (run.interrupted()) {
            return INCOMPLETE;
        }
        if (verdict == Verdict.FAIL || (verdict == Verdict.WARN && failOnWarn)) {
            return FAIL;
        }
        return PASS;
    }
}
