package org.postpatch.fleet.model;

import java.util.List;

/**
 * Is it the patch or the node? A change's regressions among the targets that took it, against the
 * same probes' regressions on the targets of the same suites that did not take it.
 *
 * @param took             targets that took the change
 * @param judged           of those, targets where a run judged it
 * @param regressed        of those, targets where a probe REGRESSED after it
 * @param others           targets of the same suites that did not take it
 * @param othersRegressed  of those, targets where one of the same probes REGRESSED in the period
 * @param regressedTargets the targets that took it and regressed, as "suite/target"
 */
public record Attribution(Verdict verdict, int took, int judged, int regressed, int others, int othersRegressed,
                          List<String> regressedTargets) {

    /** What the counts say, most alarming first. */
    public enum Verdict {
        /** It regressed on (nearly) every target that took it, clearly more than on the others. */
        LIKELY_CAUSE,
        /** One target of several that took it regressed: the node, not the patch. */
        NODE_LOCAL,
        /** Regressions on both sides, or on some of those that took it. */
        INCONCLUSIVE,
        /** No run judged it yet. */
        UNVERIFIED,
        /** Judged, and nothing regressed. */
        VERIFIED
    }

    public Attribution {
        regressedTargets = List.copyOf(regressedTargets);
    }

    /** The verdict of these counts. */
    public static Attribution of(int took, int judged, int regressed, int others, int othersRegressed,
                                 List<String> regressedTargets) {
        Verdict verdict;
        if (regressed == 0) {
            verdict = judged == 0 ? Verdict.UNVERIFIED : Verdict.VERIFIED;
        } else if (regressed == 1 && took > 1) {
            verdict = Verdict.NODE_LOCAL;
        } else if (rate(regressed, took) > rate(othersRegressed, others) && regressed * 2 >= took) {
            verdict = Verdict.LIKELY_CAUSE;
        } else {
            verdict = Verdict.INCONCLUSIVE;
        }
        return new Attribution(verdict, took, judged, regressed, others, othersRegressed, regressedTargets);
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** The sentence operators read: "likely cause: REGRESSED on 3/3 targets that took it, 0/5 of those that did not". */
    public String text() {
        String comparison = "REGRESSED on " + regressed + "/" + targets(took) + " that took it, " + othersRegressed + "/"
                + others + " of those that did not";
        return switch (verdict) {
            case LIKELY_CAUSE -> "likely cause: " + comparison;
            case NODE_LOCAL -> "node-local: 1 of " + targets(took) + " that took it"
                    + (regressedTargets.isEmpty() ? "" : " (" + regressedTargets.get(0) + ")");
            case INCONCLUSIVE -> "inconclusive: " + comparison;
            case UNVERIFIED -> "unverified: no run judged it yet on the " + targets(took) + " that took it";
            case VERIFIED -> "verified: no regression on " + judged + "/" + targets(took) + " that took it"
                    + (judged < took ? " (" + (took - judged) + " not judged yet)" : "");
        };
    }

    private static String targets(int count) {
        return count + (count == 1 ? " target" : " targets");
    }
}
