package org.postpatch.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WebServer} treats its clients: how long a request may take to arrive, how large it
 * may be, how many connections and handler threads there are. Immutable; start from
 * {@link #defaults} and change what differs with {@link #toBuilder()}.
 *
 * @param name               names the server's threads ({@code NAME-http}, {@code NAME-1}...)
 * @param handlerThreads     threads that run handlers on complete requests
 * @param maxConnections     open connections at most; at the limit a new one replaces the one that
 *                           has been waiting longest for its request
 * @param requestReadTimeout the time a request has from its first byte (or from the connection's
 *                           start) to its last, headers and body; then 408 and the connection closes
 * @param idleTimeout        how long a kept-alive connection may sit between requests
 * @param writeTimeout       how long a client may take to receive an answer
 * @param maxRequestLineBytes the longest request line (method, target, version); longer: 414
 * @param maxHeaderBytes     the largest header section, request line included; larger: 431
 * @param maxHeaderCount     the most header fields; more: 431
 * @param maxBodyBytes       the largest body ({@code Content-Length}); larger: 413
 */
public record ServerSettings(String name, int handlerThreads, int maxConnections, Duration requestReadTimeout,
                             Duration idleTimeout, Duration writeTimeout, int maxRequestLineBytes, int maxHeaderBytes,
                             int maxHeaderCount, int maxBodyBytes) {

    public ServerSettings {
        Objects.requireNonNull(name, "name");
        atLeast("handlerThreads", handlerThreads, 1);
        atLeast("maxConnections", maxConnections, 1);
        positive("requestReadTimeout", requestReadTimeout);
        positive("idleTimeout", idleTimeout);
        positive("writeTimeout", writeTimeout);
        atLeast("maxRequestLineBytes", maxRequestLineBytes, 16);
        atLeast("maxHeaderBytes", maxHeaderBytes, maxRequestLineBytes);
        atLeast("maxHeaderCount", maxHeaderCount, 1);
        atLeast("maxBodyBytes", maxBodyBytes, 0);
    }

    /**
     * Four handler threads, 512 connections, 10 s to send a request, 30 s idle between requests,
     * 30 s to receive an answer; request line 8 KiB, header section 16 KiB and 100 fields, body 64 KiB.
     */
    public static ServerSettings defaults(String name) {
        return new ServerSettings(name, 4, 512, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30),
                8 * 1024, 16 * 1024, 100, 64 * 1024);
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void atLeast(String what, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(what + " must be at least " + minimum + ", was " + value);
        }
    }

    private static void positive(String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, was " + value);
        }
    }

    /** Changes some settings; {@link #build()} checks them all. */
    public static final class Builder {
        private String name;
        private int handlerThreads;
        private int maxConnections;
        private Duration requestReadTimeout;
        private Duration idleTimeout;
        private Duration writeTimeout;
        private int maxRequestLineBytes;
        private int maxHeaderBytes;
        private int maxHeaderCount;
        private int maxBodyBytes;

        private Builder(ServerSettings from) {
            name = from.name;
            handlerThreads = from.handlerThreads;
            maxConnections = from.maxConnections;
            requestReadTimeout = from.requestReadTimeout;
            idleTimeout = from.idleTimeout;
            writeTimeout = from.writeTimeout;
            maxRequestLineBytes = from.maxRequestLineBytes;
            maxHeaderBytes = from.maxHeaderBytes;
            maxHeaderCount = from.maxHeaderCount;
            maxBodyBytes = from.maxBodyBytes;
        }

        public Builder handlerThreads(int value) {
            handlerThreads = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public Builder requestReadTimeout(Duration value) {
            requestReadTimeout = value;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        public Builder writeTimeout(Duration value) {
            writeTimeout = value;
            return this;
        }

        public Builder maxRequestLineBytes(int value) {
            maxRequestLineBytes = value;
            return this;
        }

        public Builder maxHeaderBytes(int value) {
            maxHeaderBytes = value;
            return this;
        }

        public Builder maxHeaderCount(int value) {
            maxHeaderCount = value;
            return this;
        }

        public Builder maxBodyBytes(int value) {
            maxBodyBytes = value;
            return this;
        }

        public ServerSettings build() {
            return new ServerSettings(name, handlerThreads, maxConnections, requestReadTimeout, idleTimeout, writeTimeout,
                    maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes);
        }
    }
}
