package com.acme.inventory;

import java.util.Optional;

/** Release 2.3.0: what this version does where versions differ. */
final class Release {

    static final String VERSION = "2.3.0";

    private Release() {
    }

    /** An item as the API shows it. */
    static String itemJson(Item item) {
        return "{\"sku\":" + Json.string(item.sku()) + ",\"name\":" + Json.string(item.name())
                + ",\"quantity\":" + item.quantity() + "}";
    }

    /** Reserves {@code count} of an item. */
    static Optional<Item> reserve(Inventory inventory, String sku, int count) {
        return inventory.reserve(sku, count);
    }
}
