package org.postpatch.embedded;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.postpatch.config.Environment;
import org.postpatch.endpoint.StatusEndpoint;
import org.postpatch.engine.ExecutionSettings;
import org.postpatch.compare.TargetStart;
import org.postpatch.result.Fingerprint;
import org.postpatch.run.Fingerprints;
import org.postpatch.run.Runner;

/**
 * The entry point for an application that tests itself:
 * <pre>{@code
 * SelfTest selfTest = PostPatch.embedded()
 *         .probesFrom("classpath:postpatch/")
 *         .endpoint(9091)
 *         .readinessUrl("http://localhost:8080/health")
 *         .start();
 * }</pre>
 * {@link Builder#start()} returns at once: the self-test runs in the background and never delays
 * or breaks the application's start-up.
 */
public final class PostPatch {

    /** Where the probe files are unless told otherwise. */
    public static final String DEFAULT_PROBES = "classpath:postpatch/";

    /** How long the first run waits for the application to be ready unless told otherwise. */
    public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofMinutes(5);

    private PostPatch() {
    }

    /** A builder for an embedded self-test, with defaults for everything. */
    public static Builder embedded() {
        return new Builder();
    }

    /** Settings for an embedded self-test; operators may override them (see {@link SelfTestConfig}). */
    public static final class Builder {
        private final List<String> probes = new ArrayList<>();
        private String target = ExecutionSettings.hostName();
        private String appVersion;
        private String ledger;
        private InetSocketAddress endpointAddress;
        private HttpServer existingServer;
        private String basePath = StatusEndpoint.BASE_PATH;
        private String token;
        private BooleanSupplier readiness;
        private Duration readinessTimeout = DEFAULT_READINESS_TIMEOUT;
        private Duration schedule;
        private boolean runOnChange = true;
        private boolean readinessFollowsVerdict;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private Environment environment = Environment.system();
        private Path attachments = Runner.defaultAttachments();
        private int parallel = ExecutionSettings.DEFAULT_PARALLEL;
        private Supplier<Fingerprint> fingerprint;
        private Supplier<TargetStart> targetStart = SelfTestConfig::thisProcessStart;
        private boolean operatorOverrides = true;
        private String invalid;

        private Builder() {
        }

        /**
         * Whether {@code -Dpostpatch.*} system properties and {@code POSTPATCH_*} environment
         * variables override these settings (default: yes). A framework that already reads its
         * configuration from those places (Spring Boot) turns this off so that one source decides.
         */
        public Builder operatorOverrides(boolean value) {
            this.operatorOverrides = value;
            return this;
        }

