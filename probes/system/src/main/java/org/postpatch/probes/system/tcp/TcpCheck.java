package org.postpatch.probes.system.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.config.Durations;
import org.postpatch.probes.system.text.Excerpts;
import org.postpatch.spi.Check;

/** One attempt of a {@code tcp} probe: connect, then read the banner when one is expected. */
record TcpCheck(String host, int port, BannerExpectation banner) implements Check {

    /** A banner is a greeting line or two; more is not a banner. */
    private static final int MAX_BANNER_BYTES = 4096;

    /**
     * Kept back from the attempt's remaining time for connect and read timeouts, so that a server that
     * does not answer is reported with this probe's own reason rather than the generic "timed out".
     */
    private static final Duration MARGIN = Duration.ofMillis(100);

    /** Once a server has started talking, a pause this long means its banner is complete. */
    private static final Duration QUIET = Duration.ofMillis(500);

    @Override
    public Outcome run(ProbeContext context) throws IOException {
        String address = host + ":" + port;
        try (Socket socket = new Socket()) {
            context.onCancel(() -> closeQuietly(socket));
            Duration connectTimeout = usable(context.remaining());
            long start = System.nanoTime();
            try {
                socket.connect(new InetSocketAddress(host, port), millis(connectTimeout));
            } catch (IOException refused) {
                return Outcome.failed(whyNotConnected(address, refused, connectTimeout));
            }
            Duration connectTime = Duration.ofNanos(System.nanoTime() - start);
            Outcome connected = Outcome.passed("connected to " + address + " in " + Durations.format(connectTime))
                    .withDetail("address", String.valueOf(socket.getRemoteSocketAddress()))
                    .withDetail("connectMs", connectTime.toMillis());
            if (banner.isNone()) {
                return connected;
            }
            return checkBanner(socket, address, usable(context.remaining()), context)
                    .withDetail("address", String.valueOf(socket.getRemoteSocketAddress()))
                    .withDetail("connectMs", connectTime.toMillis());
        }
    }

    private Outcome checkBanner(Socket socket, String address, Duration readTimeout, ProbeContext context)
            throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[512];
        long deadline = System.nanoTime() + readTimeout.toNanos();
        try {
            while (received.size() < MAX_BANNER_BYTES && !banner.isMetBy(text(received))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("no more within the time");
                }
                if (received.size() > 0) {
                    left = Math.min(left, QUIET.toNanos());
                }
                socket.setSoTimeout(Math.max(1, (int) Math.min(Integer.MAX_VALUE, left / 1_000_000)));
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                received.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException silent) {
            if (received.size() == 0) {
                return Outcome.failed("no banner from " + address + " within " + Durations.format(readTimeout));
            }
        } catch (IOException lost) {
            if (received.size() == 0) {
                return Outcome.failed("lost the connection to " + address + " before a banner arrived: " + lost.getMessage());
            }
        }
        String text = text(received);
        String quoted = "'" + Excerpts.of(text, context::redact) + "'";
        if (banner.isMetBy(text)) {
            return Outcome.passed("connected to " + address + "; banner " + quoted).withDetail("banner", quoted);
        }
        if (text.isEmpty()) {
            return Outcome.failed(address + " closed the connection without sending a banner; expected " + banner.describe());
        }
        return Outcome.failed("expected " + banner.describe() + " but received " + quoted).withDetail("banner", quoted);
    }

    private String whyNotConnected(String address, IOException failure, Duration timeout) {
        if (failure instanceof SocketTimeoutException) {
            return "cannot connect to " + address + " within " + Durations.format(timeout);
        }
        if (failure instanceof UnknownHostException) {
            return "cannot connect to " + address + ": unknown host '" + host + "'";
        }
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return "cannot connect to " + address + ": " + reason;
        }
        return "cannot connect to " + address + ": " + failure.getClass().getSimpleName() + ": " + reason;
    }

    private static String text(ByteArrayOutputStream received) {
        return received.toString(StandardCharsets.UTF_8);
    }

    private static Duration usable(Duration remaining) {
        Duration usable = remaining.minus(MARGIN);
        return usable.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : usable;
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyBroken) {
            // Closing is what was wanted; a socket that fails to close is closed enough.
        }
    }
}
