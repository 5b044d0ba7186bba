package org.postpatch.probes.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Set;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeContext;
import org.postpatch.probes.http.client.ConnectionFailures;
import org.postpatch.probes.http.client.Exchange;
import org.postpatch.probes.http.client.HttpClients;
import org.postpatch.probes.http.expect.Expectation;
import org.postpatch.probes.http.expect.Expectations;
import org.postpatch.probes.http.expect.JsonPath;
import org.postpatch.probes.http.expect.Mismatches;
import org.postpatch.probes.http.expect.ReceivedResponse;
import org.postpatch.probes.http.expect.Texts;
import org.postpatch.probes.http.snapshot.SnapshotCheck;
import org.postpatch.probes.http.spec.RequestSpec;
import org.postpatch.spi.Check;

/**
 * One bound {@code http} probe: sends its request on the run's shared client, checks the response
 * and captures values for the probes that need it. Every reason is redacted before it leaves.
 */
final class HttpCheck implements Check {

    private final RequestSpec request;
    private final Expectations expectations;
    private final SnapshotCheck snapshot;
    private final Map<String, JsonPath> captures;
    private final boolean needsJson;

    /** @param snapshot the {@code snapshot} expectation, or null */
    HttpCheck(RequestSpec request, Expectations expectations, SnapshotCheck snapshot, Map<String, JsonPath> captures) {
        this.request = request;
        this.expectations = expectations;
        this.snapshot = snapshot;
        this.captures = Map.copyOf(captures);
        this.needsJson = expectations.needJson() || !captures.isEmpty();
    }

    @Override
    public Set<String> captures() {
        return captures.keySet();
    }

    @Override
    public Outcome sampledTwice(Outcome first, Outcome second) {
        return snapshot == null ? first : snapshot.sampledTwice(first, second);
    }

    @Override
    public Outcome run(ProbeContext context) throws InterruptedException {
        request.secrets().forEach(context::secret);
        ReceivedResponse response;
        try {
            HttpClient client = context.shared(HttpClients.class, HttpClients::new).client(request.tls());
            response = new Exchange(client, request).send(context);
        } catch (IOException failed) {
            return Outcome.failed(context.redact(ConnectionFailures.describe(failed, request.uri())))
                    .withDetail("request", context.redact(request.describe()));
        } catch (IllegalStateException unusable) {
            return Outcome.failed(context.redact(unusable.getMessage()));
        }
        response.headers().allValues("Set-Cookie").forEach(context::secret);
        Outcome outcome = judge(response, context);
        return outcome
                .withDetail("request", context.redact(request.describe()))
                .withDetail("status", response.status())
                .withDetail("latencyMs", response.latency().toMillis())
                .withDetail("responseBytes", response.body().length);
    }

    private Outcome judge(ReceivedResponse response, ProbeContext context) {
        Mismatches mismatches = new Mismatches();
        expectations.status().check(response, context, mismatches);
        if (!mismatches.isEmpty()) {
            return Outcome.failed(context.redact(mismatches.join()));
        }
        boolean json = true;
        if (needsJson) {
            try {
                response.json();
            } catch (IOException notJson) {
                json = false;
                mismatches.add("expected a JSON body but it is not JSON (" + Texts.excerpt(context,
                        firstLine(notJson.getMessage()), 120) + "); " + response.bodyExcerpt(context));
            }
        }
        for (Expectation expectation : expectations.others()) {
            if (json || !expectation.needsJson()) {
                expectation.check(response, context, mismatches);
            }
        }
        SnapshotCheck.Judged snapshotted = snapshot == null ? null
                : snapshot.judge(response, context, context.redact(request.describe()));
        if (snapshotted != null && snapshotted.reason() != null) {
            mismatches.add(snapshotted.reason());
        }
        if (!mismatches.isEmpty()) {
            String reasons = context.redact(mismatches.join());
            return withFindings(mismatches.onlyLate() ? Outcome.late(reasons) : Outcome.failed(reasons), snapshotted);
        }
        String note = snapshotted == null || snapshotted.note() == null ? "" : "; " + snapshotted.note();
        Outcome passed = withFindings(Outcome.passed(response.status() + " in " + response.latency().toMillis() + "ms"
                + note), snapshotted);
        return captures.isEmpty() ? passed : capture(response, context, passed);
    }

    /** The outcome with what the snapshot expectation found: its report detail, and the sample to record. */
    private static Outcome withFindings(Outcome outcome, SnapshotCheck.Judged snapshotted) {
        if (snapshotted == null) {
            return outcome;
        }
        Outcome detailed = snapshotted.details().isEmpty() ? outcome : outcome.withDetail("snapshot", snapshotted.details());
        return detailed.withSnapshot(snapshotted.sample());
    }

    private Outcome capture(ReceivedResponse response, ProbeContext context, Outcome passed) {
        Outcome outcome = passed;
        for (Map.Entry<String, JsonPath> capture : captures.entrySet()) {
            JsonNode value;
            try {
                value = capture.getValue().read(response.json());
            } catch (IOException alreadyReported) {
                return Outcome.failed("capture " + capture.getKey() + ": the body is not JSON");
            }
            if (value.isMissingNode()) {
                return Outcome.failed(context.redact("capture " + capture.getKey() + ": " + capture.getValue()
                        + " is absent; " + response.bodyExcerpt(context)));
            }
            outcome = outcome.withCapture(capture.getKey(), value.isValueNode() ? value.asText() : value.toString());
        }
        return outcome;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
