package com.acme.inventory;

import java.util.Optional;

/**
 * Release 2.3.1: a patch that went wrong. It renamed the {@code quantity} field to {@code qty}
 * (every client reading {@code quantity} breaks) and its "simplified" reservation ignores the
 * requested count and always reserves one.
 */
final class Release {

    static final String VERSION = "2.3.1";

    private Release() {
    }

    /** An item as the API shows it. */
    static String itemJson(Item item) {
        return "{\"sku\":" + Json.string(item.sku()) + ",\"name\":" + Json.string(item.name())
                + ",\"qty\":" + item.quantity() + "}";
    }

    /** Reserves {@code count} of an item. */
    static Optional<Item> reserve(Inventory inventory, String sku, int count) {
        return inventory.reserve(sku, 1);
    }
}
