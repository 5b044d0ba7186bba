package com.acme.orders.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The four jars in target/dist, and that each patch changes exactly what it says it does. */
class DistributionTest {

    @Test
    void eachVersionIsARunnableSpringBootJarWithItsOwnVersion() throws IOException {
        assertThat(buildVersion("orders-service-1.0.0.jar")).isEqualTo("1.0.0");
        assertThat(buildVersion("orders-service-1.0.1.jar")).isEqualTo("1.0.1");
        assertThat(buildVersion("orders-service-1.0.2.jar")).isEqualTo("1.0.2");
        assertThat(buildVersion("orders-service-1.0.1-lib.jar")).isEqualTo("1.0.1");
        try (JarFile jar = new JarFile(Distribution.jar("orders-service-1.0.0.jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class")).isEqualTo("com.acme.orders.OrdersApplication");
        }
    }

    @Test
    void everyVersionShipsTheSameThreeProbeFiles() throws IOException {
        for (String jar : new String[] {"orders-service-1.0.0.jar", "orders-service-1.0.1.jar", "orders-service-1.0.2.jar",
                "orders-service-1.0.1-lib.jar"}) {
            assertThat(classes(jar).keySet().stream().filter(name -> name.startsWith("postpatch/")))
                    .as(jar).containsExactly("postpatch/api.yaml", "postpatch/in-process.yaml", "postpatch/order-form.yaml");
        }
    }

    @Test
    void libraryPatchChangesOnlyTheTomcatJars() throws IOException {
        Map<String, Long> patched = libraries("orders-service-1.0.1-lib.jar");
        Map<String, Long> original = libraries("orders-service-1.0.1.jar");

        TreeSet<String> removed = new TreeSet<>(original.keySet());
        removed.removeAll(patched.keySet());
        TreeSet<String> added = new TreeSet<>(patched.keySet());
        added.removeAll(original.keySet());

        assertThat(removed).containsExactly("tomcat-embed-core-11.0.22.jar", "tomcat-embed-el-11.0.22.jar",
                "tomcat-embed-websocket-11.0.22.jar");
        assertThat(added).containsExactly("tomcat-embed-core-11.0.27.jar", "tomcat-embed-el-11.0.27.jar",
                "tomcat-embed-websocket-11.0.27.jar");
    }

    @Test
    void libraryPatchCarriesTheApplicationCodeOfOneZeroOneUnchanged() throws IOException {
        assertThat(classes("orders-service-1.0.1-lib.jar")).isEqualTo(classes("orders-service-1.0.1.jar"));
    }

    @Test
    void badPatchDiffersFromTheGoodOneInTheJsonViewAndTheFormOnly() throws IOException {
        Map<String, Long> good = classes("orders-service-1.0.1.jar");
        Map<String, Long> bad = classes("orders-service-1.0.2.jar");

        TreeSet<String> changed = new TreeSet<>();
        good.forEach((name, crc) -> {
            if (!crc.equals(bad.get(name))) {
                changed.add(name);
            }
        });
        assertThat(changed).containsExactly("com/acme/orders/api/OrderJson.class", "templates/orders/new.html");
    }

    private static String buildVersion(String jar) throws IOException {
        try (JarFile file = new JarFile(Distribution.jar(jar).toFile());
             InputStream in = file.getInputStream(file.getEntry("META-INF/build-info.properties"))) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("build.version");
        }
    }

    /** The jars in BOOT-INF/lib, by file name, with their CRC. */
    private static Map<String, Long> libraries(String jar) throws IOException {
        return entries(jar, "BOOT-INF/lib/");
    }

    /** The application's classes and resources (BOOT-INF/classes), with their CRC. */
    private static Map<String, Long> classes(String jar) throws IOException {
        return entries(jar, "BOOT-INF/classes/");
    }

    private static Map<String, Long> entries(String jar, String folder) throws IOException {
        Map<String, Long> entries = new TreeMap<>();
        try (JarFile file = new JarFile(Distribution.jar(jar).toFile())) {
            file.stream().filter(entry -> entry.getName().startsWith(folder) && !entry.isDirectory())
                    .forEach((ZipEntry entry) -> entries.put(entry.getName().substring(folder.length()), entry.getCrc()));
        }
        return entries;
    }
}
