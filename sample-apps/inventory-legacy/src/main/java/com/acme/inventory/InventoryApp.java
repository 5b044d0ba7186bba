package com.acme.inventory;

import org.postpatch.embedded.PostPatch;

/**
 * Starts the inventory service and its self-test. Settings are system properties:
 * {@code inventory.port} (default 8080) for the API; postpatch reads its own
 * ({@code postpatch.port}, {@code postpatch.ledger}, {@code postpatch.target}, and
 * {@code POSTPATCH_TOKEN} from the environment) — see the project's README.
 *
 * <p>This is the whole integration a plain Java application needs: one call after start-up.
 */
public final class InventoryApp {

    private InventoryApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("inventory.port", 8080);
        InventoryServer server = InventoryServer.start(port, Inventory.seeded());
        String base = "http://127.0.0.1:" + server.port();
        System.out.println("inventory " + Release.VERSION + " serving " + base + "/api/items");

        PostPatch.embedded()
                .probesFrom("classpath:postpatch/")
                .appVersion(Release.VERSION)
                .variable("base", base)
                .endpoint(9090)                                   // -Dpostpatch.port overrides
                .readinessUrl(base + "/health")
                .start();

        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "inventory-shutdown"));
    }
}
