package org.postpatch.benchmarks;

/** B2's floor: a JVM with the same flags that starts and exits, doing nothing. */
public final class EmptyMain {

    private EmptyMain() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
