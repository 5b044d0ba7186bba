package org.postpatch.spring.boot;

import org.postpatch.run.Fingerprints;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.info.BuildProperties;
import org.springframework.util.ClassUtils;

/**
 * The application's version for the fingerprint: from Spring Boot's build info
 * ({@code META-INF/build-info.properties}, written by the {@code build-info} goal of the Spring Boot
 * Maven plugin), else from the manifest of the jar holding the {@code @SpringBootApplication} class.
 */
final class ApplicationVersion {

    private ApplicationVersion() {
    }

    static String of(ObjectProvider<BuildProperties> buildInfo, ListableBeanFactory beans) {
        BuildProperties build = buildInfo.getIfAvailable();
        if (build != null && build.getVersion() != null) {
            return build.getVersion();
        }
        for (String name : beans.getBeanNamesForAnnotation(SpringBootConfiguration.class)) {
            Class<?> type = beans.getType(name);
            String version = type == null ? null : Fingerprints.versionOf(ClassUtils.getUserClass(type));
            if (version != null) {
                return version;
            }
        }
        return null;
    }
}
