package com.acme.orders.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The patch of this variant: every listing of the orders ({@code GET /api/orders}) is reported to an
 * audit service before it is answered, and that service takes about 600 ms to acknowledge. The call
 * is simulated by waiting that long; the listing's answer is unchanged, only slower.
 */
@Configuration
class OrderListAudit implements WebMvcConfigurer, HandlerInterceptor {

    /** How long the audit service takes to acknowledge a listing. */
    private static final Duration AUDIT_SERVICE_ANSWERS_IN = Duration.ofMillis(600);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/orders");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        if ("GET".equals(request.getMethod())) {
            Thread.sleep(AUDIT_SERVICE_ANSWERS_IN.toMillis());
        }
        return true;
    }
}
