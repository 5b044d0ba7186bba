package org.postpatch.spring.boot;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.postpatch.config.Durations;
import org.postpatch.config.Environment;
import org.postpatch.embedded.PostPatch;
import org.springframework.core.env.PropertyResolver;

/**
 * Turns the {@code postpatch.*} properties into an embedded self-test's builder. A value that cannot
 * be read is reported in {@link #problems()} and left out (no endpoint, no schedule, the default
 * timeout): a typo in the self-test's settings must never stop the application.
 */
final class SelfTestSettings {

    private final PostPatchProperties properties;
    private final List<String> problems = new ArrayList<>();

    SelfTestSettings(PostPatchProperties properties) {
        this.properties = properties;
    }

    /** What could not be read, one operator-grade sentence each. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * The builder, ready to start. Variable and secret values are resolved against {@code environment}
     * now, so placeholders such as {@code ${local.server.port}} take the port the web server really got.
     */
    PostPatch.Builder builder(PropertyResolver environment, String appVersion, BooleanSupplier readiness) {
        PostPatch.Builder builder = PostPatch.embedded()
                .operatorOverrides(false) // Spring already reads -D, POSTPATCH_* and the command line
                .appVersion(appVersion)
                .runOnChange(properties.runOnChange())
                .readinessFollowsVerdict(properties.readiness().followsVerdict())
                .readiness(readiness, readinessTimeout());
        properties.probes().forEach(builder::probesFrom);
        if (hasText(properties.target())) {
            builder.target(properties.target().strip());
        }
        if (hasText(properties.ledger())) {
            builder.ledger(properties.ledger().strip());
        }
        if (hasText(properties.token())) {
            builder.token(properties.token().strip());
        }
        endpointAddress().ifPresent(builder::endpoint);
        schedule().ifPresent(builder::schedule);
        properties.variables().forEach((name, value) -> builder.variable(name, environment.resolvePlaceholders(value)));
        if (!properties.secrets().isEmpty()) {
            Map<String, String> secrets = new LinkedHashMap<>();
            properties.secrets().forEach((name, value) -> secrets.put(name, environment.resolvePlaceholders(value)));
            builder.environment(Environment.system().overriddenBy(secrets));
        }
        return builder;
    }

    private Optional<InetSocketAddress> endpointAddress() {
        String port = properties.port() == null ? "off" : properties.port().strip().toLowerCase(Locale.ROOT);
        if (port.equals("off") || port.equals("-1")) {
            return Optional.empty();
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException notANumber) {
            number = -2;
        }
        if (number < 0 || number > 65535) {
            problems.add("postpatch.port: '" + properties.port() + "' is not a port number (0-65535), -1 or off;"
                    + " the /selftest endpoint is not served");
            return Optional.empty();
        }
        return Optional.of(hasText(properties.address())
                ? new InetSocketAddress(properties.address().strip(), number)
                : new InetSocketAddress(number));
    }

    private Optional<Duration> schedule() {
        String schedule = properties.schedule();
        if (!hasText(schedule) || schedule.strip().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        Optional<Duration> interval = Durations.parse(schedule.strip()).filter(value -> !value.isZero() && !value.isNegative());
        if (interval.isEmpty()) {
            problems.add("postpatch.schedule: '" + schedule + "' is not " + Durations.EXPECTED + " or off; no periodic runs");
        }
        return interval;
    }

    private Duration readinessTimeout() {
        String timeout = properties.readiness().timeout();
        if (!hasText(timeout)) {
            return PostPatch.DEFAULT_READINESS_TIMEOUT;
        }
        Optional<Duration> parsed = Durations.parse(timeout.strip()).filter(value -> !value.isNegative());
        if (parsed.isEmpty()) {
            problems.add("postpatch.readiness.timeout: '" + timeout + "' is not " + Durations.EXPECTED
                    + "; waiting up to " + Durations.format(PostPatch.DEFAULT_READINESS_TIMEOUT) + " for the application");
        }
        return parsed.orElse(PostPatch.DEFAULT_READINESS_TIMEOUT);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
