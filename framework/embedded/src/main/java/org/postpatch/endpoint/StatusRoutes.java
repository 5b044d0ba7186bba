package org.postpatch.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.postpatch.report.ReportDocument;
import org.postpatch.report.Reports;
import org.postpatch.report.RunReport;
import org.postpatch.secret.Redactor;
import org.postpatch.server.Handler;
import org.postpatch.server.Request;
import org.postpatch.server.Response;
import org.postpatch.server.Routes;

/** The endpoint's resources under its base path, and who may read each: the one place they are listed. */
final class StatusRoutes {

    /** Built on the first answer: an idle application that is never asked needs none. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

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
                .get(base + "/runs/latest", resources.withToken(request -> details(source.status().lastRun().map(LastRun::report))))
                .get(base + "/runs/{id}", resources.withToken(request ->
                        details(source.report(request.pathParameter("id").orElseThrow()))))
                .get(base + "/metrics", resources::metrics)
                .get(base + "/report", resources.withToken(request -> resources.html()))
                .get(base + "/fingerprint", resources.withToken(request -> resources.fingerprint()))
                .get(base + "/live", request -> json(200, JsonNodeFactory.instance.objectNode().put("status", "UP")))
                .get(base + "/ready", request -> {
                    int code = HttpStatuses.readiness(source.status(), source.readinessFollowsVerdict());
                    return json(code, JsonNodeFactory.instance.objectNode().put("status", code == 200 ? "UP" : "DOWN"));
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
        SelfTestStatus status = source.status();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", status.state().name());
        body.put("running", status.running());
        body.put("phase", status.phase().name());
        status.lastRun().ifPresent(run -> {
            body.put("lastRunAt", run.finishedAt().toString());
            body.put("ageSeconds", Math.max(0, Duration.between(run.finishedAt(), Instant.now()).toSeconds()));
            body.put("fingerprint", run.fingerprintDigest());
        });
        if (level(request) == Access.Level.GRANTED) {
            status.problem().ifPresent(text -> body.put("problem", text));
            status.warning().ifPresent(text -> body.put("warning", text));
            status.lastRun().ifPresent(run -> addDetails(body, run));
        }
        return json(HttpStatuses.of(status), body);
    }

    /** The run's id, suite, target, summary, fingerprint facts and each probe's result. */
    static void addDetails(ObjectNode body, LastRun run) {
        body.put("runId", run.runId());
        body.put("suite", run.suite());
        body.put("target", run.target());
        ObjectNode summary = body.putObject("summary");
        summary.put("total", run.counts().total());
        summary.put("passed", run.counts().passed());
        summary.put("failed", run.counts().failed());
        summary.put("blocked", run.counts().blocked());
        summary.put("skipped", run.counts().skipped());
        body.set("fingerprintFacts", run.report().path("fingerprint").path("facts"));
        ArrayNode probes = body.putArray("probes");
        for (LastRun.Probe probe : run.probes()) {
            ObjectNode node = probes.addObject();
            node.put("id", probe.id());
            node.put("status", probe.status().name());
            node.put("durationMs", probe.durationMs());
            node.put("message", probe.message());
            if (probe.change() != null) {
                node.put("change", probe.change());
            }
        }
    }

    private static Response details(Optional<JsonNode> report) {
        return report.isEmpty() ? error(404, "no such run") : json(200, report.get());
    }

    private Response metrics(Request request) {
        String text = StatusMetrics.of(source.status(), level(request) == Access.Level.GRANTED, Instant.now());
        return answer(200, Reports.PROMETHEUS.contentType(), text.getBytes(StandardCharsets.UTF_8));
    }

    private Response html() {
        Optional<LastRun> last = source.status().lastRun();
        if (last.isEmpty()) {
            return error(404, "no run yet");
        }
        String page = Reports.HTML.render(RunReport.recorded(last.get().report()));
        return answer(200, Reports.HTML.contentType(), page.getBytes(StandardCharsets.UTF_8));
    }

    private Response fingerprint() {
        if (source.fingerprint().isEmpty()) {
            return error(503, "the fingerprint is not read yet");
        }
        return json(200, ReportDocument.fingerprint(source.fingerprint().get(), new Redactor()));
    }

    static Response error(int code, String message) {
        return json(code, JsonNodeFactory.instance.objectNode().put("error", message));
    }

    static Response json(int code, JsonNode body) {
        try {
            return answer(code, "application/json", Mapper.MAPPER.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
    }

    private static Response answer(int code, String type, byte[] body) {
        return Response.of(code, type, body).withHeader("Cache-Control", "no-store");
    }
}
