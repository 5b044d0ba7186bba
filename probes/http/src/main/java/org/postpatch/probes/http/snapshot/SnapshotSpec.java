package org.postpatch.probes.http.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.postpatch.probes.http.expect.JsonPath;
import org.postpatch.spi.Spec;

/**
 * {@code expect.snapshot} of an {@code http} probe: {@code true}, or a map with the JSONPaths to
 * {@code ignore} in the body and the response {@code headers} to record besides Content-Type.
 * <pre>{@code
 * expect: { snapshot: { ignore: [$.generatedAt], headers: [X-Api-Version] } }
 * }</pre>
 */
public record SnapshotSpec(List<JsonPath> ignore, List<String> headers) {

    /** Always recorded: what the body is. */
    static final String CONTENT_TYPE = "Content-Type";

    /** Headers whose values are secrets: never recorded. */
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    private static final String FORMS = "true, false or a map { ignore: [JSONPATH...], headers: [NAME...] }";

    public SnapshotSpec {
        ignore = List.copyOf(ignore);
        headers = List.copyOf(headers);
    }

    /** The headers recorded: Content-Type, then the ones named. */
    List<String> recordedHeaders() {
        List<String> all = new ArrayList<>(List.of(CONTENT_TYPE));
        headers.stream().filter(name -> !name.equalsIgnoreCase(CONTENT_TYPE)).forEach(all::add);
        return all;
    }

    /**
     * Reads {@code snapshot} from an {@code expect} block; empty when absent or {@code false}. Problems
     * are reported at their line and column.
     */
    public static Optional<SnapshotSpec> read(Spec expect) {
        if (!expect.isSet("snapshot") || expect.isDeferred("snapshot")) {
            return Optional.empty();
        }
        Spec snapshot = expect.child("snapshot").orElseThrow();
        if (snapshot.isScalar()) {
            String text = snapshot.text().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return text.equals("true") ? Optional.of(new SnapshotSpec(List.of(), List.of())) : Optional.empty();
            }
            expect.problem("snapshot", "expected " + FORMS + ", found '" + snapshot.text() + "'");
            return Optional.empty();
        }
        if (!snapshot.isMap()) {
            expect.problem("snapshot", "expected " + FORMS + ", found " + snapshot.describeType());
            return Optional.empty();
        }
        List<JsonPath> ignore = new ArrayList<>();
        snapshot.child("ignore").ifPresent(paths -> {
            List<Spec> items = paths.isList() ? paths.items() : List.of(paths);
            for (Spec item : items) {
                if (!item.isScalar()) {
                    item.problem("expected a JSONPath like $.generatedAt, found " + item.describeType());
                    item.known(item.keys().toArray(String[]::new));
                    continue;
                }
                try {
                    ignore.add(JsonPath.parse(item.text().trim()));
                } catch (IllegalArgumentException notPath) {
                    item.problem(notPath.getMessage());
                }
            }
        });
        List<String> headers = new ArrayList<>();
        for (String name : snapshot.strings("headers")) {
            if (SECRET_HEADERS.contains(name.trim().toLowerCase(Locale.ROOT))) {
                snapshot.problem("headers", "the " + name.trim() + " header holds secrets and is never recorded");
            } else if (!name.isBlank()) {
                headers.add(name.trim());
            }
        }
        return Optional.of(new SnapshotSpec(ignore, headers));
    }
}
