package com.acme.orders.smoke;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postpatch.spring.boot.RunningApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The API as a client uses it: create an order, read it back, over HTTP on the application's own port. */
@Tag("postpatch")
class OrderApiSmokeTest {

    private final RestClient api = RestClient.create(RunningApplication.localUrl());

    @Test
    @SuppressWarnings("unchecked")
    void anOrderCreatedThroughTheApiIsReadBackWithTheSameFields() {
        ResponseEntity<Map<String, Object>> created = api.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", "POSTPATCH-SMOKE", "qty", 2))
                .retrieve().toEntity((Class<Map<String, Object>>) (Class<?>) Map.class);
        assertEquals(201, created.getStatusCode().value(), "status of POST /api/orders");
        Map<String, Object> order = created.getBody();
        assertNotNull(order, "body of POST /api/orders");

        Map<String, Object> readBack = api.get().uri("/api/orders/{id}", order.get("id")).retrieve()
                .body((Class<Map<String, Object>>) (Class<?>) Map.class);

        assertNotNull(readBack, "body of GET /api/orders/" + order.get("id"));
        assertAll(
                () -> assertEquals(order.get("id"), readBack.get("id"), "id"),
                () -> assertEquals("POSTPATCH-SMOKE", readBack.get("sku"), "sku"),
                () -> assertEquals(2, readBack.get("qty"), "qty"),
                () -> assertEquals("NEW", readBack.get("status"), "status"));
    }
}
