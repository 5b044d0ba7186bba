package org.postpatch.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The JSON report: the run's {@link ReportDocument}, indented, for people and scripts alike. */
public final class JsonReport implements Report {

    private static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    JsonReport() {
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public String render(RunReport run) {
        try {
            return INDENTED.writeValueAsString(run.document()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render the JSON report", e);
        }
    }
}
