package org.postpatch.probes.http.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.postpatch.api.ProbeContext;

/** One test of a value ({@code equals}, {@code gt}, {@code length}...); see {@link Rules}. */
@FunctionalInterface
public interface Rule {

    /**
     * What is wrong with {@code found} ({@link com.fasterxml.jackson.databind.node.MissingNode} when
     * absent), phrased "expected ... but was ...", or empty when it passes.
     */
    Optional<String> mismatch(JsonNode found, ProbeContext context);
}
