package org.postpatch.probes.http.expect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the http kind: created on first use, shared by every probe and run. */
public final class Json {

    private Json() {
    }

    /** The mapper; thread-safe once configured, as Jackson's mappers are. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        // A nested holder: probes that never touch JSON never pay for the mapper.
        static final ObjectMapper MAPPER = JsonMapper.builder().build();
    }
}
