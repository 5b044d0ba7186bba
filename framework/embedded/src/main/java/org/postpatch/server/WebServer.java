package org.postpatch.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server that slow or stalled clients cannot silence: one selector thread reads
 * every connection without blocking — request line, headers and a bounded body, each within a
 * deadline and a size limit ({@link ServerSettings}) — and only a complete request reaches the small
 * handler pool. A client that sends one byte and stops, or trickles a request a byte at a time, holds
 * a socket until its deadline (then 408 and the connection closes), never a thread.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver} server: it hands each new connection to a
 * handler thread that reads the request with no deadline, so four idle connections stall its four
 * threads for as long as the clients like. Why not a full server (Jetty, Netty, Undertow): this
 * server is embedded in applications that often ship their own copy of one in another version; a few
 * hundred lines of our own, tested over real sockets, are cheaper than shading megabytes.
 *
 * <p>What it does not do: TLS, HTTP/2, chunked request bodies (411), response streaming.
 * Answers are written whole, with {@code Content-Length}, {@code TCP_NODELAY} set (no Nagle delay on
 * kept-alive connections).
 */
public final class WebServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("org.postpatch");

    private final ServerSettings settings;
    private final Handler handler;
    private final ServerSocketChannel listener;
    private final ExecutorService handlers;
    private final SelectorLoop loop;

    private WebServer(ServerSettings settings, Handler handler, ServerSocketChannel listener, Selector selector) {
        this.settings = settings;
        this.handler = handler;
        this.listener = listener;
        AtomicInteger threads = new AtomicInteger();
        this.handlers = new ThreadPoolExecutor(settings.handlerThreads(), settings.handlerThreads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> daemon(task, settings.name() + "-" + threads.incrementAndGet()));
        this.loop = new SelectorLoop(settings, listener, selector, this::dispatch);
    }

    /**
     * Listens at this address (port 0 picks a free one) and serves every request with this handler.
     *
     * @throws IOException when the address cannot be bound (in use, not on this host)
     */
    public static WebServer start(InetSocketAddress address, ServerSettings settings, Handler handler) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(handler, "handler");
        ServerSocketChannel listener = ServerSocketChannel.open();
        Selector selector = null;
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(address, 128);
            listener.configureBlocking(false);
            selector = Selector.open();
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            listener.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        WebServer server = new WebServer(settings, handler, listener, selector);
        server.loop.start(settings.name() + "-http");
        return server;
    }

    /** The address the server listens on. */
    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException closed) {
            throw new IllegalStateException("the server is closed", closed);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return address().getPort();
    }

    /** Stops listening, closes every connection and stops the threads; answers still pending are dropped. */
    @Override
    public void close() {
        loop.stop();
        handlers.shutdownNow();
    }

    /** Runs the handler for a complete request on the pool; its answer goes back to the selector thread. */
    private void dispatch(Connection connection, RequestReader.Parsed parsed) {
        try {
            handlers.execute(() -> answer(connection, parsed, handle(parsed.request())));
        } catch (RejectedExecutionException closing) {
            loop.answer(connection, ResponseEncoder.refusal(503, "the server is stopping"), Connection.AfterWrite.CLOSE);
        }
    }

    private Response handle(Request request) {
        try {
            Response response = handler.handle(request);
            return response != null ? response : failed(request, new IllegalStateException("the handler answered null"));
        } catch (Exception | LinkageError | AssertionError e) {
            return failed(request, e);
        }
    }

    private void answer(Connection connection, RequestReader.Parsed parsed, Response response) {
        if (response.deferred().isPresent()) {
            CompletionStage<Response> later = response.deferred().get();
            later.whenComplete((finished, failure) -> answer(connection, parsed,
                    finished != null ? finished : failed(parsed.request(), failure)));
            return;
        }
        byte[] bytes = ResponseEncoder.encode(response, parsed.head(), !parsed.keepAlive());
        loop.answer(connection, bytes, parsed.keepAlive() ? Connection.AfterWrite.NEXT_REQUEST : Connection.AfterWrite.CLOSE);
    }

    /** The 500 answer for a handler that failed; why goes to the log, not to the client. */
    static Response failed(Request request, Throwable failure) {
        LOG.log(System.Logger.Level.WARNING, "postpatch: answering " + request + " failed", failure);
        return Response.text(500, "the server could not answer this request; its log says why\n");
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public String toString() {
        return "WebServer[" + settings.name() + " on " + (listener.isOpen() ? address() : "closed") + "]";
    }
}
