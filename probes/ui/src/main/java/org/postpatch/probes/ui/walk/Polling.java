package org.postpatch.probes.ui.walk;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Looks again and again, every 100 ms, until something holds or the bound is reached. Looks at least once. */
final class Polling {

    private static final Duration EVERY = Duration.ofMillis(100);
    private static final Duration AT_LEAST = Duration.ofMillis(1);

    private Polling() {
    }

    /** True when {@code holds} returned true within {@code bound}. */
    static boolean until(Duration bound, Callable<Boolean> holds) {
        try {
            Awaitility.with()
                    .dontCatchUncaughtExceptions() // never touch the JVM's default uncaught-exception handler
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(EVERY)
                    .atMost(bound.compareTo(AT_LEAST) < 0 ? AT_LEAST : bound)
                    .until(holds);
            return true;
        } catch (ConditionTimeoutException gaveUp) {
            return false;
        }
    }
}
