package com.acme.orders.api;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}): an unknown order,
 * invalid input, an unreadable body. Only for the API: the pages keep Spring Boot's error page, which
 * a person's browser shows as HTML.
 */
@RestControllerAdvice(assignableTypes = OrderController.class)
class ApiProblems extends ResponseEntityExceptionHandler {
}
