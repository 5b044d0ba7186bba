package com.acme.orders.api;

import com.acme.orders.order.NewOrder;
import com.acme.orders.order.Order;
import com.acme.orders.order.OrderRepository;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /api/orders} creates an order (201, its JSON, and its URL in {@code Location});
 * {@code GET /api/orders} lists the latest; {@code GET /api/orders/{id}} reads one (404 if unknown).
 * Errors are RFC 9457 problem details ({@link ApiProblems}).
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private static final int LIST_LIMIT = 50;

    private final OrderRepository orders;

    OrderController(OrderRepository orders) {
        this.orders = orders;
    }

    @PostMapping
    ResponseEntity<OrderJson> create(@Valid @RequestBody NewOrder order, UriComponentsBuilder uri) {
        Order created = orders.create(order);
        URI location = uri.path("/api/orders/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(OrderJson.of(created));
    }

    @GetMapping
    List<OrderJson> latest() {
        return orders.latest(LIST_LIMIT).stream().map(OrderJson::of).toList();
    }

    @GetMapping("/{id}")
    OrderJson one(@PathVariable UUID id) {
        return orders.find(id).map(OrderJson::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no order with id " + id));
    }
}
