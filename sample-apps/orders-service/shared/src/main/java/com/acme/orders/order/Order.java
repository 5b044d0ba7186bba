package com.acme.orders.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A stored order. How it is shown to API clients is the API's business ({@code OrderJson}). */
public record Order(UUID id, String sku, int qty, OrderStatus status, Instant createdAt) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
