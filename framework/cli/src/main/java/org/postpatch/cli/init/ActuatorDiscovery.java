package org.postpatch.cli.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spring Boot Actuator, as far as it shows itself without credentials: the health endpoint (its
 * readiness group when there is one), the application's version from {@code info}, and the request
 * mappings when that endpoint is exposed.
 */
final class ActuatorDiscovery {

    /** Where Spring Boot puts the version, in the order init prefers them. */
    private static final List<String> VERSION_PATHS = List.of("build.version", "app.version", "version", "git.commit.id",
            "git.commit.id.abbrev");

    /**
     * What was found.
     *
     * @param health   the health probe, when Actuator's health answered
     * @param version  the version probe, when {@code info} tells a version
     * @param mappings the mappings endpoint's path, when exposed
     * @param basePath the path of Actuator's own endpoints ({@code /actuator}), left out of other probes
     * @param name     the application's name from {@code info}, without its version
     */
    record Actuator(Optional<StarterProbe> health, Optional<StarterProbe> version, Optional<String> mappings, String basePath,
                    Optional<String> name) {
    }

    /** Where Spring Boot puts the application's name; a version at the end is cut off. */
    private static final List<String> NAME_PATHS = List.of("app.name", "build.name", "build.artifact");

    private final Target target;
    private final Findings findings;
    private Optional<String> name = Optional.empty();

    ActuatorDiscovery(Target target, Findings findings) {
        this.target = target;
        this.findings = findings;
    }

    Actuator discover() throws InterruptedException {
        String base = "/actuator";
        JsonNode links = JsonNodeFactory.instance.objectNode();
        Optional<Answer> index = target.get(base, findings);
        if (index.isPresent() && index.get().successful() && index.get().json().map(j -> j.has("_links")).orElse(false)) {
            links = index.get().json().orElseThrow().path("_links");
            List<String> names = new ArrayList<>();
            for (String name : Text.names(links)) {
                if (!name.equals("self") && !links.path(name).path("templated").asBoolean(false)) {
                    names.add(name);
                }
            }
            findings.answered(index.get(), "Actuator: " + String.join(", ", names));
        } else if (index.isPresent() && index.get().wantsCredentials()) {
            findings.answered(index.get(), "Actuator wants credentials");
            findings.note("Actuator at " + base + " wants credentials (" + index.get().status() + "): postpatch init uses none. "
                    + "To probe its endpoints, add headers: { Authorization: \"Bearer ${secret:ACTUATOR_TOKEN}\" } to a probe.");
        } else if (index.isPresent()) {
            findings.answered(index.get(), "no Actuator here");
        }
        Optional<StarterProbe> health = health(path(links, "health", base + "/health"));
        if (health.isEmpty() && index.isPresent() && !index.get().successful()) {
            return new Actuator(Optional.empty(), Optional.empty(), Optional.empty(), base, name);
        }
        List<String> found = new ArrayList<>();
        health.ifPresent(probe -> found.add("health"));
        Optional<StarterProbe> version = Optional.empty();
        if (links.has("info")) {
            version = version(path(links, "info", base + "/info"));
            found.add("info");
        } else {
            findings.note("Actuator's info endpoint is not exposed (management.endpoints.web.exposure.include): no version probe.");
        }
        Optional<String> mappings = Optional.empty();
        if (links.has("mappings")) {
            mappings = Optional.of(path(links, "mappings", base + "/mappings"));
            found.add("mappings");
        }
        if (!found.isEmpty()) {
            findings.source("Spring Boot Actuator at " + base + " (" + String.join(", ", found) + ")");
        }
        return new Actuator(health, version, mappings, base, name);
    }

