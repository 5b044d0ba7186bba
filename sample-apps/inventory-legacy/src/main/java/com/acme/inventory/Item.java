package com.acme.inventory;

/** An item in stock. */
public record Item(String sku, String name, int quantity) {

    /** The item with {@code count} fewer in stock. */
    Item take(int count) {
        return new Item(sku, name, quantity - count);
    }
}
