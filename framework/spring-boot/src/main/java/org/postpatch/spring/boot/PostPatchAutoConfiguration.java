package org.postpatch.spring.boot;

import org.postpatch.embedded.PostPatch;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Starts the embedded self-test with the application ({@code postpatch.enabled=false} starts
 * nothing): probes from {@code classpath:postpatch/}, the {@code /selftest} endpoint on its own port,
 * the first run on a changed fingerprint once the application accepts traffic.
 */
@AutoConfiguration(after = ProjectInfoAutoConfiguration.class)
@ConditionalOnClass(PostPatch.class)
@ConditionalOnBooleanProperty(name = "postpatch.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PostPatchProperties.class)
public class PostPatchAutoConfiguration {

    @Bean
    ApplicationReadiness postPatchApplicationReadiness() {
        return new ApplicationReadiness();
    }

    @Bean
    @ConditionalOnMissingBean
    ApplicationSelfTest applicationSelfTest(PostPatchProperties properties, ConfigurableApplicationContext context,
                                            ApplicationReadiness postPatchApplicationReadiness,
                                            ObjectProvider<BuildProperties> buildInfo) {
        return new ApplicationSelfTest(properties, context, postPatchApplicationReadiness,
                () -> ApplicationVersion.of(buildInfo, context));
    }
}
