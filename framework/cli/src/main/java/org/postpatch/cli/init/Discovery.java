package org.postpatch.cli.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Looks at a running application and plans its starter suite: a health probe (Actuator's, else a
 * usual health path, else the root URL), a version probe from Actuator's info, and a probe per
 * parameterless GET operation of its OpenAPI document (or, without one, of Actuator's mappings).
 */
public final class Discovery {

    /** Where OpenAPI documents are usually served (springdoc's first), in the order init asks. */
    public static final List<String> OPENAPI_PATHS = List.of("/v3/api-docs", "/openapi.json", "/openapi.yaml");

    /** Titles that name no application (springdoc's default). */
    private static final Set<String> GENERIC_TITLES = Set.of("OpenAPI definition", "API", "");

    /**
     * What to look for.
     *
     * @param command   the command line, for the file's header
     * @param openApi   an OpenAPI document's file or URL, instead of looking for one
     * @param suiteName the suite's name, instead of the application's own
     * @param maxProbes the most probes written from an OpenAPI document or the mappings
     */
    public record Settings(String command, Optional<String> openApi, Optional<String> suiteName, int maxProbes) {
    }

    private final Target target;
    private final Settings settings;
    private final Findings findings;

    private Discovery(Target target, Settings settings, Consumer<String> progress) {
        this.target = target;
        this.settings = settings;
        this.findings = new Findings(progress);
    }

    /**
     * The planned suite, not yet checked against the application.
     *
     * @throws NoAnswerException         when the application does not answer at its URL
     * @throws UnusableDocumentException when the OpenAPI document given with --openapi cannot be used
     */
    public static StarterSuite discover(Target target, Settings settings, Consumer<String> progress)
            throws NoAnswerException, UnusableDocumentException, InterruptedException {
        return new Discovery(target, settings, progress).discover();
    }

    private StarterSuite discover() throws NoAnswerException, UnusableDocumentException, InterruptedException {
        findings.say("Looking at " + target.url() + " (GET requests only, no credentials):");
        Answer root = target.get("/");
        findings.answered(root, "");
        Endpoints endpoints = new Endpoints();
        ActuatorDiscovery.Actuator actuator = new ActuatorDiscovery(target, findings).discover();
        Optional<OpenApiDocument> document = settings.openApi().isPresent() ? Optional.of(given(settings.openApi().get()))
                : served();
        StarterProbe health = actuator.health().isPresent() ? actuator.health().get()
                : new PlainHealth(target, findings).discover(root);
        endpoints.take(health.id());
        List<StarterProbe> probes = new ArrayList<>(List.of(health));
        actuator.version().ifPresent(version -> probes.add(version.withId(endpoints.take(version.id())).needing(health.id())));
        if (actuator.health().isEmpty() && actuator.version().isEmpty()) {
            findings.note("No Actuator health or version probe: nothing of Spring Boot Actuator answered at /actuator without"
                    + " credentials.");
        }
        List<StarterProbe> operations = new ArrayList<>();
        if (document.isPresent()) {
            OpenApiProbes.Selection selection = new OpenApiProbes(document.get(), endpoints).select(prefix(document.get()),
                    settings.maxProbes());
            findings.say("  The OpenAPI document has " + selection.operations() + " operations: " + selection.probes().size()
                    + (selection.probes().size() == 1 ? " probe" : " probes") + " from its GET operations without parameters.");
            operations.addAll(selection.probes());
            selection.notes().forEach(findings::note);
        } else if (actuator.mappings().isPresent()) {
            operations.addAll(new MappingProbes(target, findings, endpoints).discover(actuator.mappings().get(),
                    actuator.basePath(), settings.maxProbes()));
        }
        if (document.isEmpty()) {
            boolean actuatorAnswered = actuator.health().isPresent() || actuator.version().isPresent();
            findings.note("No OpenAPI document at " + String.join(", ", OPENAPI_PATHS) + ": give one with --openapi FILE|URL"
                    + " for a probe per GET operation" + (actuator.mappings().isPresent() ? "; the probes below come from"
                    + " Actuator's mappings instead." : actuatorAnswered ? ", or expose Actuator's mappings endpoint." : "."));
        }
        operations.forEach(operation -> probes.add(operation.needing(health.id())));
        String name = settings.suiteName().or(actuator::name)
                .or(() -> document.map(OpenApiDocument::title).filter(title -> !GENERIC_TITLES.contains(title.strip())))
                .orElseGet(this::hostName);
        return new StarterSuite(name, target.url(), settings.command(), findings.sources(), probes, findings.notes(), "");
    }

    /** The document's paths under {@code ${base}}: its server's path, less what the base URL already has. */
    private String prefix(OpenApiDocument document) {
        String server = document.serverPath();
        String base = target.basePath();
        return !base.isEmpty() && server.startsWith(base) ? server.substring(base.length()) : server;
    }

    /** The host's name, unless it is this machine's: nothing to recognise an application by. */
    private String hostName() {
        String host = java.net.URI.create(target.url()).getHost();
        String name = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") ? "application" : host;
        findings.note("Nothing told the application's name: the suite is called " + name + "; give --suite NAME.");
        return name;
    }

    /** The document the user gave: bad input when it is missing, does not answer, or is not OpenAPI 3. */
    private OpenApiDocument given(String location) throws UnusableDocumentException, InterruptedException {
        byte[] content = location.startsWith("http://") || location.startsWith("https://") ? download(location) : read(location);
        OpenApiDocument document;
        try {
            document = OpenApiDocument.parse(location, content);
        } catch (IllegalArgumentException notOpenApi) {
            throw new UnusableDocumentException(notOpenApi.getMessage());
        }
        findings.say("  " + location + ": OpenAPI " + document.version());
        findings.source("the OpenAPI " + document.version() + " document " + location);
        return document;
    }

    private byte[] download(String url) throws UnusableDocumentException, InterruptedException {
        Answer answer;
        try {
            answer = target.get(url);
        } catch (NoAnswerException silent) {
            throw new UnusableDocumentException("--openapi " + url + ": " + silent.getMessage());
        }
        findings.answered(answer, "");
        if (!answer.successful() || answer.cut()) {
            throw new UnusableDocumentException("--openapi " + url + ": " + (answer.cut()
                    ? "bigger than " + Target.MAX_BODY_BYTES / (1024 * 1024) + " MB" : "it answered " + answer.describeStatus()));
        }
        return answer.body();
    }

    private static byte[] read(String location) throws UnusableDocumentException {
        Path file;
        try {
            file = Path.of(location);
        } catch (InvalidPathException notAPath) {
            throw new UnusableDocumentException("--openapi " + location + ": neither a file nor an http(s) URL");
        }
        try {
            if (Files.size(file) > Target.MAX_BODY_BYTES) {
                throw new UnusableDocumentException("--openapi " + location + ": bigger than "
                        + Target.MAX_BODY_BYTES / (1024 * 1024) + " MB");
            }
            return Files.readAllBytes(file);
        } catch (IOException unreadable) {
            throw new UnusableDocumentException("--openapi " + location + ": " + (Files.exists(file) ? "cannot read it: "
                    + unreadable.getMessage() : "no such file"));
        }
    }

    /** The first OpenAPI document the application serves at a usual path. */
    private Optional<OpenApiDocument> served() throws InterruptedException {
        for (String path : OPENAPI_PATHS) {
            Optional<Answer> answer = target.get(path, findings);
            if (answer.isEmpty()) {
                continue;
            }
            if (!answer.get().successful()) {
                findings.answered(answer.get(), answer.get().wantsCredentials() ? "wants credentials" : "");
                if (answer.get().wantsCredentials()) {
                    findings.note("The OpenAPI document at " + path + " wants credentials (" + answer.get().status()
                            + "): download it yourself and give it with --openapi FILE.");
                }
                continue;
            }
            try {
                OpenApiDocument document = OpenApiDocument.parse(path, answer.get().body());
                findings.answered(answer.get(), "OpenAPI " + document.version());
                findings.source("the OpenAPI " + document.version() + " document at " + path);
                return Optional.of(document);
            } catch (IllegalArgumentException notOpenApi) {
                findings.answered(answer.get(), "not an OpenAPI 3 document");
                findings.note(answer.get().cut() ? path + " is bigger than " + Target.MAX_BODY_BYTES / (1024 * 1024)
                        + " MB: give it with --openapi FILE." : notOpenApi.getMessage() + ".");
            }
        }
        return Optional.empty();
    }
}
