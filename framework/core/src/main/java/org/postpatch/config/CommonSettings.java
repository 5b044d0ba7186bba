package org.postpatch.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.postpatch.api.Severity;
import org.postpatch.model.LatencyTolerance;
import org.postpatch.model.RetryPolicy;
import org.postpatch.spi.Spec;

/**
 * The settings every probe has whatever its kind — {@code timeout}, {@code retry}, {@code severity},
 * {@code tags}, {@code latency} — read from a probe or from a file's {@code defaults}, which a probe
 * inherits and an included file inherits from the file including it. Read through {@link Spec}, as
 * the kinds read their blocks, with messages naming the setting as written ({@code timeout},
 * {@code defaults.retry.until}).
 */
final class CommonSettings {

    /** The keys a {@code defaults} block may have. */
    static final Set<String> KEYS = Set.of("timeout", "retry", "severity", "tags", "latency");

    private static final Pattern TAG = Pattern.compile("[^\\s,()&|!]+");
    private static final List<String> SEVERITIES = List.of("critical", "warning");

    private CommonSettings() {
    }

    /** The settings in force: a probe's own, else its file's {@code defaults}, else postpatch's. */
    record Defaults(Duration timeout, RetryPolicy retry, Severity severity, Set<String> tags, LatencyTolerance latency) {

        /** Nothing set anywhere. */
        static final Defaults NONE = new Defaults(SuiteLoader.DEFAULT_TIMEOUT, RetryPolicy.NONE, Severity.CRITICAL,
                Set.of(), LatencyTolerance.DEFAULT);

        Defaults {
            tags = Set.copyOf(tags);
        }
    }

    /** A file's {@code defaults} block over the ones it inherited. */
    static Defaults defaults(ConfigNode node, Defaults inherited, Problems problems) {
        if (node == null || node.isNull()) {
            return inherited;
        }
        if (!node.isMap()) {
            problems.add(node.location(), "'defaults' must be a map, found " + node.describeType());
            return inherited;
        }
        Spec.of(node, problems, "defaults", Optional.empty()).known(KEYS.toArray(String[]::new)).finish();
        Defaults read = settings(node, "defaults.", inherited, problems);
        return new Defaults(read.timeout(), read.retry(), read.severity(), read.tags(),
                latency(node, "defaults.", inherited.latency(), problems));
    }

    /**
     * The settings of a map block ({@code prefix} names it in messages: empty for a probe,
     * {@code defaults.}) over {@code defaults}; its {@code latency} is read by {@link #latency}.
     */
    static Defaults settings(ConfigNode block, String prefix, Defaults defaults, Problems problems) {
        Duration timeout = setting(block, prefix + "timeout", "timeout", problems).flatMap(CommonSettings::duration)
                .orElse(defaults.timeout());
        RetryPolicy retry = setting(block, prefix + "retry", "retry", problems).flatMap(CommonSettings::retry)
                .orElse(defaults.retry());
        Severity severity = setting(block, prefix + "severity", "severity", problems).flatMap(CommonSettings::severity)
                .orElse(defaults.severity());
        Set<String> tags = new LinkedHashSet<>(defaults.tags());
        tags.addAll(tags(block.get("tags"), prefix + "tags", problems));
        return new Defaults(timeout, retry, severity, tags, defaults.latency());
    }

    /** {@code latency: { ratio: 2, margin: 250ms, severity: warning }} or {@code latency: false}, over {@code inherited}. */
    static LatencyTolerance latency(ConfigNode block, String prefix, LatencyTolerance inherited, Problems problems) {
        return setting(block, prefix + "latency", "latency", problems).map(value -> latency(value, inherited, problems))
                .orElse(inherited);
    }

    /** A setting's value as written, as a spec named as in messages ({@code timeout}, {@code defaults.timeout}). */
    private record Setting(ConfigNode node, Spec spec) {
    }

    private static Optional<Setting> setting(ConfigNode block, String name, String key, Problems problems) {
        ConfigNode value = block.get(key);
        return value == null || value.isNull() ? Optional.empty()
                : Optional.of(new Setting(value, Spec.of(value, problems, name, Optional.empty())));
    }

    /** A duration greater than zero. */
    private static Optional<Duration> duration(Setting value) {
        Optional<Duration> parsed = value.node().isScalar() ? Durations.parse(value.node().text()) : Optional.empty();
        if (parsed.isEmpty()) {
            value.spec().problem("expected " + Durations.EXPECTED + ", found " + found(value.node()));
        } else if (parsed.get().isZero()) {
            value.spec().problem("must be greater than 0");
            return Optional.empty();
        }
        return parsed;
    }

