package org.postpatch.probes.ui.browser;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last line of defence: when the JVM exits with browsers still running (a run that was not
 * closed, a kill signal to an embedding application), they are killed on the way out. Runs that end
 * normally have stopped their browsers long before.
 */
final class ShutdownGuard {

    private static final Set<Session> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(ShutdownGuard::killAll, "postpatch-browser-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private ShutdownGuard() {
    }

    static void watch(Session session) {
        RUNNING.add(session);
    }

    static void forget(Session session) {
        RUNNING.remove(session);
    }

    private static void killAll() {
        for (Session session : List.copyOf(RUNNING)) {
            try {
                session.kill();
            } catch (RuntimeException ignored) {
                // exiting anyway; kill what can be killed
            }
        }
    }
}
