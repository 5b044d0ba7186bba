package org.postpatch.probes.http.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Turns what the HTTP client threw into the reason an operator reads, naming the host and port. */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /** The reason for a request to {@code uri} that failed with {@code failure}. */
    public static String describe(Throwable failure, URI uri) {
        Throwable top = unwrap(failure);
        String where = uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
        if (top instanceof HttpConnectTimeoutException) {
            return "cannot connect to " + where + ": no answer to the connection attempt";
        }
        if (top instanceof HttpTimeoutException) {
            return "no response from " + where + " in time";
        }
        if (find(top, UnresolvedAddressException.class) != null || find(top, UnknownHostException.class) != null) {
            return "cannot connect to " + where + ": unknown host " + uri.getHost();
        }
        ConnectException refused = find(top, ConnectException.class);
        if (refused != null) {
            return "cannot connect to " + where + ": " + message(refused, "Connection refused");
        }
        SSLHandshakeException handshake = find(top, SSLHandshakeException.class);
        if (handshake != null) {
            return "TLS handshake with " + where + " failed: " + handshake(rootMessage(handshake), uri.getHost());
        }
        SSLException tls = find(top, SSLException.class);
        if (tls != null) {
            return "TLS with " + where + " failed: " + rootMessage(tls);
        }
        if (top instanceof IOException) {
            return "request to " + where + " failed: " + rootMessage(top);
        }
        return "request to " + where + " failed: " + top.getClass().getSimpleName() + ": " + rootMessage(top);
    }

    private static String handshake(String message, String host) {
        if (message.contains("PKIX") || message.contains("certification path")) {
            return "the server's certificate is not trusted (give tls.trustStore, or tls.insecure: true to skip the check)";
        }
        if (message.contains("No subject alternative") || message.contains("No name matching")) {
            return "the server's certificate is not for " + host + " (" + message + ")";
        }
        if (message.contains("validity check failed") || message.contains("NotAfter")) {
            return "the server's certificate has expired (" + message + ")";
        }
        return message;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof ExecutionException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        String message = null;
        for (Throwable current = failure; current != null && current.getCause() != current; current = current.getCause()) {
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                message = current.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    private static String message(Throwable failure, String fallback) {
        String message = rootMessage(failure);
        return message.equals(failure.getClass().getSimpleName()) ? fallback : message;
    }
}