    /** A duration greater than zero at {@code key} of a map block. */
    private static Optional<Duration> duration(Spec block, String key) {
        Optional<Duration> parsed = block.optionalDuration(key);
        if (parsed.isPresent() && parsed.get().isZero()) {
            block.problem(key, "must be greater than 0");
            return Optional.empty();
        }
        return parsed;
    }

    /** {@code retry: { until: 60s, every: 500ms }}, {@code retry: 60s} (every second) or {@code retry: false}. */
    private static Optional<RetryPolicy> retry(Setting value) {
        ConfigNode node = value.node();
        if (node.type() == ConfigNode.Type.BOOLEAN && !((Boolean) node.scalar())) {
            return Optional.of(RetryPolicy.NONE);
        }
        if (node.isScalar()) {
            return duration(value).map(until -> new RetryPolicy(until, Duration.ofSeconds(1)));
        }
        Spec block = value.spec();
        if (!node.isMap()) {
            block.problem("expected { until: 60s, every: 500ms }, found " + node.describeType());
            return Optional.empty();
        }
        boolean hasUntil = block.has("until");
        Optional<Duration> until = duration(block, "until");
        Optional<Duration> every = duration(block, "every");
        block.finish();
        if (!hasUntil) {
            block.problem("missing 'until' (how long to keep trying, like 60s)");
            return Optional.empty();
        }
        return until.map(u -> new RetryPolicy(u, every.orElse(Duration.ofSeconds(1))));
    }

    private static LatencyTolerance latency(Setting value, LatencyTolerance inherited, Problems problems) {
        ConfigNode node = value.node();
        if (node.type() == ConfigNode.Type.BOOLEAN) {
            return (Boolean) node.scalar() ? LatencyTolerance.DEFAULT : LatencyTolerance.OFF;
        }
        Spec block = value.spec();
        if (!node.isMap()) {
            block.problem("expected { ratio: 2, margin: 250ms, severity: warning } or false, found " + node.describeType());
            return inherited;
        }
        double ratio = inherited.ratio();
        ConfigNode ratioNode = node.get("ratio");
        block.known("ratio", "severity");
        if (ratioNode != null) {
            try {
                ratio = Double.parseDouble(ratioNode.text());
                if (ratio < 1.0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                block.problem("ratio", "expected a number of at least 1 (2 means twice as slow), found '"
                        + ratioNode.text() + "'");
            }
        }
        Duration margin = duration(block, "margin").orElse(inherited.margin());
        Severity severity = setting(node, block.path() + ".severity", "severity", problems)
                .flatMap(CommonSettings::severity).orElse(inherited.severity());
        block.finish();
        return new LatencyTolerance(Math.max(1.0, ratio), margin, severity, true);
    }

    private static Optional<Severity> severity(Setting value) {
        ConfigNode node = value.node();
        String text = node.isScalar() ? node.text() : "";
        switch (text) {
            case "critical":
                return Optional.of(Severity.CRITICAL);
            case "warning":
                return Optional.of(Severity.WARNING);
            default:
                value.spec().problem("expected critical or warning, found "
                        + (node.isScalar() ? "'" + text + "'" + Suggestions.didYouMean(text, SEVERITIES) : node.describeType()));
                return Optional.empty();
        }
    }

    private static Set<String> tags(ConfigNode node, String what, Problems problems) {
        Set<String> tags = new LinkedHashSet<>();
        for (ConfigNode tag : strings(node, what, problems)) {
            if (TAG.matcher(tag.text()).matches()) {
                tags.add(tag.text());
            } else {
                problems.add(tag.location(), what + ": '" + tag.text() + "' is not a valid tag (no spaces or , ( ) & | !)");
            }
        }
        return tags;
    }

    /** A list of strings ({@code needs}, {@code tags}, {@code include}); a single string is a list of one. */
    static List<ConfigNode> strings(ConfigNode node, String what, Problems problems) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isScalar()) {
            return List.of(node);
        }
        if (!node.isList()) {
            problems.add(node.location(), "'" + what + "' must be a list of strings, found " + node.describeType());
            return List.of();
        }
        List<ConfigNode> strings = new ArrayList<>();
        for (ConfigNode item : node.items()) {
            if (item.isScalar()) {
                strings.add(item);
            } else {
                problems.add(item.location(), what + ": expected a string, found " + item.describeType());
            }
        }
        return strings;
    }

    private static String found(ConfigNode value) {
        return value.isScalar() ? "'" + value.text() + "'" : value.describeType();
    }
}
