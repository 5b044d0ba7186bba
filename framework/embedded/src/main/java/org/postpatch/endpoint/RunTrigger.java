package org.postpatch.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postpatch.config.Durations;
import org.postpatch.server.Request;
import org.postpatch.server.Response;

/**
 * {@code POST /selftest/runs}: starts a run or joins the one in progress. With {@code ?wait=}, the
 * answer is sent when the run ends (or the wait is over) from the thread that ends it: no endpoint
 * thread waits, so status reads are never held up by deploy scripts waiting for runs.
 */
final class RunTrigger {

    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final String basePath;
    private final StatusSource source;

    RunTrigger(String basePath, StatusSource source) {
        this.basePath = basePath;
        this.source = source;
    }

    Response handle(Request request) {
        Optional<Duration> wait = waitParameter(request);
        if (wait == null) {
            return StatusRoutes.error(400, "wait must be a duration like 30s, at most 10m");
        }
        RunRequest run = source.requestRun();
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("runId", run.runId());
        body.put("joined", run.joined());
        String location = basePath + "/runs/" + run.runId();
        if (wait.isEmpty()) {
            body.put("status", run.joined() ? "JOINED" : "STARTED");
            return StatusRoutes.json(202, body).withHeader("Location", location);
        }
        CompletableFuture<Response> answer = run.completion().copy()
                .orTimeout(wait.get().toMillis(), TimeUnit.MILLISECONDS)
                .handle((finished, failure) -> finished(body, finished, failure).withHeader("Location", location));
        return Response.later(answer);
    }

    private static Response finished(ObjectNode body, LastRun finished, Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (finished != null) {
            body.put("status", finished.verdict().name());
            StatusRoutes.addDetails(body, finished);
            return StatusRoutes.json(200, body);
        }
        if (cause instanceof TimeoutException) {
            body.put("status", "RUNNING");
            return StatusRoutes.json(202, body);
        }
        body.put("status", "ERROR");
        body.put("problem", String.valueOf(cause == null ? "unknown" : cause.getMessage()));
        return StatusRoutes.json(500, body);
    }

    /** Empty for no wait, null when malformed. */
    private static Optional<Duration> waitParameter(Request request) {
        Optional<String> value = request.query("wait");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> wait = Durations.parse(value.get());
        return wait.isPresent() && wait.get().compareTo(MAX_WAIT) <= 0 ? wait : null;
    }
}
