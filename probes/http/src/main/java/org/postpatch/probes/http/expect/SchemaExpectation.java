package org.postpatch.probes.http.expect;

import com.networknt.schema.Error;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.postpatch.api.ProbeContext;

/** {@code schema}: the JSON body is valid against a JSON Schema (compiled once per run). */
public record SchemaExpectation(SchemaSource source) implements Expectation {

    private static final int SHOWN_ERRORS = 3;

    @Override
    public void check(ReceivedResponse response, ProbeContext context, Mismatches mismatches) {
        List<Error> errors;
        try {
            errors = context.shared(SchemaCache.class, SchemaCache::new).schema(source).validate(response.json());
        } catch (IOException notJson) {
            return; // reported once for the whole body by the check
        } catch (IllegalStateException unusable) {
            mismatches.add(unusable.getMessage());
            return;
        }
        if (errors.isEmpty()) {
            return;
        }
        String shown = errors.stream().limit(SHOWN_ERRORS)
                .map(error -> Texts.excerpt(context, error.toString(), 160))
                .collect(Collectors.joining("; "));
        String more = errors.size() > SHOWN_ERRORS ? " (and " + (errors.size() - SHOWN_ERRORS) + " more)" : "";
        mismatches.add("body does not match " + source.name() + ": " + shown + more);
    }

    @Override
    public boolean needsJson() {
        return true;
    }
}
