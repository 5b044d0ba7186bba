package org.postpatch.probes.jdbc;

import java.util.Optional;
import org.postpatch.spi.Check;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Spec;

/**
 * The {@code jdbc} kind: connects to a database with the driver found on the classpath, then checks
 * the connection or runs a query and compares its row count, first value and time.
 * <pre>{@code
 * - id: orders-db
 *   jdbc:
 *     url: jdbc:postgresql://localhost:5432/orders
 *     user: orders
 *     password: ${secret:ORDERS_DB_PASSWORD}
 *     query: select count(*) from orders where created > now() - interval '1 day'
 *     expect: { rows: 1, value: { gt: 0 }, within: 200ms }
 * }</pre>
 */
public final class JdbcProbeKind implements ProbeKind {

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public Check bind(Spec spec) {
        String url = spec.string("url");
        if (!url.isEmpty() && !spec.node().get("url").isDeferred() && !url.startsWith("jdbc:")) {
            // The URL itself is not repeated: it may hold a password.
            spec.problem("url", "expected a JDBC URL starting with 'jdbc:', like jdbc:postgresql://host:5432/database");
        }
        Optional<String> user = spec.optionalString("user");
        Optional<String> password = spec.optionalString("password");
        java.util.Map<String, String> properties = spec.stringMap("properties");
        Optional<String> query = spec.optionalString("query").filter(text -> !text.isBlank());
        Expectations expectations = spec.child("expect").map(Expectations::read).orElse(Expectations.NONE);
        if (spec.has("expect") && query.isEmpty()) {
            spec.problem("expect", "needs a query; without one the probe only checks that it can connect");
        }
        if (spec.hasProblems()) {
            return null;
        }
        return new JdbcCheck(new Database(url, user, password, properties), query, expectations);
    }
}
