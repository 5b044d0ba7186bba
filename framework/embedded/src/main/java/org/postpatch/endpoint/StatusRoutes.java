package org.postpatch.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.postpatch.report.HtmlReport;
import org.postpatch.report.JsonReport;
import org.postpatch.report.PrometheusReport;
import org.postpatch.secret.Redactor;
import org.postpatch.server.Handler;
import org.postpatch.server.Request;
import org.postpatch.server.Response;
import org.postpatch.server.Routes;

/** The endpoint's resources under its base path, and who may read each: the one place they are listed. */
final class StatusRoutes {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final StatusSource source;
    private final Access access;

    private StatusRoutes(StatusSource source, Access access) {
        this.source = source;
        this.access = access;
    }

    static Routes of(String basePath, StatusSource source, Access access) {
        String base = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        StatusRoutes resources = new StatusRoutes(source, access);
        RunTrigger trigger = new RunTrigger(base, source);
        return Routes.builder()
                .errors(StatusRoutes::error)
                .get(base.isEmpty() ? "/" : base, resources::summary)
                .post(base + "/runs", resources.withToken(trigger::handle))
                .get(base + "/runs/latest", resources.withToken(request -> details(source.lastRun().map(LastRun::report))))
                .get(base + "/runs/{id}", resources.withToken(request ->
                        details(source.report(request.pathParameter("id").orElseThrow()))))
                .get(base + "/metrics", resources::metrics)
                .get(base + "/report", resources.withToken(request -> resources.html()))
                .get(base + "/fingerprint", resources.withToken(request -> resources.fingerprint()))
                .get(base + "/live", request -> json(200, MAPPER.createObjectNode().put("status", "UP")))
                .get(base + "/ready", request -> {
                    int code = HttpStatuses.readiness(source.lastRun(), source.readinessFollowsVerdict());
                    return json(code, MAPPER.createObjectNode().put("status", code == 200 ? "UP" : "DOWN"));
                })
                .build();
    }

    private Access.Level level(Request request) {
        return access.check(request.header("Authorization").orElse(null));
    }

    /** Answers only requests with the token: 401 without a valid one, 403 when none is configured. */
    private Handler withToken(Handler handler) {
        return request -> switch (level(request)) {
            case GRANTED -> handler.handle(request);
            case NOT_CONFIGURED -> error(403, "details and runs on request are disabled: no token is configured "
                    + "(set POSTPATCH_TOKEN or a token file)");
            case DENIED -> error(401, "a valid token is needed: send Authorization: Bearer <token>")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"postpatch\"");
        };
    }

    private Response summary(Request request) {
        Optional<LastRun> last = source.lastRun();
        Optional<String> problem = source.problem();
        ObjectNode body = MAPPER.createObjectNode();
        body.put("status", problem.isPresent() ? "ERROR" : last.map(LastRun::verdict).orElse("NEVER_RUN"));
        body.put("running", source.running());
        body.put("phase", source.phase());
        last.ifPresent(run -> {
            body.put("lastRunAt", run.finishedAt().toString());
            body.put("ageSeconds", Math.max(0, Duration.between(run.finishedAt(), Instant.now()).toSeconds()));
            body.put("fingerprint", run.fingerprintDigest());
        });
        if (level(request) == Access.Level.GRANTED) {
            problem.ifPresent(text -> body.put("problem", text));
            source.warning().ifPresent(text -> body.put("warning", text));
            last.ifPresent(run -> addDetails(body, run.report()));
        }
        return json(HttpStatuses.of(last, problem), body);
    }

    /** The run's id, suite, target, summary, fingerprint facts and each probe's result. */
    static void addDetails(ObjectNode body, JsonNode report) {
        body.put("runId", report.path("runId").asText());
        body.put("suite", report.path("suite").asText());
        body.put("target", report.path("target").asText());
        body.set("summary", report.path("summary"));
        body.set("fingerprintFacts", report.path("fingerprint").path("facts"));
        ArrayNode probes = body.putArray("probes");
        for (JsonNode probe : report.path("probes")) {
            ObjectNode node = probes.addObject();
            node.put("id", probe.path("id").asText());
            node.put("status", probe.path("status").asText());
            node.put("durationMs", probe.path("durationMs").asLong());
            node.put("message", probe.path("message").asText());
            if (probe.has("change")) {
                node.put("change", probe.path("change").asText());
            }
        }
    }

    private static Response details(Optional<JsonNode> report) {
        return report.isEmpty() ? error(404, "no such run") : json(200, report.get());
    }

    private Response metrics(Request request) {
        String text = PrometheusReport.render(source.lastRun().map(LastRun::report).orElse(null),
                level(request) == Access.Level.GRANTED, Instant.now(), source.runsByVerdict());
        return answer(200, PrometheusReport.CONTENT_TYPE, text.getBytes(StandardCharsets.UTF_8));
    }

    private Response html() {
        Optional<LastRun> last = source.lastRun();
        if (last.isEmpty()) {
            return error(404, "no run yet");
        }
        return answer(200, "text/html; charset=utf-8", HtmlReport.render(last.get().report()).getBytes(StandardCharsets.UTF_8));
    }

    private Response fingerprint() {
        if (source.fingerprint().isEmpty()) {
            return error(503, "the fingerprint is not read yet");
        }
        return json(200, new JsonReport(new Redactor()).fingerprint(source.fingerprint().get()));
    }

    static Response error(int code, String message) {
        return json(code, MAPPER.createObjectNode().put("error", message));
    }

    static Response json(int code, JsonNode body) {
        try {
            return answer(code, "application/json", MAPPER.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
    }

    private static Response answer(int code, String type, byte[] body) {
        return Response.of(code, type, body).withHeader("Cache-Control", "no-store");
    }
}
