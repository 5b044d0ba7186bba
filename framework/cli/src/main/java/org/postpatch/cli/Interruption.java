package org.postpatch.cli;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C and SIGTERM end a run cleanly: the first signal interrupts the run (probes abandoned,
 * processes killed, partial reports written, exit code 3); a second one exits at once.
 */
final class Interruption {

    private Interruption() {
    }

    static void onSignal(Runnable interrupt) {
        AtomicInteger signals = new AtomicInteger();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (signals.incrementAndGet() > 1) {
                        Runtime.getRuntime().halt(ExitCodes.INCOMPLETE);
                    }
                    System.err.println("\npostpatch: interrupted (SIG" + name + "); stopping");
                    interrupt.run();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException notAvailable) {
                // Signal not available here (another OS); the JVM's default handling applies.
            }
        }
    }
}
