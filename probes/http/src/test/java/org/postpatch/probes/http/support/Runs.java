package org.postpatch.probes.http.support;

import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;

/** Finding one probe's result in a run. */
public final class Runs {

    private Runs() {
    }

    public static ProbeResult probe(RunResult run, String id) {
        return run.probes().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no probe '" + id + "' in " + run.probes()));
    }
}
