package org.postpatch.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postpatch.result.Fingerprint;

/** Fingerprints as stored in the ledger: {"facts": {...}, "jars": {"name": {"version", "digest"}}}. */
final class FingerprintJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FingerprintJson() {
    }

    static String write(Fingerprint fingerprint) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode facts = root.putObject("facts");
        fingerprint.sorted().forEach(facts::put);
        ObjectNode jars = root.putObject("jars");
        fingerprint.sortedJars().forEach((name, jar) -> {
            ObjectNode node = jars.putObject(name);
            node.put("version", jar.version());
            node.put("digest", jar.digest());
        });
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Fingerprint read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            Map<String, String> facts = new LinkedHashMap<>();
            root.path("facts").fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue().asText()));
            Map<String, Fingerprint.Jar> jars = new LinkedHashMap<>();
            root.path("jars").fields().forEachRemaining(e -> jars.put(e.getKey(),
                    new Fingerprint.Jar(e.getValue().path("version").asText(), e.getValue().path("digest").asText())));
            return new Fingerprint(facts, jars);
        } catch (JsonProcessingException e) {
            throw new LedgerException("a recorded fingerprint is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
