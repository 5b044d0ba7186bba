package org.postpatch.probes.junit.sample.slow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Two tests that each wait up to a minute for something that never comes, and record how they ended. */
@TestMethodOrder(MethodOrderer.MethodName.class)
public class HangingTest {

    /** How each test ended, in order: {@code interrupted} or {@code waited}. */
    public static final List<String> ENDINGS = new CopyOnWriteArrayList<>();

    @Test
    void firstWaitsForAReply() {
        waitForAReplyThatNeverComes();
    }

    @Test
    void secondWaitsForAReply() {
        waitForAReplyThatNeverComes();
    }

    private static void waitForAReplyThatNeverComes() {
        try {
            boolean replied = new CountDownLatch(1).await(60, TimeUnit.SECONDS);
            ENDINGS.add("waited");
            assertThat(replied).as("a reply").isTrue();
        } catch (InterruptedException interrupted) {
            ENDINGS.add("interrupted");
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a reply", interrupted);
        }
    }
}
