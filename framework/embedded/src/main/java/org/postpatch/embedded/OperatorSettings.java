package org.postpatch.embedded;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import org.postpatch.config.Durations;
import org.postpatch.endpoint.AccessToken;
import org.postpatch.ledger.Ledgers;

/**
 * What operators set without changing code. Each setting is read from a system property first,
 * then an environment variable, and wins over what the application's code configured:
 *
 * <table>
 *   <tr><th>system property</th><th>environment</th><th>meaning</th></tr>
 *   <tr><td>postpatch.enabled</td><td>POSTPATCH_ENABLED</td><td>{@code false} turns the self-test off</td></tr>
 *   <tr><td>postpatch.probes</td><td>POSTPATCH_PROBES</td><td>probe files or folders, comma-separated</td></tr>
 *   <tr><td>postpatch.target</td><td>POSTPATCH_TARGET</td><td>the target label</td></tr>
 *   <tr><td>postpatch.ledger</td><td>POSTPATCH_LEDGER</td><td>the ledger: JDBC URL, H2 path or none</td></tr>
 *   <tr><td>postpatch.port</td><td>POSTPATCH_PORT</td><td>the endpoint's own port ({@code off}: none)</td></tr>
 *   <tr><td>postpatch.schedule</td><td>POSTPATCH_SCHEDULE</td><td>periodic runs, like {@code 1h}</td></tr>
 *   <tr><td>-</td><td>POSTPATCH_TOKEN / POSTPATCH_TOKEN_FILE</td><td>the endpoint's token</td></tr>
 * </table>
 */
final class OperatorSettings {

    private final Function<String, String> properties;
    private final Function<String, String> environment;

    OperatorSettings(Function<String, String> properties, Function<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    static OperatorSettings fromProcess() {
        return new OperatorSettings(System::getProperty, System::getenv);
    }

    private String get(String property, String variable) {
        String value = properties.apply(property);
        if (value == null || value.isBlank()) {
            value = environment.apply(variable);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    boolean enabled() {
        String value = get("postpatch.enabled", "POSTPATCH_ENABLED");
        return value == null || !value.equalsIgnoreCase("false");
    }

    /** Applies the operator's settings on top of the code's. */
    SelfTestConfig apply(SelfTestConfig code) {
        String probes = get("postpatch.probes", "POSTPATCH_PROBES");
        String target = get("postpatch.target", "POSTPATCH_TARGET");
        String ledger = get("postpatch.ledger", Ledgers.LOCATION_VARIABLE);
        String port = get("postpatch.port", "POSTPATCH_PORT");
        String schedule = get("postpatch.schedule", "POSTPATCH_SCHEDULE");
        String token = AccessToken.fromEnvironment(environment);
        InetSocketAddress address = code.endpointAddress();
        if (port != null) {
            address = port.equalsIgnoreCase("off") ? null : new InetSocketAddress(parsePort(port));
        }
        Duration interval = code.schedule();
        if (schedule != null) {
            interval = schedule.equalsIgnoreCase("off") ? null : Durations.parse(schedule).orElseThrow(() ->
                    new IllegalArgumentException("postpatch.schedule: '" + schedule + "' is not " + Durations.EXPECTED));
        }
        return new SelfTestConfig(probes != null ? Arrays.stream(probes.split(",")).map(String::strip).toList() : code.probes(),
                target != null ? target : code.target(), code.appVersion(), ledger != null ? ledger : code.ledger(),
                address, port != null ? null : code.existingServer(), code.basePath(), token != null ? token : code.token(),
                code.readiness(), code.readinessTimeout(), interval, code.runOnChange(), code.readinessFollowsVerdict(),
                code.variables(), code.environment(), code.attachments(), code.parallel(), code.fingerprint(),
                code.targetStart());
    }

    private static int parsePort(String port) {
        try {
            int number = Integer.parseInt(port);
            if (number < 0 || number > 65535) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("postpatch.port: '" + port + "' is not a port number (0-65535) or 'off'", e);
        }
    }
}
