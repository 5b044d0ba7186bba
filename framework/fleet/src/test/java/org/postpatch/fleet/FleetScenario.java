package org.postpatch.fleet;

import java.time.Duration;
import java.time.Instant;
import org.postpatch.fleet.read.Period;
import org.postpatch.ledger.Ledger;
import org.postpatch.result.Fingerprint;

/**
 * A small fleet with one of everything, recorded day by day:
 * <ul>
 *   <li>orders on node-1..4: a JVM patch (17.0.15 to 17.0.16) on node-1..3 makes "checkout" regress on all three;
 *       node-4 keeps the old JVM and passes;</li>
 *   <li>billing on b-1..4: release 2.1 on all four; "search" regresses on b-3 only;</li>
 *   <li>inventory on inv-1: an OS patch seen by a plain run, never judged;</li>
 *   <li>payments on pay-1: release 5.1 fails its verify and is rolled back (when asked to).</li>
 * </ul>
 */
public final class FleetScenario {

    public static final Instant DAY_1 = Instant.parse("2026-11-20T08:00:00Z");
    public static final Period PERIOD = new Period(DAY_1.minus(Duration.ofDays(1)), DAY_1.plus(Duration.ofDays(7)));

    public static final Fingerprint ORDERS_OLD = FleetRecorder.fingerprint("3.4.0", "17.0.15");
    public static final Fingerprint ORDERS_NEW = FleetRecorder.fingerprint("3.4.0", "17.0.16");

    /** The verify of pay-1 that failed, to mark as rolled back. */
    public final String failedPaymentsVerify;
    /** The verifies of orders on node-1, node-2 and node-3 after the JVM patch. */
    public final java.util.List<String> ordersVerifies;

    private FleetScenario(String failedPaymentsVerify, java.util.List<String> ordersVerifies) {
        this.failedPaymentsVerify = failedPaymentsVerify;
        this.ordersVerifies = java.util.List.copyOf(ordersVerifies);
    }

    public static FleetScenario record(Ledger ledger) {
        FleetRecorder recorder = new FleetRecorder(ledger);
        Instant day2 = DAY_1.plus(Duration.ofDays(1));
        java.util.List<String> ordersVerifies = new java.util.ArrayList<>();
        for (int node = 1; node <= 4; node++) {
            String target = "node-" + node;
            recorder.run("orders", target, DAY_1.plusSeconds(node * 60L), ORDERS_OLD);
            String baseline = recorder.baseline("orders", target, day2.plusSeconds(node * 600L), ORDERS_OLD);
            if (node <= 3) {
                ordersVerifies.add(recorder.verify("orders", target, day2.plusSeconds(node * 600L + 120), ORDERS_NEW,
                        baseline, "checkout"));
            } else {
                recorder.run("orders", target, day2.plusSeconds(node * 600L + 120), ORDERS_OLD);
            }
        }
        Fingerprint billingOld = FleetRecorder.fingerprint("2.0", "17.0.15");
        Fingerprint billingNew = FleetRecorder.fingerprint("2.1", "17.0.15");
        for (int node = 1; node <= 4; node++) {
            String target = "b-" + node;
            String baseline = recorder.baseline("billing", target, day2.plusSeconds(3600 + node * 600L), billingOld);
            recorder.verify("billing", target, day2.plusSeconds(3600 + node * 600L + 120), billingNew, baseline,
                    node == 3 ? new String[] {"search"} : new String[0]);
        }
        Fingerprint inventoryOld = FleetRecorder.fingerprint("1.9", "17.0.15");
        Fingerprint inventoryPatched = new Fingerprint(java.util.Map.of("app.version", "1.9", "jvm.version", "17.0.15",
                "jvm.vendor", "Eclipse Adoptium", "os.name", "Linux", "os.version", "6.1.0-27"), inventoryOld.jars());
        recorder.baseline("inventory", "inv-1", day2.plusSeconds(7200), inventoryOld);
        recorder.run("inventory", "inv-1", day2.plusSeconds(7800), inventoryPatched);
        String paymentsBaseline = recorder.baseline("payments", "pay-1", day2.plusSeconds(9000),
                FleetRecorder.fingerprint("5.0", "17.0.15"));
        String paymentsVerify = recorder.verify("payments", "pay-1", day2.plusSeconds(9300),
                FleetRecorder.fingerprint("5.1", "17.0.15"), paymentsBaseline, "checkout");
        return new FleetScenario(paymentsVerify, ordersVerifies);
    }
}
