package com.acme.orders.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.orders.order.NewOrder;
import com.acme.orders.order.Order;
import com.acme.orders.order.OrderRepository;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postpatch.spring.boot.RunningApplication;

/** The application's own storage, through its repository bean: what it writes, it reads back the same. */
@Tag("postpatch")
class OrderStorageSmokeTest {

    private final OrderRepository orders = RunningApplication.bean(OrderRepository.class);

    @Test
    void aStoredOrderIsFoundByItsIdUnchanged() {
        Order stored = orders.create(new NewOrder("POSTPATCH-SMOKE", 1));

        Optional<Order> found = orders.find(stored.id());

        assertEquals(Optional.of(stored), found, "order " + stored.id() + " read back from the database");
    }

    @Test
    void theLatestOrdersIncludeOneJustStored() {
        Order stored = orders.create(new NewOrder("POSTPATCH-SMOKE", 1));

        assertTrue(orders.latest(50).contains(stored), "order " + stored.id() + " among the latest 50");
    }
}
