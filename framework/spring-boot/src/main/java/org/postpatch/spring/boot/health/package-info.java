/** The self-test in Actuator's health: the {@code selfTest} contributor and its place in the liveness and readiness groups. */
package org.postpatch.spring.boot.health;
