package org.postpatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.postpatch.report.ReportDocument;
import org.postpatch.result.Fingerprint;
import org.postpatch.run.Fingerprints;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the target runs on: the application's process read from outside ({@code --app-pid},
 * {@code --app-port}), or its own postpatch endpoint ({@code --fingerprint-url}: {@code GET
 * <url>/fingerprint} with {@code POSTPATCH_TOKEN}), so that baseline and verify record the
 * application's JVM and jars; without either, the machine running the command. The command says
 * which it fingerprinted.
 */
public final class FingerprintOption {

    @Mixin
    AppProcessOption app;

    @Option(names = "--fingerprint-url", paramLabel = "URL",
            description = "The target's /selftest endpoint: record the application's fingerprint (JVM, jars, version) "
                    + "read from <URL>/fingerprint with $POSTPATCH_TOKEN, instead of this machine's.")
    URI url;

    /** Checks the options before anything runs. */
    void check() {
        app.check();
        if (app.given() && url != null) {
            throw new BadInputException("--fingerprint-url and " + app.given(false) + " both say where the application's "
                    + "fingerprint comes from: give one");
        }
    }

    /**
     * The fingerprint to record, after saying what was fingerprinted. An application process that
     * cannot be read is bad input; an endpoint that cannot tell is a warning, and this machine's is
     * recorded.
     */
    Fingerprint read(Output output) {
        check();
        Fingerprint fingerprint = app.given() ? app.read() : url != null ? fromEndpoint(output) : Fingerprints.machine();
        output.info("Fingerprinted " + fingerprint.scope()
                + (fingerprint.readsApplication() ? "." : "; --app-port or --app-pid reads them from its process."));
        if (fingerprint.get("process.jvm-replaced") != null) {
            output.error("warning: " + app.given(true) + ": " + fingerprint.get("process.jvm-replaced"));
        }
        return fingerprint;
    }

    private Fingerprint fromEndpoint(Output output) {
        Fingerprint machine = Fingerprints.machine();
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "postpatch-fingerprint");
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpClient client = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/+$", "") + "/fingerprint"))
                    .timeout(Duration.ofSeconds(10));
            String token = Tokens.fromEnvironment();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // Just after a restart the application may still be reading its fingerprint (503): wait a little.
            long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (response.statusCode() == 503 && System.nanoTime() - giveUp < 0) {
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(500);
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != 200) {
                throw new IOException("it answered " + response.statusCode() + " "
                        + new ObjectMapper().readTree(response.body()).path("error").asText(""));
            }
            Fingerprint target = ReportDocument.readFingerprint(new ObjectMapper().readTree(response.body()));
            Map<String, String> facts = new LinkedHashMap<>(target.facts());
            machine.facts().forEach(facts::putIfAbsent);
            return new Fingerprint(facts, target.jars());
        } catch (IOException | IllegalArgumentException e) {
            output.error("warning: could not read the target's fingerprint from " + url + "/fingerprint (" + e.getMessage()
                    + "); recording this machine's");
            return machine;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return machine;
        } finally {
            executor.shutdownNow();
        }
    }
}
