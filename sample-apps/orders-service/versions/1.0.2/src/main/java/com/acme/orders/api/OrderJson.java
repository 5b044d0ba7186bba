package com.acme.orders.api;

import com.acme.orders.order.Order;
import com.acme.orders.order.OrderStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as the API shows it: {@code {"id", "product", "qty", "status", "createdAt"}}.
 * 1.0.2 renamed {@code sku} to {@code product} "to match the catalogue's wording" - which breaks
 * every client that reads {@code sku}. The self-test's contract probes catch it.
 */
public record OrderJson(UUID id, String product, int qty, OrderStatus status, Instant createdAt) {

    static OrderJson of(Order order) {
        return new OrderJson(order.id(), order.sku(), order.qty(), order.status(), order.createdAt());
    }
}
