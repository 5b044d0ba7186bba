package com.acme.orders.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders in the {@code orders} table (see {@code schema.sql}); plain SQL that H2 and PostgreSQL both run. */
@Repository
public class OrderRepository {

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new order and returns it. */
    public Order create(NewOrder order) {
        Order created = new Order(UUID.randomUUID(), order.sku().strip(), order.qty(), OrderStatus.NEW,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        jdbc.sql("insert into orders (id, sku, qty, status, created_at) values (:id, :sku, :qty, :status, :createdAt)")
                .param("id", created.id())
                .param("sku", created.sku())
                .param("qty", created.qty())
                .param("status", created.status().name())
                .param("createdAt", created.createdAt().atOffset(ZoneOffset.UTC))
                .update();
        return created;
    }

    public Optional<Order> find(UUID id) {
        return jdbc.sql("select id, sku, qty, status, created_at from orders where id = :id")
                .param("id", id)
                .query(OrderRepository::order)
                .optional();
    }

    /** The most recent orders, newest first. */
    public List<Order> latest(int limit) {
        return jdbc.sql("select id, sku, qty, status, created_at from orders order by created_at desc, id fetch first :limit rows only")
                .param("limit", limit)
                .query(OrderRepository::order)
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from orders").query(Long.class).single();
    }

    private static Order order(ResultSet row, int number) throws SQLException {
        return new Order(row.getObject("id", UUID.class), row.getString("sku"), row.getInt("qty"),
                OrderStatus.valueOf(row.getString("status")), row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
