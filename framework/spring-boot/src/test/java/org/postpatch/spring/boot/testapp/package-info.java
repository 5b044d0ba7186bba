/** A tiny Spring Boot application that tests itself, for the integration tests. */
package org.postpatch.spring.boot.testapp;
