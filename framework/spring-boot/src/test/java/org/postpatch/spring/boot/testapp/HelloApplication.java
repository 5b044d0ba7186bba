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
    private final Gate gate = new Gate();

    public static void main(String[] args) {
        SpringApplication.run(HelloApplication.class, args);
    }

    @GetMapping("/hello")
    String hello() {
        return "hello";
    }

    /** Holds a Tomcat thread until the gate opens (at most 30 seconds): for the saturation test. */
    @GetMapping("/slow")
    String slow() throws InterruptedException {
        gate.waiting.incrementAndGet();
        gate.open.await(30, java.util.concurrent.TimeUnit.SECONDS);
        return "slow";
    }

    @Bean
    Gate gate() {
        return gate;
    }

    /** What {@code /slow} waits for. */
    public static final class Gate {
        public final java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
        public final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
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
