package org.postpatch.cli;

import java.util.concurrent.atomic.AtomicInteger;
import org.postpatch.probes.system.process.ProcessTree;
import sun.misc.Signal;

/**
 * Ctrl-C and SIGTERM end a run cleanly: the first signal interrupts the run (probes abandoned,
 * processes killed, partial reports written, exit code 3); a second one kills whatever processes
 * the run started and exits at once.
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
                        // At once, but not leaving the commands of abandoned probes running: the
                        // first signal's clean-up may not have reached them yet.
                        ProcessTree.destroyEverythingStarted();
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
