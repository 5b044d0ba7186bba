package org.postpatch.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Probes from Actuator's request mappings, for an application without an OpenAPI document: one per
 * GET handler without path variables or required parameters that answers 2xx now, expecting the
 * status it answered (and a JSON Content-Type when it answered JSON).
 */
final class MappingProbes {

    private final Target target;
    private final Findings findings;
    private final Endpoints endpoints;

    MappingProbes(Target target, Findings findings, Endpoints endpoints) {
        this.target = target;
        this.findings = findings;
        this.endpoints = endpoints;
    }

    List<StarterProbe> discover(String mappingsPath, String actuatorBase, int maxProbes) throws InterruptedException {
        Optional<Answer> answer = target.get(mappingsPath, findings);
        Optional<JsonNode> mappings = answer.flatMap(Answer::json);
        if (mappings.isEmpty()) {
            answer.ifPresent(other -> findings.answered(other, "not readable as Actuator's mappings"));
            return List.of();
        }
        Map<String, String> handlers = getHandlers(mappings.get(), actuatorBase);
        findings.answered(answer.get(), handlers.size() + " GET handlers without parameters");
        List<StarterProbe> probes = new ArrayList<>();
        List<String> beyondCap = new ArrayList<>();
        for (Map.Entry<String, String> handler : handlers.entrySet()) {
            String path = handler.getKey();
            if (Endpoints.looksStateChanging(path)) {
                findings.note("GET " + path + " left out: its name suggests it changes something, and init only reads.");
            } else if (probes.size() >= maxProbes) {
                beyondCap.add(path);
            } else {
                probe(path, handler.getValue()).ifPresent(probes::add);
            }
        }
        if (!beyondCap.isEmpty()) {
            findings.note(beyondCap.size() + " more GET handlers left out to keep the file readable (at most " + maxProbes
                    + "; --max-probes N): " + Text.listed(beyondCap) + ".");
        }
        return probes;
    }

    private Optional<StarterProbe> probe(String path, String handler) throws InterruptedException {
        Optional<Answer> answer = target.get(Endpoints.encoded(path), findings);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        Answer got = answer.get();
        findings.answered(got, got.contentType());
        if (!got.successful()) {
            findings.note("GET " + path + " left out: it answered " + got.describeStatus()
                    + (got.wantsCredentials() ? " (it wants credentials)" : "") + ".");
            return Optional.empty();
        }
        ObjectNode expect = JsonNodeFactory.instance.objectNode().put("status", got.status());
        if (got.isJson()) {
            expect.putObject("headers").putObject("Content-Type").put("contains", "json");
        }
        return Optional.of(new StarterProbe(endpoints.id(path), "GET " + path + " answers.",
                List.of("GET " + path + ", from Actuator's mappings (" + handler + "): it answered " + got.status()
                        + (got.contentType().isEmpty() ? "" : " " + got.contentType()) + " when this file was written."),
                false, List.of(), StarterProbe.get(Text.literal(Endpoints.encoded(path)), expect)));
    }

    /**
     * The GET handlers of every dispatcher servlet (or WebFlux handler) in every context, by path: those
     * without path variables, wildcards or required parameters, outside Actuator and the error page.
     */
    static Map<String, String> getHandlers(JsonNode mappings, String actuatorBase) {
        Map<String, String> handlers = new TreeMap<>();
        for (JsonNode context : mappings.path("contexts")) {
            JsonNode byKind = context.path("mappings");
            for (String kind : List.of("dispatcherServlets", "dispatcherHandlers")) {
                for (JsonNode dispatcher : byKind.path(kind)) {
                    for (JsonNode mapping : dispatcher) {
                        JsonNode conditions = mapping.path("details").path("requestMappingConditions");
                        JsonNode methods = conditions.path("methods");
                        if (conditions.isMissingNode() || !(methods.isEmpty() || Text.contains(methods, "GET"))
                                || !conditions.path("params").isEmpty() || !conditions.path("headers").isEmpty()) {
                            continue;
                        }
                        for (JsonNode pattern : conditions.path("patterns")) {
                            String path = pattern.asText();
                            if (plain(path, actuatorBase)) {
                                handlers.putIfAbsent(path, handler(mapping));
                            }
                        }
                    }
                }
            }
        }
        return handlers;
    }

    private static boolean plain(String path, String actuatorBase) {
        return path.startsWith("/") && !path.contains("{") && !path.contains("*") && !path.equals("/error")
                && !path.startsWith(actuatorBase + "/") && !path.equals(actuatorBase) && !path.startsWith("/v3/api-docs")
                && !path.startsWith("/swagger-ui");
    }

    private static String handler(JsonNode mapping) {
        JsonNode method = mapping.path("details").path("handlerMethod");
        String type = method.path("className").asText("");
        return method.isMissingNode() ? mapping.path("handler").asText("")
                : type.substring(type.lastIndexOf('.') + 1) + "#" + method.path("name").asText("");
    }
}
