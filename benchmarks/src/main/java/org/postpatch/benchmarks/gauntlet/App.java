package org.postpatch.benchmarks.gauntlet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sample application as the gauntlet deploys it: where its jars are (the sample's own versions,
 * then the gauntlet's variants), how one instance is started — as the sample's README and the
 * deploy scripts start it — and the probe file a new user wrote for it.
 *
 * @param name     the application's name ("orders-service")
 * @param probes   the gauntlet's probe file for it
 * @param jarName  the jar's file name before its version ("orders-service-")
 * @param jarDirs  where its jars are, first match wins
 * @param spring   whether it is the Spring Boot application (arguments) or the plain one (system properties)
 */
record App(String name, Path probes, String jarName, List<Path> jarDirs, boolean spring) {

    static App ordersService(Path root) {
        return new App("orders-service", root.resolve("benchmarks/gauntlet/probes/orders-service.yaml"), "orders-service-",
                List.of(root.resolve("sample-apps/orders-service/target/dist"), root.resolve("benchmarks/gauntlet/target/dist")),
                true);
    }

    static App inventoryLegacy(Path root) {
        return new App("inventory-legacy", root.resolve("benchmarks/gauntlet/probes/inventory-legacy.yaml"), "inventory-legacy-",
                List.of(root.resolve("sample-apps/inventory-legacy/target/dist"), root.resolve("benchmarks/gauntlet/target/dist")),
                false);
    }

    /** The jar of a version; a missing one is a build problem, said before anything starts. */
    Path jar(String version) {
        for (Path dir : jarDirs) {
            Path jar = dir.resolve(jarName + version + ".jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("no jar of " + name + " " + version + " in " + jarDirs
                + "; build it first (benchmarks/run.sh gauntlet builds everything it needs)");
    }

    /** The command line of one instance on {@code port}, its self-test on {@code selftestPort}, its state in {@code state}. */
    List<String> command(Deploy deploy, int port, int selftestPort, Path state) {
        List<String> command = new ArrayList<>();
        command.add(deploy.java().toString());
        String target = "gauntlet-" + name;
        Path selftestLedger = state.resolve(name + "-selftest-ledger");
        if (spring) {
            command.addAll(List.of("-jar", jar(deploy.version()).toString(), "--server.port=" + port,
                    "--postpatch.port=" + selftestPort, "--postpatch.target=" + target, "--postpatch.ledger=" + selftestLedger,
                    "--spring.datasource.url=jdbc:h2:file:" + state.resolve(name + "-db") + ";AUTO_SERVER=TRUE"));
            command.addAll(deploy.arguments());
        } else {
            command.addAll(List.of("-Dsun.net.httpserver.nodelay=true", "-Dinventory.port=" + port,
                    "-Dpostpatch.port=" + selftestPort, "-Dpostpatch.target=" + target, "-Dpostpatch.ledger=" + selftestLedger));
            command.addAll(deploy.arguments());
            command.addAll(List.of("-jar", jar(deploy.version()).toString()));
        }
        return command;
    }
}
