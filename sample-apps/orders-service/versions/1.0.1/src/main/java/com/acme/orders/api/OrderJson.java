package com.acme.orders.api;

import com.acme.orders.order.Order;
import com.acme.orders.order.OrderStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as the API shows it: {@code {"id", "sku", "qty", "status", "createdAt"}}.
 * 1.0.1 added {@code createdAt} (a new field: clients that do not know it ignore it).
 */
public record OrderJson(UUID id, String sku, int qty, OrderStatus status, Instant createdAt) {

    static OrderJson of(Order order) {
        return new OrderJson(order.id(), order.sku(), order.qty(), order.status(), order.createdAt());
    }
}
