/** orders-service: a small order service that tests itself after every patch. */
package com.acme.orders;
