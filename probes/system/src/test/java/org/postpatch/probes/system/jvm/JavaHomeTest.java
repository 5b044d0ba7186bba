package org.postpatch.probes.system.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaHomeTest {

    private static final String OUTPUT = """
            Property settings:
                file.encoding = UTF-8
                java.class.path =\s
                java.library.path = /usr/java/packages/lib
                    /usr/lib64
                    /lib
                java.runtime.version = 25.0.3+9-LTS
                java.vendor = Eclipse Adoptium
                java.version = 25.0.3
                line.separator = \\n\s
                path.separator = :

            openjdk version "25.0.3" 2026-04-21 LTS
            OpenJDK Runtime Environment Temurin-25.0.3+9 (build 25.0.3+9-LTS)
            """;

    @Test
    void propertiesAreReadFromTheSettingsSection() {
        Map<String, String> properties = JavaHome.parse(OUTPUT);

        assertThat(properties)
                .containsEntry("java.version", "25.0.3")
                .containsEntry("java.vendor", "Eclipse Adoptium")
                .containsEntry("java.runtime.version", "25.0.3+9-LTS")
                .containsEntry("file.encoding", "UTF-8")
                .containsEntry("java.class.path", "")
                .doesNotContainKey("openjdk version \"25.0.3\" 2026-04-21 LTS");
    }

    @Test
    void listValuesSpreadOverLinesAreJoinedWithThePathSeparator() {
        assertThat(JavaHome.parse(OUTPUT)).containsEntry("java.library.path", "/usr/java/packages/lib:/usr/lib64:/lib");
    }
}
