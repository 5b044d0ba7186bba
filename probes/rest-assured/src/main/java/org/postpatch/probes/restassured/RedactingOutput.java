package org.postpatch.probes.restassured;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where REST Assured's request and response logs go: line by line through postpatch's redaction
 * (registered secrets, URL passwords, Authorization and Cookie values), then to the process's
 * standard output as it is at that moment.
 */
final class RedactingOutput extends OutputStream {

    private final UnaryOperator<String> redact;
    private final Supplier<PrintStream> target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private RedactingOutput(UnaryOperator<String> redact, Supplier<PrintStream> target) {
        this.redact = redact;
        this.target = target;
    }

    /** A print stream for REST Assured's {@code LogConfig} that redacts every line it prints. */
    static PrintStream toStandardOutput(UnaryOperator<String> redact) {
        return new PrintStream(new RedactingOutput(redact, () -> System.out), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            flushLine();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** Writes out a partial line only when the stream is closed: a secret must not be cut in two. */
    @Override
    public synchronized void close() {
        flushLine();
    }

    private void flushLine() {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        PrintStream out = target.get();
        out.print(redact.apply(text));
        out.flush();
    }
}