        /**
         * How the fingerprint is read; by default this application's (JVM, OS, jars, version). A
         * stand-alone server testing another process uses that process's or the machine's instead.
         * It is asked again for each run and each {@code /fingerprint} request, so that a target
         * that restarted is seen: a source that is slow to read keeps what it read.
         */
        public Builder fingerprint(Supplier<Fingerprint> source) {
            this.fingerprint = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * When the application under test started; by default this process's start. A stand-alone
         * server testing another process says what it knows of that process's start instead.
         */
        public Builder targetStart(Supplier<TargetStart> source) {
            this.targetStart = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Probe files or folders ({@code classpath:} allowed); default {@code classpath:postpatch/}. */
        public Builder probesFrom(String... locations) {
            probes.addAll(List.of(locations));
            return this;
        }

        /** The label of this target (default: the host name). */
        public Builder target(String value) {
            this.target = Objects.requireNonNull(value, "target");
            return this;
        }

        /** The application's version, part of the fingerprint. */
        public Builder appVersion(String value) {
            this.appVersion = value;
            return this;
        }

        /** Reads the application's version from the manifest of the jar holding {@code mainClass}. */
        public Builder appVersionOf(Class<?> mainClass) {
            this.appVersion = Fingerprints.versionOf(mainClass);
            return this;
        }

        /** Where runs are recorded: a JDBC URL, an H2 file path or {@code none}. */
        public Builder ledger(String value) {
            this.ledger = value;
            return this;
        }

        /** Serves {@code /selftest} on its own port and thread pool (0 picks a free port). */
        public Builder endpoint(int port) {
            if (port < 0 || port > 65535) {
                invalid = "endpoint port " + port + " is not a port number (0-65535)";
                return this;
            }
            this.endpointAddress = new InetSocketAddress(port);
            this.existingServer = null;
            return this;
        }

        /** Serves {@code /selftest} at this address, such as loopback only. */
        public Builder endpoint(InetSocketAddress address) {
            this.endpointAddress = Objects.requireNonNull(address, "address");
            this.existingServer = null;
            return this;
        }

        /** Adds {@code /selftest} to a server the application already runs. */
        public Builder endpoint(HttpServer server) {
            this.existingServer = Objects.requireNonNull(server, "server");
            this.endpointAddress = null;
            return this;
        }

        /** The endpoint's base path (default {@code /selftest}). */
        public Builder basePath(String value) {
            this.basePath = Objects.requireNonNull(value, "basePath");
            return this;
        }

        /** The token for details and runs on request (default: {@code POSTPATCH_TOKEN}). */
        public Builder token(String value) {
            this.token = value;
            return this;
        }

        /** Waits until this is true (polled, up to {@code atMost}) before the first run. */
        public Builder readiness(BooleanSupplier condition, Duration atMost) {
            this.readiness = Objects.requireNonNull(condition, "condition");
            this.readinessTimeout = Objects.requireNonNull(atMost, "atMost");
            return this;
        }

        /** Waits until this URL answers 2xx (polled, up to five minutes) before the first run. */
        public Builder readinessUrl(String url) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException malformed) {
                // Reported when the self-test starts; never thrown into the application's start-up.
                invalid = "readinessUrl '" + url + "' is not a URL: " + malformed.getMessage();
                return this;
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            this.readiness = () -> {
                try {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    return response.statusCode() / 100 == 2;
                } catch (java.io.IOException notYet) {
                    return false;
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            };
            return this;
        }

        /** Also runs periodically. */
        public Builder schedule(Duration interval) {
            this.schedule = interval;
            return this;
        }

        /** Whether to run on start when the fingerprint changed (default true). */
        public Builder runOnChange(boolean value) {
            this.runOnChange = value;
            return this;
        }

        /** Makes {@code /selftest/ready} fail while the last self-test failed (default: it never does). */
        public Builder readinessFollowsVerdict(boolean value) {
            this.readinessFollowsVerdict = value;
            return this;
        }

        /** Overrides a suite variable, like {@code --var}. */
        public Builder variable(String name, String value) {
            variables.put(name, value);
            return this;
        }

        /** Where {@code ${env:...}} and {@code ${secret:...}} come from (default: the process environment). */
        public Builder environment(Environment value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        public Builder attachments(Path folder) {
            this.attachments = Objects.requireNonNull(folder, "folder");
            return this;
        }

        public Builder parallel(int value) {
            this.parallel = value;
            return this;
        }

        /** This application's fingerprint, read once: nothing in it changes while the process runs. */
        private static Supplier<Fingerprint> applicationFingerprint(String version) {
            java.util.concurrent.atomic.AtomicReference<Fingerprint> read = new java.util.concurrent.atomic.AtomicReference<>();
            return () -> read.updateAndGet(known -> known != null ? known : Fingerprints.application(version));
        }

        /** The configuration, with the operator's overrides applied. */
        public SelfTestConfig build() {
            if (invalid != null) {
                throw new IllegalArgumentException(invalid);
            }
            SelfTestConfig code = new SelfTestConfig(probes.isEmpty() ? List.of(DEFAULT_PROBES) : probes, target,
                    appVersion, ledger, endpointAddress, existingServer, basePath, token, readiness, readinessTimeout,
                    schedule, runOnChange, readinessFollowsVerdict, variables, environment, attachments, parallel,
                    fingerprint != null ? fingerprint : applicationFingerprint(appVersion), targetStart);
            return operatorOverrides ? OperatorSettings.fromProcess().apply(code) : code;
        }

        /**
         * Starts the self-test in the background and returns at once. Never throws for problems of
         * the self-test itself (invalid probe files, an unusable ledger, a busy port): they are shown
         * at the endpoint and logged, and the application goes on.
         */
        public SelfTest start() {
            try {
                if (operatorOverrides && !OperatorSettings.fromProcess().enabled()) {
                    return SelfTest.disabled();
                }
                return SelfTest.start(build());
            } catch (IllegalArgumentException invalid) {
                return SelfTest.failed("postpatch is misconfigured: " + invalid.getMessage());
            } catch (RuntimeException | LinkageError broken) {
                // Even a broken classpath (a missing library) must not stop the application.
                return SelfTest.failed("postpatch could not start: " + broken);
            }
        }
    }
}
