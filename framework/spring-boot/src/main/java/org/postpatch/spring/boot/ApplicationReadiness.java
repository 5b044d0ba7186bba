package org.postpatch.spring.boot;

import java.util.function.BooleanSupplier;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;

/**
 * True while the application accepts traffic, as Spring Boot announces it: {@code ACCEPTING_TRAFFIC}
 * once it is ready (after the runners), {@code REFUSING_TRAFFIC} when it shuts down or the
 * application says so. The self-test waits for this before its first run.
 */
public final class ApplicationReadiness implements BooleanSupplier, ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

    private volatile boolean acceptingTraffic;

    @Override
    public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
        acceptingTraffic = event.getState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    @Override
    public boolean getAsBoolean() {
        return acceptingTraffic;
    }
}
