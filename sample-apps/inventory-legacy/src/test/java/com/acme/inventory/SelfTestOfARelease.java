package com.acme.inventory;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postpatch.embedded.PostPatch;
import org.postpatch.embedded.SelfTest;

/** Starts this release's service and its embedded self-test, and reads the verdict from the endpoint. */
final class SelfTestOfARelease {

    private SelfTestOfARelease() {
    }

    /** The probe statuses of the first self-test, by probe id, plus "verdict". */
    static Map<String, String> run() throws Exception {
        InventoryServer server = InventoryServer.start(0, Inventory.seeded());
        try (SelfTest selfTest = PostPatch.embedded().probesFrom("classpath:postpatch/").appVersion(Release.VERSION)
                .variable("base", "http://127.0.0.1:" + server.port()).ledger("none").endpoint(0).token("t").start()) {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + selfTest.port().orElseThrow() + "/selftest");
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer t").build();
            await().atMost(Duration.ofSeconds(60)).until(() -> new ObjectMapper()
                    .readTree(client.send(request, HttpResponse.BodyHandlers.ofString()).body()).has("lastRunAt"));
            JsonNode summary = new ObjectMapper().readTree(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
            Map<String, String> statuses = new LinkedHashMap<>();
            statuses.put("verdict", summary.path("status").asText());
            summary.path("probes").forEach(p -> statuses.put(p.path("id").asText(),
                    p.path("status").asText() + " " + p.path("message").asText()));
            return statuses;
        } finally {
            server.stop();
        }
    }
}
