package com.acme.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The stock, in memory, seeded with a few items at start. */
public final class Inventory {

    private final ConcurrentMap<String, Item> items = new ConcurrentHashMap<>();

    public static Inventory seeded() {
        Inventory inventory = new Inventory();
        inventory.put(new Item("A-1", "Anchor bolt M8", 120));
        inventory.put(new Item("A-2", "Anchor bolt M10", 80));
        inventory.put(new Item("B-7", "Bracket, steel", 15));
        inventory.put(new Item("C-3", "Cable tie 200mm", 1000));
        return inventory;
    }

    void put(Item item) {
        items.put(item.sku(), item);
    }

    public Optional<Item> find(String sku) {
        return Optional.ofNullable(items.get(sku));
    }

    public List<Item> all() {
        List<Item> all = new ArrayList<>(items.values());
        all.sort(java.util.Comparator.comparing(Item::sku));
        return all;
    }

    /** Takes {@code count} of an item if that many are in stock; empty when not. */
    public synchronized Optional<Item> reserve(String sku, int count) {
        Item item = items.get(sku);
        if (item == null || count < 1 || item.quantity() < count) {
            return Optional.empty();
        }
        Item left = item.take(count);
        items.put(sku, left);
        return Optional.of(left);
    }
}
