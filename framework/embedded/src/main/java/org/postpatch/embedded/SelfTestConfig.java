package org.postpatch.embedded;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.postpatch.compare.TargetStart;
import org.postpatch.result.Fingerprint;
import org.postpatch.config.Environment;

/**
 * The settings of an embedded self-test, fixed when it starts. Built by {@link PostPatch#embedded()};
 * operators override them without touching code through system properties ({@code -Dpostpatch.port=9091})
 * or environment variables ({@code POSTPATCH_PORT=9091}); see {@link OperatorSettings}.
 *
 * @param probes            probe files or folders ({@code classpath:postpatch/} by default)
 * @param target            the target label (default: the host name)
 * @param appVersion        the application version for the fingerprint (null: from the manifest)
 * @param ledger            where runs are recorded (default {@code ~/.postpatch/ledger}; {@code none})
 * @param endpointAddress   where the endpoint listens on its own server; null when none or mounted
 * @param existingServer    a server of the application to mount the endpoint on, or null
 * @param basePath          the endpoint's base path
 * @param token             the token for details and runs on request (null: none)
 * @param readiness         what must be true before the first run (null: nothing)
 * @param readinessTimeout  how long to wait for it
 * @param schedule          the interval of periodic runs (null: none)
 * @param runOnChange       run on start when the fingerprint changed (default true)
 * @param readinessFollowsVerdict  whether {@code /selftest/ready} fails on a failed self-test
 * @param fingerprint       reads the fingerprint (default: this application's JVM, OS, jars and version)
 * @param targetStart       when the application under test started (default: this process's start);
 *                          right after it, late misses are measured again warm before they are judged
 */
public record SelfTestConfig(List<String> probes, String target, String appVersion, String ledger,
                             InetSocketAddress endpointAddress, HttpServer existingServer, String basePath, String token,
                             BooleanSupplier readiness, Duration readinessTimeout, Duration schedule, boolean runOnChange,
                             boolean readinessFollowsVerdict, Map<String, String> variables, Environment environment,
                             Path attachments, int parallel, Supplier<Fingerprint> fingerprint,
                             Supplier<TargetStart> targetStart) {

    public SelfTestConfig {
        probes = List.copyOf(probes);
        if (probes.isEmpty()) {
            throw new IllegalArgumentException("probes must name at least one file or folder");
        }
        Objects.requireNonNull(basePath, "basePath");
        if (!basePath.startsWith("/")) {
            throw new IllegalArgumentException("basePath must start with '/', was '" + basePath + "'");
        }
        Objects.requireNonNull(readinessTimeout, "readinessTimeout");
        if (schedule != null && (schedule.isZero() || schedule.isNegative())) {
            throw new IllegalArgumentException("schedule must be greater than 0");
        }
        variables = Map.copyOf(variables);
        Objects.requireNonNull(environment, "environment");
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
        }
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(targetStart, "targetStart");
    }

    /** The settings of a self-test inside the application it tests: the target started with this process. */
    public SelfTestConfig(List<String> probes, String target, String appVersion, String ledger,
                          InetSocketAddress endpointAddress, HttpServer existingServer, String basePath, String token,
                          BooleanSupplier readiness, Duration readinessTimeout, Duration schedule, boolean runOnChange,
                          boolean readinessFollowsVerdict, Map<String, String> variables, Environment environment,
                          Path attachments, int parallel, Supplier<Fingerprint> fingerprint) {
        this(probes, target, appVersion, ledger, endpointAddress, existingServer, basePath, token, readiness, readinessTimeout,
                schedule, runOnChange, readinessFollowsVerdict, variables, environment, attachments, parallel, fingerprint,
                SelfTestConfig::thisProcessStart);
    }

    /** When this process started: the application's start, for a self-test embedded in it. */
    public static TargetStart thisProcessStart() {
        return ProcessHandle.current().info().startInstant().map(TargetStart::processStartedAt).orElse(TargetStart.UNKNOWN);
    }

    public Optional<Duration> scheduleInterval() {
        return Optional.ofNullable(schedule);
    }
}
