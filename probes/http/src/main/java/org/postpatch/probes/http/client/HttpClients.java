package org.postpatch.probes.http.client;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.postpatch.probes.http.spec.TlsSettings;

/**
 * The HTTP clients of one run, shared by all its {@code http} probes through
 * {@link org.postpatch.api.ProbeContext#shared}: one JDK {@link HttpClient} per distinct TLS setting
 * (usually just one), so connections are kept alive and reused across probes. HTTP/1.1, no
 * automatic redirects ({@link Exchange} follows them itself, never to another host).
 *
 * <p>Closing stops the clients (see {@link ClientShutdown}: on JDK 17 a client's selector thread
 * would otherwise delay the exit of a command-line run by about 0.3 s) and their worker threads.
 */
public final class HttpClients implements AutoCloseable {

    private final ExecutorService workers = Executors.newCachedThreadPool(daemonThreads());
    private final Map<TlsSettings, HttpClient> clients = new ConcurrentHashMap<>();
    private volatile HttpClient defaultTrust;

    /**
     * The client for these TLS settings, built on first use.
     *
     * @throws IllegalStateException when the trust store cannot be read
     */
    public HttpClient client(TlsSettings tls) {
        if (tls == TlsSettings.DEFAULT) {
            // Nearly every probe: skip hashing the settings on every request.
            HttpClient client = defaultTrust;
            if (client == null) {
                client = clients.computeIfAbsent(tls, this::build);
                defaultTrust = client;
            }
            return client;
        }
        return clients.computeIfAbsent(tls, this::build);
    }

    private HttpClient build(TlsSettings tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(workers);
        if (tls.equals(TlsSettings.DEFAULT)) {
            // The JVM's default TLS context, made only when a probe first connects over https.
            builder.sslContext(DefaultTlsOnDemand.CONTEXT).sslParameters(DefaultTlsOnDemand.parameters());
        } else {
            builder.sslContext(TlsContexts.of(tls));
        }
        return builder.build();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "postpatch-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        defaultTrust = null;
        clients.values().forEach(ClientShutdown::stop);
        clients.clear();
        workers.shutdownNow();
    }
}
