package com.acme.inventory;

import java.util.Optional;

/**
 * Release 2.3.2-slow (the patch gauntlet's seeded slowdown): 2.3.0, except that a reservation is
 * first written to a stock ledger that takes about 600 ms to acknowledge (simulated by waiting that
 * long). What it answers is unchanged.
 */
final class Release {

    static final String VERSION = "2.3.2-slow";

    /** How long the stock ledger takes to acknowledge a reservation. */
    private static final long LEDGER_ANSWERS_IN_MS = 600;

    private Release() {
    }

    /** An item as the API shows it. */
    static String itemJson(Item item) {
        return "{\"sku\":" + Json.string(item.sku()) + ",\"name\":" + Json.string(item.name())
                + ",\"quantity\":" + item.quantity() + "}";
    }

    /** Reserves {@code count} of an item, once the stock ledger has acknowledged it. */
    static Optional<Item> reserve(Inventory inventory, String sku, int count) {
        try {
            Thread.sleep(LEDGER_ANSWERS_IN_MS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return inventory.reserve(sku, count);
    }
}
