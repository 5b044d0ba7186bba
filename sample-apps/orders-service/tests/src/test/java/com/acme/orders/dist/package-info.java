/** Tests of orders-service's built jars: each version started as a real process, the way an operator starts it. */
package com.acme.orders.dist;
