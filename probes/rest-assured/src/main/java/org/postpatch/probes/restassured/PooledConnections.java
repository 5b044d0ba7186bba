package org.postpatch.probes.restassured;

import java.io.IOException;
import org.apache.http.HttpConnection;
import org.apache.http.client.HttpClient;
import org.apache.http.client.params.ClientPNames;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.impl.conn.PoolingClientConnectionManager;
import org.apache.http.params.CoreConnectionPNames;
import org.apache.http.protocol.ExecutionContext;
import org.postpatch.api.ProbeContext;

/**
 * The HTTP connections of one run: one pool, shared by every Java probe of the run and closed when the
 * run ends, so requests to the same host reuse kept-alive connections instead of opening one each.
 *
 * <p>REST Assured makes a new client for every request unless told to reuse one, and a reused client
 * would share its timeouts between probes running at the same time. So each request gets its own
 * light client, with the time left in its attempt as timeouts, on top of the shared pool. The deprecated
 * Apache HttpClient 4 classes are the ones REST Assured 6 still requires ({@code AbstractHttpClient}).
 */
@SuppressWarnings("deprecation")
final class PooledConnections implements AutoCloseable {

    /** Probes of a run talk to few hosts, with at most the run's parallelism at a time. */
    private static final int PER_HOST = 16;
    private static final int IN_ALL = 64;

    private final PoolingClientConnectionManager pool = new PoolingClientConnectionManager();

    PooledConnections() {
        pool.setDefaultMaxPerRoute(PER_HOST);
        pool.setMaxTotal(IN_ALL);
    }

    /**
     * A client for one request of one attempt: it may wait for a pooled connection, connect and read
     * for no longer than the attempt has left, and if the attempt is abandoned its connection is shut
     * down, which ends a read that is stuck on a server that does not answer.
     */
    HttpClient clientFor(ProbeContext context) {
        DefaultHttpClient client = new DefaultHttpClient(pool);
        // postpatch retries by the probe's retry policy; a hidden retry would also resend an abandoned request.
        client.setHttpRequestRetryHandler(new DefaultHttpRequestRetryHandler(0, false));
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, context.remaining().toMillis()));
        client.getParams()
                .setIntParameter(CoreConnectionPNames.CONNECTION_TIMEOUT, millis)
                .setIntParameter(CoreConnectionPNames.SO_TIMEOUT, millis)
                .setLongParameter(ClientPNames.CONN_MANAGER_TIMEOUT, millis);
        client.addRequestInterceptor((request, httpContext) -> {
            if (httpContext.getAttribute(ExecutionContext.HTTP_CONNECTION) instanceof HttpConnection connection) {
                // Once the request is done the connection is back in the pool and this does nothing.
                context.onCancel(() -> shutDown(connection));
            }
        });
        return client;
    }

    private static void shutDown(HttpConnection connection) {
        try {
            connection.shutdown();
        } catch (IOException alreadyBroken) {
            // The connection is unusable either way.
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
