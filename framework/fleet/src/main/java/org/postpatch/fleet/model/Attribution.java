package org.postpatch.fleet.model;

import java.util.List;

/**
 * Is it the patch or the node? Among the targets that took a change, those where a probe REGRESSED
 * right after it; and for the probe whose regressions follow the change most closely, how many of
 * the targets that took the change it regressed on, against how many of the targets of the same
 * suites that did not take it (in the whole period).
 *
 * @param took             targets that took the change
 * @param judged           of those, targets where a run judged it
 * @param regressed        of those, targets where any probe REGRESSED in the run that judged it
 * @param probe            the probe the comparison is about ("checkout", or "suite/checkout" across suites);
 *                         null when nothing regressed
 * @param probeRegressed   targets that took the change where that probe regressed
 * @param others           targets of the same suites that did not take the change
 * @param othersRegressed  of those, targets where that probe regressed in the period
 * @param regressedTargets the targets that took it and regressed, as "suite/target"
 */
public record Attribution(Verdict verdict, int took, int judged, int regressed, String probe, int probeRegressed,
                          int others, int othersRegressed, List<String> regressedTargets) {

    /** What the counts say, most alarming first. */
    public enum Verdict {
        /** A probe regressed on (nearly) every target that took it, clearly more than on the others. */
        LIKELY_CAUSE,
        /** One target of several that took it regressed: the node, not the patch. */
        NODE_LOCAL,
        /** Regressions on both sides, or on some of those that took it only. */
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
    public static Attribution of(int took, int judged, List<String> regressedTargets, String probe, int probeRegressed,
                                 int others, int othersRegressed) {
        int regressed = regressedTargets.size();
        Verdict verdict;
        if (regressed == 0) {
            verdict = judged == 0 ? Verdict.UNVERIFIED : Verdict.VERIFIED;
        } else if (regressed == 1 && took > 1) {
            verdict = Verdict.NODE_LOCAL;
        } else if (rate(probeRegressed, took) > rate(othersRegressed, others) && probeRegressed * 2 >= took) {
            verdict = Verdict.LIKELY_CAUSE;
        } else {
            verdict = Verdict.INCONCLUSIVE;
        }
        return new Attribution(verdict, took, judged, regressed, probe, probeRegressed, others, othersRegressed,
                regressedTargets);
    }

    static double rate(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /**
     * The sentence operators read: "likely cause: checkout REGRESSED on 3/3 targets that took it, 0/5 of
     * those that did not", "node-local: 1 of 4 targets that took it (orders/node-3)".
     */
    public String text() {
        String comparison = probe + " REGRESSED on " + probeRegressed + "/" + targets(took) + " that took it, "
                + othersRegressed + "/" + others + " of those that did not";
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
