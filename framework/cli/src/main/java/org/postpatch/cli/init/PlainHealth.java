package org.postpatch.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The health probe of an application without Actuator: the first of the usual health paths that
 * answers 2xx, or else the root URL answering at all.
 */
final class PlainHealth {

    /** Where applications without Actuator usually say they are up, in the order init asks. */
    static final List<String> PATHS = List.of("/health", "/healthz", "/readyz", "/status", "/ping");

    private final Target target;
    private final Findings findings;

    PlainHealth(Target target, Findings findings) {
        this.target = target;
        this.findings = findings;
    }

    StarterProbe discover(Answer root) throws InterruptedException {
        for (String path : PATHS) {
            Optional<Answer> answer = target.get(path, findings);
            if (answer.isPresent() && answer.get().successful()) {
                return probe(answer.get());
            }
            answer.ifPresent(other -> findings.answered(other, ""));
        }
        findings.note("No health endpoint found (Actuator's, " + String.join(", ", PATHS) + "): the health probe only checks"
                + " that the root URL answers. Point it at a real health check if the application has one.");
        ObjectNode expect = JsonNodeFactory.instance.objectNode();
        if (root.status() < 500) {
            expect.put("status", root.status());
        } else {
            expect.put("status", "2xx");
            findings.note("The root URL answered " + root.status() + " when this file was written; the health probe expects 2xx.");
        }
        return new StarterProbe("health", "The application answers at its root URL.",
                List.of("The root URL answered " + root.describeStatus() + " when this file was written: all init could find to"
                        + " tell that the application is up."),
                true, List.of(), StarterProbe.get("/", expect));
    }

    private StarterProbe probe(Answer answer) {
        ObjectNode expect = JsonNodeFactory.instance.objectNode().put("status", answer.status());
        JsonNode status = answer.json().map(json -> json.path("status")).orElse(JsonNodeFactory.instance.missingNode());
        String said = "";
        if (status.isTextual() && status.asText().matches("[A-Za-z_]{1,20}")) {
            expect.putObject("json").put("$.status", status.asText());
            said = ", status " + status.asText();
        }
        findings.answered(answer, said.isEmpty() ? "" : status.asText());
        findings.source("a health endpoint at " + answer.path());
        return new StarterProbe("health", "The application is up.",
                List.of("GET " + answer.path() + " answered " + answer.status() + said + " when this file was written: found by its"
                        + " name, as the application has no Actuator."),
                true, List.of(), StarterProbe.get(Text.literal(answer.path()), expect));
    }
}
