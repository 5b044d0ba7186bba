/** The order pages for people: the list of orders and the new-order form. */
package com.acme.orders.web;
