package com.acme.orders.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/** Where the built jars are, and what is inside them. */
final class Distribution {

    /** The probe modules the suite in classpath:postpatch/ needs, by the jar name's start. */
    private static final List<String> PROBE_MODULES = List.of("postpatch-probes-http-", "postpatch-probes-ui-",
            "postpatch-probes-jdbc-", "postpatch-probes-junit-", "postpatch-probes-rest-assured-", "postpatch-probes-system-");

    private Distribution() {
    }

    static Path jar(String name) {
        return Path.of(System.getProperty("orders.dist", "../target/dist")).resolve(name);
    }

    /** The probe modules the suite uses that are not in BOOT-INF/lib of this jar. */
    static List<String> missingProbeKinds(String name) {
        try (JarFile jar = new JarFile(jar(name).toFile())) {
            return PROBE_MODULES.stream()
                    .filter(module -> jar.stream().noneMatch(entry -> entry.getName().startsWith("BOOT-INF/lib/" + module)))
                    .map(module -> module.substring(0, module.length() - 1))
                    .collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar(name), e);
        }
    }
}
