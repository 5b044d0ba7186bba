package org.postpatch.spring.boot.health;

import org.postpatch.spring.boot.ApplicationSelfTest;
import org.postpatch.spring.boot.PostPatchAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code selfTest} contributor to Actuator's health when Spring Boot's health support is on
 * the classpath ({@code management.health.selftest.enabled=false} leaves it out). Which health groups
 * it belongs to is set by {@link SelfTestHealthGroups}.
 */
@AutoConfiguration(after = PostPatchAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ApplicationSelfTest.class)
@ConditionalOnEnabledHealthIndicator("selftest")
public class SelfTestHealthAutoConfiguration {

    /** Named so that Actuator calls the contributor {@code selfTest}. */
    @Bean
    SelfTestHealthIndicator selfTestHealthIndicator(ApplicationSelfTest selfTest) {
        return new SelfTestHealthIndicator(selfTest);
    }
}
