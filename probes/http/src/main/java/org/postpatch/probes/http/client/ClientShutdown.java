package org.postpatch.probes.http.client;

import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops a JDK {@link HttpClient} for good. JDK 21 has {@code shutdownNow()}; JDK 17 has nothing, and
 * the client's selector thread waits in native code, which makes the JVM's exit wait about 0.3 s for
 * it (measured: a process that used a client takes 0.32 s from its last output to exit, 0.01 s when
 * the thread has ended). On 17 the client's own selector thread is interrupted: it treats that as
 * the order to shut down, closing the client's connections. Only the threads of clients built here
 * are touched, never those of an application's own clients.
 */
final class ClientShutdown {

    /** {@code HttpClientImpl.toString()} ends with the client's id, which names its selector thread. */
    private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");
    private static final long JOIN_MILLIS = 200;

    private ClientShutdown() {
    }

    static void stop(HttpClient client) {
        if (shutdownNow(client)) {
            return;
        }
        Matcher id = CLIENT_ID.matcher(client.toString());
        if (!id.find()) {
            return;
        }
        Thread selector = find("HttpClient-" + id.group(1) + "-SelectorManager");
        if (selector == null) {
            return;
        }
        selector.interrupt();
        try {
            selector.join(JOIN_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** JDK 21 and later: the public {@code shutdownNow()}. */
    private static boolean shutdownNow(HttpClient client) {
        try {
            Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
            shutdownNow.invoke(client);
            return true;
        } catch (NoSuchMethodException olderJdk) {
            return false;
        } catch (ReflectiveOperationException | RuntimeException failed) {
            return false;
        }
    }

    private static Thread find(String name) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (threads[i].getName().equals(name) && threads[i].getClass().getName().endsWith("$SelectorManager")) {
                return threads[i];
            }
        }
        return null;
    }
}
