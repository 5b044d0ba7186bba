package org.postpatch.benchmarks.gauntlet;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The patch gauntlet: seeded patches of the sample applications, each a real change to a real
 * running application, deployed as a deploy script does — {@code postpatch baseline}, stop, patch,
 * start, {@code postpatch verify --wait} — and then no-op restarts while a CPU hog keeps the machine
 * busy. Each verdict is scored ({@link Outcome}) and the table printed ({@link GauntletTable}).
 *
 * <p>Usage: {@code Gauntlet ROOT JAVA_17 JAVA_25 [RESTARTS] [ORDERS_RESTARTS] [HOG_THREADS]} — the
 * repository root (bin/postpatch, the built jars), the two JVMs of the JVM switch, how many no-op
 * restarts (default 30), how many of them of orders-service (default 10; inventory-legacy gets the
 * rest: a Spring Boot start takes 20-60 s on a busy 2-core machine), and the hog's busy threads
 * (default 4).
 */
public final class Gauntlet {

    /** The 1-minute load average the restarts are meant to run at, at least. */
    private static final double BUSY = 4.0;

    /** The first ports of the ranges the demo and the deploy scripts' tests take (each up to 1000 ports). */
    private static final List<Integer> DEMO_PORTS = List.of(8081, 9181, 18081, 19091);

    private Gauntlet() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Deploy.Jvm openJdk17 = Deploy.Jvm.of(Path.of(args[1]));
        Deploy.Jvm temurin25 = Deploy.Jvm.of(Path.of(args[2]));
        int restarts = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int ordersRestarts = Math.min(restarts, args.length > 4 ? Integer.parseInt(args[4]) : 10);
        int hogThreads = args.length > 5 ? Integer.parseInt(args[5]) : 4;

        Path state = Files.createTempDirectory("postpatch-gauntlet-");
        Files.createDirectories(state.resolve("logs"));
        Files.createDirectories(state.resolve("reports"));
        App orders = App.ordersService(root);
        App inventory = App.inventoryLegacy(root);
        String only = System.getProperty("gauntlet.only", "");
        List<Scenario> seeded = seeded(orders, inventory, openJdk17, temurin25).stream()
                .filter(scenario -> Pattern.compile(only).matcher(scenario.app().name() + ": " + scenario.name()).find())
                .toList();
        seeded.forEach(scenario -> {
            scenario.app().jar(scenario.from().version());
            scenario.app().jar(scenario.to().version());
        });
        PostpatchCli cli = new PostpatchCli(root.resolve("bin/postpatch"), state);
        System.out.printf(Locale.ROOT, "patch gauntlet: %d seeded patches, %d no-op restarts (%d orders-service, %d "
                        + "inventory-legacy); state, logs and reports in %s%n", seeded.size(), restarts, ordersRestarts,
                restarts - ordersRestarts, state);
        GauntletTable table = new GauntletTable();
        try (Node ordersNode = new Node(orders, freePort(), freePort(), state);
             Node inventoryNode = new Node(inventory, freePort(), freePort(), state)) {
            Thread cleanup = new Thread(() -> {
                cli.stop();
                ordersNode.stop();
                inventoryNode.stop();
            }, "gauntlet-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try (LoadAverage load = new LoadAverage()) {
                for (Scenario scenario : seeded) {
                    table.add(run(scenario, scenario.app() == orders ? ordersNode : inventoryNode, cli, label(scenario)));
                }
                table.seededLoad(load.describe());
            }
            if (restarts > 0) {
                restarts(table, restarts, ordersRestarts, hogThreads, ordersNode, inventoryNode, cli, openJdk17);
            }
            ordersNode.stop();
            inventoryNode.stop();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        System.out.println();
        table.print(System.out);
    }

    /** The no-op restarts, while a CPU hog keeps the load average up: orders-service first, then inventory-legacy. */
    private static void restarts(GauntletTable table, int restarts, int ordersRestarts, int hogThreads, Node ordersNode,
                                 Node inventoryNode, PostpatchCli cli, Deploy.Jvm jvm) throws IOException, InterruptedException {
        Process hog = startHog(hogThreads);
        try (LoadAverage load = new LoadAverage()) {
            awaitBusy(hog);
            for (int i = 1; i <= restarts; i++) {
                boolean ofOrders = i <= ordersRestarts;
                Node node = ofOrders ? ordersNode : inventoryNode;
                Scenario restart = Scenario.restart(node.app(), Deploy.of(ofOrders ? "1.0.1" : "2.3.0", jvm));
                table.add(run(restart, node, cli, String.format(Locale.ROOT, "restart-%02d-%s", i, node.app().name())));
                System.out.printf(Locale.ROOT, "  load average now %.1f%n", LoadAverage.now());
            }
            table.restartLoad(load.describe() + ", CPU hog of " + hogThreads + " busy threads");
        } finally {
            stopHog(hog);
        }
    }

