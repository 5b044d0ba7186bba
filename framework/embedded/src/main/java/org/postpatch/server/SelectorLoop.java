package org.postpatch.server;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The server's one I/O thread: accepts, reads requests without blocking, enforces the deadlines,
 * and writes the answers the handler threads hand back. Every connection's state is touched here
 * only.
 */
final class SelectorLoop implements Runnable {

    private static final System.Logger LOG = System.getLogger("org.postpatch");
    /** How long a closing connection may go on sending before it is closed anyway. */
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** An answer from a handler thread, for the selector thread to finish writing (often it is written already). */
    private record Answer(Connection connection, ByteBuffer bytes, Connection.AfterWrite afterWrite) {
    }

    private final ServerSettings settings;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final BiConsumer<Connection, RequestReader.Parsed> dispatch;
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final OpenConnections connections = new OpenConnections();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(16 * 1024);
    private final long tickMillis;
    private volatile boolean running = true;
    private Thread thread;
    /** Set while accepting fails (out of file descriptors): accepting pauses until the next sweep. */
    private boolean acceptPaused;

    SelectorLoop(ServerSettings settings, ServerSocketChannel listener, Selector selector,
                 BiConsumer<Connection, RequestReader.Parsed> dispatch) {
        this.settings = settings;
        this.listener = listener;
        this.selector = selector;
        this.dispatch = dispatch;
        long shortest = Math.min(settings.requestReadTimeout().toMillis(),
                Math.min(settings.idleTimeout().toMillis(), settings.writeTimeout().toMillis()));
        // Deadlines are checked a few times per shortest timeout: a client gets its time, give or take 10%.
        this.tickMillis = Math.max(20, Math.min(500, shortest / 10));
    }

