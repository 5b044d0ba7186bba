package org.postpatch.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.postpatch.api.ProbeStatus;
import org.postpatch.report.JsonText;
import org.postpatch.result.Sample;

/** A probe's samples as stored in the ledger: a JSON array, null when it ran once. */
final class SampleJson {

    private SampleJson() {
    }

    /** Written without a mapper ({@link JsonText}): recording a run in a fresh process need not build one. */
    static String write(List<Sample> samples) {
        if (samples.isEmpty()) {
            return null;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Sample sample : samples) {
            array.addObject().put("startedAt", sample.startedAt().toEpochMilli()).put("status", sample.status().name())
                    .put("ms", sample.time().toMillis()).put("late", sample.late()).put("message", sample.message());
        }
        return JsonText.compact(array);
    }

    static List<Sample> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<Sample> samples = new ArrayList<>();
            for (JsonNode node : Reading.MAPPER.readTree(json)) {
                samples.add(new Sample(Instant.ofEpochMilli(node.path("startedAt").asLong()),
                        ProbeStatus.valueOf(node.path("status").asText()), Duration.ofMillis(node.path("ms").asLong()),
                        node.path("message").asText(), node.path("late").asBoolean()));
            }
            return samples;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new LedgerException("recorded samples are not readable: " + e.getMessage(), e);
        }
    }

    /** The mapper that reads, built when something is first read. */
    private static final class Reading {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
