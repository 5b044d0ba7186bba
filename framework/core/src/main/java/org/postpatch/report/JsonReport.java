package org.postpatch.report;

/**
 * The JSON report: the run's {@link ReportDocument}, indented, for people and scripts alike. Written
 * by Jackson's streaming generator ({@link JsonText}), as its mapper would indent it.
 */
public final class JsonReport implements Report {

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
        return JsonText.indented(run.document()) + "\n";
    }
}