    /** Starts the loop on its own daemon thread. */
    void start(String threadName) {
        thread = new Thread(this, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Writes what the socket takes of an answer at once, from the calling (handler) thread, and hands
     * the rest and what follows to the selector thread. The calling thread may touch the channel: while
     * its request is with a handler, the selector thread leaves a connection alone. Writing here saves
     * the answer a hand-off to the selector thread before it leaves.
     */
    void answer(Connection connection, byte[] bytes, Connection.AfterWrite afterWrite) {
        ByteBuffer answer = ByteBuffer.wrap(bytes);
        try {
            while (answer.hasRemaining() && connection.channel.write(answer) > 0) {
                // the socket took some; try for the rest
            }
        } catch (IOException | RuntimeException gone) {
            // The selector thread's own write fails the same way and closes the connection.
        }
        answers.add(new Answer(connection, answer, afterWrite));
        try {
            selector.wakeup();
        } catch (RuntimeException closed) {
            // The server stopped; the answer is dropped with the connection.
        }
    }

    /** Stops the loop and waits (a few seconds at most) until it has closed every connection and the port. */
    void stop() {
        running = false;
        selector.wakeup();
        if (thread != Thread.currentThread()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        long lastSweep = System.nanoTime();
        try {
            while (running) {
                // With no connection and accepting, nothing can expire: sleep until a client comes (or
                // stop() wakes it), so that an idle endpoint costs no CPU at all.
                selector.select(connections.size() == 0 && !acceptPaused ? 0 : tickMillis);
                long now = System.nanoTime();
                for (Answer answer; (answer = answers.poll()) != null; ) {
                    if (answer.connection().state == Connection.State.HANDLING) {
                        startWriting(answer.connection(), answer.bytes(), answer.afterWrite(), now);
                    }
                }
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    if (key.isValid() && key.isAcceptable()) {
                        accept(now);
                    } else if (key.isValid()) {
                        serve((Connection) key.attachment(), key, now);
                    }
                }
                if (now - lastSweep >= TimeUnit.MILLISECONDS.toNanos(tickMillis)) {
                    lastSweep = now;
                    sweep(now);
                }
            }
        } catch (IOException | RuntimeException | Error broken) {
            LOG.log(System.Logger.Level.ERROR, "postpatch: the HTTP server " + settings.name() + " stopped", broken);
        } finally {
            connections.all().forEach(this::close);
            closeQuietly(listener);
            closeQuietly(selector);
        }
    }

    private void serve(Connection connection, SelectionKey key, long now) {
        try {
            if (key.isReadable()) {
                read(connection, now);
            }
            if (key.isValid() && key.isWritable() && connection.state == Connection.State.WRITING) {
                write(connection, now);
            }
        } catch (IOException | RuntimeException gone) {
            close(connection); // the client reset the connection, or went away
        }
    }

    private void accept(long now) {
        SocketChannel channel;
        while ((channel = acceptOne()) != null) {
            if (connections.size() >= settings.maxConnections() && !dropLongestWaiting()) {
                closeQuietly(channel); // every connection has a request being answered: no room
                continue;
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                Connection connection = new Connection(channel, key, settings, now);
                key.attach(connection);
                connections.add(connection);
            } catch (IOException gone) {
                closeQuietly(channel);
            }
        }
    }

    private SocketChannel acceptOne() {
        try {
            return listener.accept();
        } catch (IOException outOfDescriptors) {
            if (!acceptPaused) {
                LOG.log(System.Logger.Level.WARNING, "postpatch: the HTTP server " + settings.name()
                        + " cannot accept connections: " + outOfDescriptors.getMessage());
            }
            acceptPaused = true;
            listener.keyFor(selector).interestOps(0); // else the selector reports the same failure in a busy loop
            return null;
        }
    }

    /** At the limit, the connection that has waited longest for its request makes room for a new one. */
    private boolean dropLongestWaiting() {
        Connection oldest = connections.longestWaiting();
        if (oldest != null) {
            close(oldest);
        }
        return oldest != null;
    }

    private void read(Connection connection, long now) throws IOException {
        readBuffer.clear();
        int read = connection.channel.read(readBuffer);
        if (read < 0) {
            close(connection);
            return;
        }
        if (read == 0 || connection.state == Connection.State.CLOSING) {
            return; // a closing connection's bytes are drained and dropped
        }
        readBuffer.flip();
        if (!connection.reader.hasBytes()) {
            connection.deadline = now + settings.requestReadTimeout().toNanos(); // counted from a request's first byte
        }
        connection.reader.append(readBuffer);
        takeRequest(connection, now);
    }

    /** Hands a complete request to a handler, or answers 100 Continue, or refuses a bad request. */
    private void takeRequest(Connection connection, long now) {
        try {
            RequestReader.Parsed parsed = connection.reader.poll();
            if (parsed != null) {
                connection.state = Connection.State.HANDLING;
                connection.key.interestOps(0);
                dispatch.accept(connection, parsed);
            } else if (connection.reader.takeContinue()) {
                startWriting(connection, ByteBuffer.wrap(ResponseEncoder.CONTINUE), Connection.AfterWrite.GO_ON_READING, now);
            }
        } catch (RequestRefused refused) {
            startWriting(connection, ByteBuffer.wrap(ResponseEncoder.refusal(refused.status(), refused.getMessage())),
                    Connection.AfterWrite.CLOSE, now);
        }
    }

    private void startWriting(Connection connection, ByteBuffer bytes, Connection.AfterWrite afterWrite, long now) {
        connection.state = Connection.State.WRITING;
        connection.output = bytes;
        connection.afterWrite = afterWrite;
        if (afterWrite != Connection.AfterWrite.GO_ON_READING) {
            connection.deadline = now + settings.writeTimeout().toNanos(); // else the request's deadline goes on
        }
        try {
            write(connection, now);
        } catch (IOException | RuntimeException gone) {
            close(connection);
        }
    }

    private void write(Connection connection, long now) throws IOException {
        while (connection.output.hasRemaining()) {
            if (connection.channel.write(connection.output) == 0) {
                connection.key.interestOps(SelectionKey.OP_WRITE); // the client reads slowly: wait until it can take more
                return;
            }
        }
        connection.output = null;
        switch (connection.afterWrite) {
            case CLOSE -> {
                connection.state = Connection.State.CLOSING;
                connection.deadline = now + LINGER_NANOS;
                connection.key.interestOps(SelectionKey.OP_READ);
                connection.channel.shutdownOutput();
            }
            case GO_ON_READING -> {
                connection.state = Connection.State.READING;
                connection.key.interestOps(SelectionKey.OP_READ);
            }
            case NEXT_REQUEST -> {
                connection.state = Connection.State.READING;
                connection.waitingSince = now;
                connection.key.interestOps(SelectionKey.OP_READ);
                if (connection.reader.hasBytes()) {
                    connection.deadline = now + settings.requestReadTimeout().toNanos();
                    takeRequest(connection, now); // the client sent its next request already (pipelining)
                } else {
                    connection.deadline = now + settings.idleTimeout().toNanos();
                }
            }
        }
    }

    /** Ends what is past its deadline: a request not complete in time gets 408; the rest just closes. */
    private void sweep(long now) {
        if (acceptPaused) {
            acceptPaused = false;
            listener.keyFor(selector).interestOps(SelectionKey.OP_ACCEPT);
        }
        for (Connection connection : connections.expired(now)) {
            if (connection.state == Connection.State.READING && connection.reader.hasBytes()) {
                startWriting(connection, ByteBuffer.wrap(ResponseEncoder.refusal(408, "the request was not complete within "
                        + settings.requestReadTimeout().toMillis() + " ms")), Connection.AfterWrite.CLOSE, now);
            } else {
                close(connection);
            }
        }
    }

    private void close(Connection connection) {
        connection.state = Connection.State.CLOSED;
        connections.remove(connection);
        connection.key.cancel();
        closeQuietly(connection.channel);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Closing; there is nothing left to tell the client.
        }
    }
}
