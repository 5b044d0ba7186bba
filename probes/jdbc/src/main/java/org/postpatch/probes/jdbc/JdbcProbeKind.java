package org.postpatch.probes.jdbc;

import java.util.Optional;
import org.postpatch.spi.Binding;
import org.postpatch.spi.Key;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Shape;
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

    private static final Shape DECLARATION = Shape.block(
            Key.required("url", Shape.string(),
                    "The JDBC URL. The driver is the first one on the classpath that accepts it."),
            Key.optional("user", Shape.string(), "none", "The user name, passed to the driver as the `user` property."),
            Key.optional("password", Shape.string(), "none", "The password, passed as the `password` property. Always"
                    + " treated as a secret (masked in every output), even when written literally; use `${secret:NAME}` to"
                    + " keep it out of the file."),
            Key.optional("properties", Shape.mapOf(Shape.string()).documentedAs("map of string to string"), "none",
                    "Extra driver properties, such as `{ sslmode: verify-full }`. Values of keys containing `password` are"
                            + " secrets."),
            Key.optional("query", Shape.string(), "none", "The SQL to run. Without it the probe is a connection check:"
                    + " connect, then `Connection.isValid`."),
            Key.optional("expect", Expectations.DECLARATION, "none", "What the query must return; needs `query`. Without"
                    + " it, a query that runs without an error passes."));

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public Optional<Shape> declaration() {
        return Optional.of(DECLARATION);
    }

    @Override
    public Binding bind(Spec spec) {
        String url = spec.string("url");
        if (!url.isEmpty() && !spec.isDeferred("url") && !url.startsWith("jdbc:")) {
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
            return Binding.invalid();
        }
        return Binding.of(new JdbcCheck(new Database(url, user, password, properties), query, expectations));
    }
}
