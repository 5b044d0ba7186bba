package org.postpatch.spring.boot.testapp;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers {@code GET /hello}, and remembers when it became ready to accept traffic. */
@SpringBootApplication
@RestController
public class HelloApplication {

    private final AtomicReference<Instant> acceptingTrafficSince = new AtomicReference<>();

    public static void main(String[] args) {
        SpringApplication.run(HelloApplication.class, args);
    }

    @GetMapping("/hello")
    String hello() {
        return "hello";
    }

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            acceptingTrafficSince.compareAndSet(null, Instant.now());
        }
    }

    @Bean
    ReadySince readySince() {
        return acceptingTrafficSince::get;
    }

    /** When the application first accepted traffic (null before). */
    public interface ReadySince {
        Instant instant();
    }
}
