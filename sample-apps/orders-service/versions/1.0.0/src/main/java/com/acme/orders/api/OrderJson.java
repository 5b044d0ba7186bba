package com.acme.orders.api;

import com.acme.orders.order.Order;
import com.acme.orders.order.OrderStatus;
import java.util.UUID;

/** An order as the API shows it: {@code {"id", "sku", "qty", "status"}}. */
public record OrderJson(UUID id, String sku, int qty, OrderStatus status) {

    static OrderJson of(Order order) {
        return new OrderJson(order.id(), order.sku(), order.qty(), order.status());
    }
}
