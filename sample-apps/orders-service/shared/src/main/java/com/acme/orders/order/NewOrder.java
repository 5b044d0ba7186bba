package com.acme.orders.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What a client sends to order something: from the API as JSON, or from the form. */
public record NewOrder(
        @NotBlank(message = "sku is required") @Size(max = 64, message = "sku is at most 64 characters") String sku,
        @NotNull(message = "qty is required") @Positive(message = "qty must be at least 1")
        @Max(value = 10_000, message = "qty is at most 10000") Integer qty) {
}
