package org.postpatch.spring.boot.health;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Places the {@code selfTest} contributor in Actuator's health groups the way Spring Boot documents
 * it, with {@code management.endpoint.health.group.*} properties:
 * <ul>
 *   <li>with {@code postpatch.readiness.follows-verdict=true}, the readiness group includes it: the
 *       group's configured members (by default {@code readinessState}) plus {@code selfTest};</li>
 *   <li>the liveness group never does: a failed self-test must not get the application restarted.
 *       Boot's own liveness group holds only {@code livenessState}; a liveness group the application
 *       configures itself (even {@code include=*}) gets {@code selfTest} added to its excludes.</li>
 * </ul>
 * Nothing is added when the contributor does not exist ({@code postpatch.enabled=false},
 * {@code management.health.selftest.enabled=false}), since Boot refuses groups naming unknown members.
 * A value that cannot be read leaves the groups as configured: this must never stop a start-up.
 */
public final class SelfTestHealthGroups implements EnvironmentPostProcessor, Ordered {

    static final String CONTRIBUTOR = "selfTest";
    static final String GROUPS = "management.endpoint.health.group.";
    private static final String HEALTH_INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> groups;
        try {
            groups = groupProperties(Binder.get(environment), application.getClassLoader());
        } catch (RuntimeException unreadable) {
            return;
        }
        if (!groups.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("postpatch-health-groups", groups));
        }
    }

    /** The group properties to add, given what the application configured. */
    static Map<String, Object> groupProperties(Binder binder, ClassLoader classLoader) {
        Map<String, Object> added = new LinkedHashMap<>();
        if (!contributorExists(binder, classLoader)) {
            return added;
        }
        if (binder.bind("postpatch.readiness.follows-verdict", Boolean.class).orElse(false)) {
            Set<String> include = members(binder, "readiness.include").orElse(Set.of("readinessState"));
            added.put(GROUPS + "readiness.include", withSelfTest(include));
        }
        BindResult<Set<String>> livenessInclude = members(binder, "liveness.include");
        BindResult<Set<String>> livenessExclude = members(binder, "liveness.exclude");
        if (livenessInclude.isBound() || livenessExclude.isBound()) {
            added.put(GROUPS + "liveness.exclude", withSelfTest(livenessExclude.orElse(Set.of())));
        }
        return added;
    }

    private static boolean contributorExists(Binder binder, ClassLoader classLoader) {
        boolean postpatch = binder.bind("postpatch.enabled", Boolean.class).orElse(true);
        boolean indicator = binder.bind("management.health.selftest.enabled", Boolean.class)
                .orElseGet(() -> binder.bind("management.health.defaults.enabled", Boolean.class).orElse(true));
        return postpatch && indicator && ClassUtils.isPresent(HEALTH_INDICATOR, classLoader);
    }

    private static BindResult<Set<String>> members(Binder binder, String key) {
        return binder.bind(GROUPS + key, Bindable.setOf(String.class));
    }

    private static String withSelfTest(Set<String> members) {
        Set<String> all = new LinkedHashSet<>(members);
        all.add(CONTRIBUTOR);
        return String.join(",", all);
    }
}