    private Optional<StarterProbe> health(String path) throws InterruptedException {
        Optional<Answer> answer = target.get(path, findings);
        Optional<String> status = answer.flatMap(Answer::json).map(json -> json.path("status").asText(""))
                .filter(text -> !text.isEmpty());
        if (answer.isEmpty() || status.isEmpty()) {
            answer.filter(Answer::wantsCredentials).ifPresent(refused -> findings.note("Actuator's health at " + path
                    + " wants credentials (" + refused.status() + "): the health probe uses another endpoint."));
            answer.ifPresent(other -> findings.answered(other, other.wantsCredentials() ? "wants credentials" : "no health here"));
            return Optional.empty();
        }
        JsonNode groups = answer.get().json().orElseThrow().path("groups");
        findings.answered(answer.get(), status.get() + (groups.isEmpty() ? "" : " (groups: " + Text.join(groups) + ")"));
        String probed = path;
        String probedStatus = status.get();
        if (Text.contains(groups, "readiness")) {
            Optional<Answer> readiness = target.get(path + "/readiness", findings);
            Optional<String> ready = readiness.flatMap(Answer::json).map(j -> j.path("status").asText("")).filter(s -> !s.isEmpty());
            readiness.ifPresent(answered -> findings.answered(answered, ready.orElse("")));
            if (ready.isPresent()) {
                probed = path + "/readiness";
                probedStatus = ready.get();
            }
        }
        if (!probedStatus.equals("UP")) {
            findings.note("Actuator's " + probed + " said " + probedStatus + " when this file was written; the health probe"
                    + " expects UP.");
        } else if (!status.get().equals("UP")) {
            findings.note("Actuator's overall health said " + status.get() + " when this file was written (its readiness"
                    + " group, which the health probe checks, said UP): see " + path + " for which component is down.");
        }
        ObjectNode expect = JsonNodeFactory.instance.objectNode().put("status", 200);
        expect.putObject("json").put("$.status", "UP");
        String why = probed.endsWith("/readiness")
                ? "Actuator's readiness group: the application is up and accepts traffic. Not " + path + " itself, whose"
                        + " overall status also counts components (a self-test, disk space) that are not about this patch."
                : "Actuator's health: the application is up.";
        return Optional.of(new StarterProbe("health", "The application is up and ready.", List.of(why), true, List.of(),
                StarterProbe.get(Text.literal(probed), expect)));
    }

    private Optional<StarterProbe> version(String path) throws InterruptedException {
        Optional<Answer> answer = target.get(path, findings);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        JsonNode info = answer.get().json().orElse(JsonNodeFactory.instance.objectNode());
        name = NAME_PATHS.stream().map(candidate -> info.at("/" + candidate.replace('.', '/')).asText(""))
                .map(text -> text.replaceAll("[-_ ]v?[0-9]+(\\.[0-9]+)+.*$", "").strip()).filter(text -> !text.isEmpty()).findFirst();
        for (String candidate : VERSION_PATHS) {
            JsonNode value = info.at("/" + candidate.replace('.', '/'));
            if (value.isTextual() && !value.asText().isBlank()) {
                findings.answered(answer.get(), "version " + value.asText() + " at $." + candidate);
                ObjectNode expect = JsonNodeFactory.instance.objectNode().put("status", 200);
                expect.putObject("json").putObject("$." + candidate).put("type", "string");
                return Optional.of(new StarterProbe("version", "The application reports its version.",
                        List.of("The version, from Actuator's info: " + value.asText() + " when this file was written. Every"
                                + " application patch changes it, so the probe checks that it is reported; to check which,"
                                + " write $." + candidate + ": \"${version}\" and run with --var version=..."),
                        false, List.of(), StarterProbe.get(Text.literal(path), expect)));
            }
        }
        findings.answered(answer.get(), answer.get().successful() ? "no version in it" : "");
        findings.note("Actuator's info at " + path + " tells no version (the build-info goal of spring-boot-maven-plugin adds"
                + " one): no version probe.");
        return Optional.empty();
    }

    /** The path of a link in Actuator's index, relative to the application's URL; the default without one. */
    private String path(JsonNode links, String name, String fallback) {
        String href = links.path(name).path("href").asText("");
        int start = href.indexOf("://");
        if (start < 0) {
            return fallback;
        }
        int path = href.indexOf('/', start + 3);
        String absolutePath = path < 0 ? "/" : href.substring(path);
        return absolutePath.startsWith(target.basePath()) ? absolutePath.substring(target.basePath().length()) : fallback;
    }
}
