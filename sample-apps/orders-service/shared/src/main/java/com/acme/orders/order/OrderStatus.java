package com.acme.orders.order;

/** Where an order is in its life; every order starts as {@link #NEW}. */
public enum OrderStatus {
    NEW, CONFIRMED, SHIPPED, CANCELLED
}
