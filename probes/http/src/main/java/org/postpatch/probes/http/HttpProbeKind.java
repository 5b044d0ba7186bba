package org.postpatch.probes.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postpatch.probes.http.expect.ExpectationReader;
import org.postpatch.probes.http.expect.Expectations;
import org.postpatch.probes.http.expect.JsonPath;
import org.postpatch.probes.http.snapshot.SnapshotCheck;
import org.postpatch.probes.http.snapshot.SnapshotSpec;
import org.postpatch.probes.http.spec.RequestReader;
import org.postpatch.probes.http.spec.RequestSpec;
import org.postpatch.spi.Binding;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Shape;
import org.postpatch.spi.Spec;

/**
 * The {@code http} probe kind: one request, checked against declared expectations.
 * <pre>{@code
 * - id: health
 *   http:
 *     get: ${base}/actuator/health
 *     expect: { status: 200, json: { $.status: UP }, within: 500ms }
 * }</pre>
 * Everything is parsed and compiled here (URL, body, regular expressions, JSONPaths), so a run only
 * sends requests and compares.
 */
public final class HttpProbeKind implements ProbeKind {

    private static final Pattern CAPTURE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Optional<Shape> declaration() {
        return Optional.of(HttpDeclaration.BLOCK);
    }

    /** Its checks hold the request and the compiled expectations, nothing of a run. */
    @Override
    public boolean checksReusable() {
        return true;
    }

    @Override
    public Binding bind(Spec spec) {
        if (!spec.isMap()) {
            spec.problem("expected a map with the request, like { get: http://localhost:8080/health }, found "
                    + spec.describeType());
            return Binding.invalid();
        }
        RequestSpec request = RequestReader.read(spec);
        Optional<Spec> expect = spec.child("expect");
        Expectations expectations = expect.map(block -> ExpectationReader.read(block, spec.location().file()))
                .orElse(Expectations.DEFAULT);
        SnapshotCheck snapshot = expect.filter(Spec::isMap).flatMap(SnapshotSpec::read).map(SnapshotCheck::new)
                .orElse(null);
        Map<String, JsonPath> captures = captures(spec);
        String accept = expectations.defaultAccept(!captures.isEmpty());
        HttpCheck check = new HttpCheck(accept == null ? request : request.withDefaultHeader("Accept", accept), expectations,
                snapshot, captures);
        return spec.hasProblems() ? Binding.invalid(check.captures()) : Binding.of(check);
    }

    private static Map<String, JsonPath> captures(Spec spec) {
        Map<String, JsonPath> captures = new LinkedHashMap<>();
        spec.child("capture").ifPresent(capture -> {
            if (!capture.isMap()) {
                spec.problem("capture", "expected a map of names to JSONPaths, like { orderId: $.id }");
                return;
            }
            capture.entries().forEach((name, path) -> {
                if (!CAPTURE_NAME.matcher(name).matches()) {
                    capture.problem(name, "'" + name + "' cannot be a variable name (letters, digits, _ . -)");
                } else if (!path.isScalar()) {
                    capture.problem(name, "expected a JSONPath like $.id, found " + path.describeType());
                } else {
                    try {
                        captures.put(name, JsonPath.parse(path.text().trim()));
                    } catch (IllegalArgumentException notPath) {
                        capture.problem(name, notPath.getMessage());
                    }
                }
            });
        });
        return captures;
    }
}
