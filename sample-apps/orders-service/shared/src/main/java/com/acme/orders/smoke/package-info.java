/**
 * Smoke tests that ship in the application jar and run inside the running application, through the
 * self-test's {@code junit} probe. They reach the application through
 * {@link org.postpatch.spring.boot.RunningApplication}: over HTTP on its own port, or through its beans.
 */
package com.acme.orders.smoke;
