package org.postpatch.report;

import java.util.Collection;
import org.postpatch.result.ProbeResult;

/** How many probes ended in each status. */
public record Counts(int passed, int failed, int blocked, int skipped) {

    public static Counts of(Collection<ProbeResult> probes) {
        int passed = 0;
        int failed = 0;
        int blocked = 0;
        int skipped = 0;
        for (ProbeResult probe : probes) {
            switch (probe.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case BLOCKED -> blocked++;
                case SKIPPED -> skipped++;
            }
        }
        return new Counts(passed, failed, blocked, skipped);
    }

    public int total() {
        return passed + failed + blocked + skipped;
    }

    @Override
    public String toString() {
        return passed + " passed, " + failed + " failed, " + blocked + " blocked, " + skipped + " skipped";
    }
}
