package org.postpatch.probes.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a {@code jdbc} probe treats as secret about its database, and what it lets be shown. */
class DatabaseTest {

    private final Database database = new Database(
            "jdbc:postgresql://probe:Url-Secret-1@db:5432/orders?user=orders&password=Url-Secret-2&ssl=true",
            Optional.of("orders"), Optional.of("Key-Secret-3"), Map.of("sslpassword", "Property-Secret-4", "ssl", "true"));

    @Test
    void everyPasswordIsASecret() {
        assertThat(database.secrets()).containsExactlyInAnyOrder("Key-Secret-3", "Url-Secret-1", "Url-Secret-2", "Property-Secret-4");
    }

    @Test
    void descriptionShowsNoPassword() {
        assertThat(database.toString())
                .startsWith("Database[url=jdbc:postgresql://probe:****@db:5432/orders?user=orders&password=****&ssl=true, user=orders")
                .doesNotContain("Secret");
    }

    @Test
    void postgresConnectionsAreBoundedByTheTimeLeftUnlessTheUrlSaysOtherwise() {
        assertThat(database.connectionProperties(Duration.ofMillis(2_500)))
                .containsEntry("connectTimeout", "3").containsEntry("loginTimeout", "3")
                .containsEntry("ApplicationName", "postpatch").containsEntry("password", "Key-Secret-3");
        Database own = new Database("jdbc:postgresql://db/orders?connectTimeout=30", Optional.empty(), Optional.empty(),
                Map.of("ApplicationName", "orders-check"));
        assertThat(own.connectionProperties(Duration.ofSeconds(5)))
                .doesNotContainKey("connectTimeout").containsEntry("loginTimeout", "5")
                .containsEntry("ApplicationName", "orders-check");
    }
}