    /** The seeded patches: every one a real jar or a real deploy change of a sample application. */
    static List<Scenario> seeded(App orders, App inventory, Deploy.Jvm openJdk17, Deploy.Jvm temurin25) {
        Deploy good = Deploy.of("1.0.1", openJdk17);
        Deploy before = Deploy.of("2.3.0", openJdk17);
        return List.of(
                Scenario.breaking("renamed JSON field", orders, good, Deploy.of("1.0.2-json", openJdk17), "read-order"),
                Scenario.breaking("broken form", orders, good, Deploy.of("1.0.2-form", openJdk17), "order-form"),
                Scenario.breaking("template loses a field", orders, good, Deploy.of("1.0.3-template", openJdk17), "orders-page"),
                Scenario.breaking("endpoint slowed by 600 ms", orders, good, Deploy.of("1.0.3-slow", openJdk17), "list-orders"),
                Scenario.breaking("context-path change", orders, good, good.with("--server.servlet.context-path=/shop"), "health"),
                Scenario.seenInFingerprint("library bump (Tomcat)", orders, good, Deploy.of("1.0.1-lib", openJdk17),
                        "jar tomcat-embed-core 11.0.22 -> 11.0.27"),
                Scenario.seenInFingerprint("JVM switch", orders, good, good.on(temurin25), "jvm.version ", "jvm.vendor "),
                Scenario.breaking("renamed JSON field + reserve bug", inventory, before,
                        Deploy.of("2.3.1", openJdk17), "item", "reserve"),
                Scenario.breaking("endpoint slowed by 600 ms", inventory, before, Deploy.of("2.3.2-slow", openJdk17), "reserve"),
                Scenario.seenInFingerprint("JVM switch", inventory, before, before.on(temurin25), "jvm.version ", "jvm.vendor "));
    }

    /** baseline, stop, patch, start, verify --wait: the deploy script's steps, scored. */
    static Outcome run(Scenario scenario, Node node, PostpatchCli cli, String label) throws IOException, InterruptedException {
        System.out.printf("%n[%s] %s: %s -> %s%n", scenario.app().name(), scenario.name(), scenario.from().describe(),
                scenario.to().describe());
        node.ensure(scenario.from());
        PostpatchCli.Result baseline = cli.run("baseline", node, label);
        if (baseline.exit() != 0) {
            throw new IllegalStateException(label + ": the baseline could not be recorded (exit " + baseline.exit() + "); see "
                    + baseline.log());
        }
        Instant stopping = Instant.now();
        node.start(scenario.to());
        PostpatchCli.Result verify = cli.run("verify", node, label);
        Instant ready = node.ready().orElse(null);
        Outcome outcome = Outcome.of(scenario, verify, ready);
        System.out.printf(Locale.ROOT, "  ready %s after the stop; its run started %s after ready; verdict %s after ready: "
                        + "%s (exit %d)%n", seconds(ready == null ? null : Duration.between(stopping, ready)),
                seconds(outcome.readyToRun()), seconds(outcome.readyToVerdict()), outcome.verdict(), outcome.exit());
        System.out.println("  blamed: " + (outcome.blamed().isEmpty() ? "nothing" : String.join(", ", outcome.blamed()))
                + (outcome.flaky().isEmpty() ? "" : "; FLAKY: " + String.join(", ", outcome.flaky()))
                + (outcome.warmedUp().isEmpty() ? "" : "; late right after the start, judged once warm: "
                + String.join(", ", outcome.warmedUp())));
        if (!outcome.fingerprint().isEmpty()) {
            System.out.println("  fingerprint: " + String.join("; ", outcome.fingerprint()));
        }
        outcome.wrong().forEach(wrong -> System.out.println("  WRONG: " + wrong));
        System.out.println("  " + GauntletTable.score(outcome) + "  (verify log: " + verify.log() + ")");
        return outcome;
    }

    static String seconds(Duration duration) {
        return duration == null ? "never" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String label(Scenario scenario) {
        return (scenario.app().name() + "-" + scenario.name()).replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("-+$", "");
    }

    /**
     * A free port from the system's ephemeral range, never one of the ranges the demo and the deploy
     * scripts' tests use (8081+, 9181+, 18081+, 19091+): someone may run them beside the gauntlet.
     */
    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (DEMO_PORTS.stream().noneMatch(first -> port >= first && port < first + 1000)) {
                    return port;
                }
            }
        }
    }

    private static Process startHog(int threads) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process hog = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), CpuHog.class.getName(),
                String.valueOf(threads)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Runtime.getRuntime().addShutdownHook(new Thread(hog::destroyForcibly, "cpu-hog-stop"));
        System.out.printf("%nCPU hog: %d busy threads (pid %d)%n", threads, hog.pid());
        return hog;
    }

    /** Lets the load average climb to {@link #BUSY} before the restarts (at most two minutes). */
    private static void awaitBusy(Process hog) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (LoadAverage.now() < BUSY && System.nanoTime() < giveUp && hog.isAlive()) {
            TimeUnit.SECONDS.sleep(2);
        }
        System.out.printf(Locale.ROOT, "load average %.1f: restarting%n", LoadAverage.now());
    }

    private static void stopHog(Process hog) throws InterruptedException {
        try (OutputStream in = hog.getOutputStream()) {
            in.flush();
        } catch (IOException alreadyGone) {
            // it ended by itself
        }
        if (!hog.waitFor(5, TimeUnit.SECONDS)) {
            hog.destroyForcibly();
        }
    }
}
