/** The orders REST API under {@code /api/orders}: the JSON contract that clients (and the probes) rely on. */
package com.acme.orders.api;
