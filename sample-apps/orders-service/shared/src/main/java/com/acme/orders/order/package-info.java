/** Orders as the service stores them, and how they are stored. */
package com.acme.orders.order;
