package org.postpatch.engine;

import org.postpatch.model.ProbeDefinition;
import org.postpatch.model.Suite;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.SuiteResult;

/** Hears about a run as it happens: for the live console view and for collecting results. */
public interface ProbeObserver {

    /** Nobody listening. */
    ProbeObserver NONE = new ProbeObserver() {
    };

    default void suiteStarted(Suite suite) {
    }

    default void probeStarted(Suite suite, ProbeDefinition probe) {
    }

    /** Called once per probe, whatever its status, in the order probes finish. */
    default void probeFinished(ProbeResult result) {
    }

    default void suiteFinished(SuiteResult result) {
    }
}
