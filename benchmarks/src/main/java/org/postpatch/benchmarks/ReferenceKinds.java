package org.postpatch.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.postpatch.api.Outcome;
import org.postpatch.spi.Binding;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Spec;

/**
 * Probe kinds that split B1's figure into its parts: {@code bench-noop} (the engine alone) and
 * {@code bench-plain} (the engine running the plain baseline's request and checks, with one client
 * per run like the http kind). Registered only in the harness jar, never in the command line.
 */
public final class ReferenceKinds {

    private ReferenceKinds() {
    }

    /** {@code bench-noop: {}}: passes at once. */
    public static final class Noop implements ProbeKind {
        @Override
        public String name() {
            return "bench-noop";
        }

        @Override
        public Binding bind(Spec spec) {
            return Binding.of(context -> Outcome.passed());
        }
    }

    /** {@code bench-plain: { get: URL }}: exactly {@link PlainChecks}' request and checks. */
    public static final class Plain implements ProbeKind {
        @Override
        public String name() {
            return "bench-plain";
        }

        @Override
        public Binding bind(Spec spec) {
            URI uri = URI.create(spec.string("get"));
            return Binding.of(context -> {
                HttpClient client = context.shared(RunClient.class, RunClient::new).client;
                HttpResponse<byte[]> response = client.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                return PlainChecks.passes(response) ? Outcome.passed() : Outcome.failed("plain check failed");
            });
        }
    }

    /** One plain client per run. */
    public static final class RunClient implements AutoCloseable {
        final HttpClient client = PlainChecks.client();

        @Override
        public void close() {
            // Left to the garbage collector, as plain code would.
        }
    }
}
