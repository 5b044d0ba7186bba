package org.postpatch.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.postpatch.api.Outcome;
import org.postpatch.api.ProbeStatus;
import org.postpatch.api.Severity;
import org.postpatch.compare.Comparison;
import org.postpatch.compare.ProbeComparison;
import org.postpatch.result.ProbeResult;
import org.postpatch.result.RunResult;
import org.postpatch.result.Sample;
import org.postpatch.result.SuiteResult;
import org.postpatch.secret.Redactor;

/**
 * The JUnit XML report, in the dialect Jenkins and GitLab read: a {@code testsuite} per suite and a
 * {@code testcase} per probe in declared order; failures carry the probe's reason; BLOCKED and
 * SKIPPED probes are {@code skipped} with theirs. Only postpatch's own facts go in
 * {@code properties}, never the JVM's system properties.
 */
public final class JunitXmlReport implements Report {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    JunitXmlReport() {
    }

    @Override
    public String name() {
        return "junit";
    }

    @Override
    public String contentType() {
        return "application/xml";
    }

    /**
     * After a verify, REGRESSED probes are failures saying they passed in the baseline, and
     * STILL_FAILING ones failures saying they already failed there, so CI shows both, distinctly.
     *
     * @throws IllegalArgumentException for a run known by its JSON document only: the XML needs the
     *                                  run's parts and attachments as they were
     */
    @Override
    public String render(RunReport report) {
        RunResult run = report.run().orElseThrow(() -> new IllegalArgumentException(
                "the JUnit XML report is written when a run ends, not from a recorded run"));
        Comparison comparison = report.comparison().orElse(null);
        Redactor redactor = report.redactor();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            Counts all = Counts.of(run.probes());
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "postpatch");
            xml.writeAttribute("tests", String.valueOf(all.total()));
            xml.writeAttribute("failures", String.valueOf(all.failed()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(all.blocked() + all.skipped()));
            xml.writeAttribute("time", seconds(run.duration()));
            xml.writeAttribute("timestamp", timestamp(run.startedAt()));
            xml.writeCharacters("\n");
            for (SuiteResult suite : run.suites()) {
                writeSuite(xml, run, suite, comparison, redactor);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not render the JUnit XML report", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeSuite(XMLStreamWriter xml, RunResult run, SuiteResult suite, Comparison comparison,
                                   Redactor redactor) throws XMLStreamException {
        Counts counts = Counts.of(suite.probes());
        int cases = counts.total() + suite.probes().stream().mapToInt(p -> p.parts().size()).sum();
        int failures = counts.failed() + (int) suite.probes().stream().flatMap(p -> p.parts().stream())
                .filter(part -> part.status() == ProbeStatus.FAILED).count();
        int skipped = counts.blocked() + counts.skipped() + (int) suite.probes().stream().flatMap(p -> p.parts().stream())
                .filter(part -> part.status() == ProbeStatus.SKIPPED || part.status() == ProbeStatus.BLOCKED).count();
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite.suite());
        xml.writeAttribute("tests", String.valueOf(cases));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(skipped));
        xml.writeAttribute("time", seconds(suite.duration()));
        xml.writeAttribute("timestamp", timestamp(suite.startedAt()));
        xml.writeAttribute("hostname", clean(run.target()));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, redactor, "postpatch.runId", run.runId());
        property(xml, redactor, "postpatch.target", run.target());
        property(xml, redactor, "postpatch.verdict", comparison == null ? suite.verdict().name() : comparison.verdict(run).name());
        if (comparison != null) {
            property(xml, redactor, "postpatch.baseline", comparison.baseline().runId());
            property(xml, redactor, "postpatch.changes", comparison.summary());
            for (int i = 0; i < comparison.fingerprintChanges().size(); i++) {
                property(xml, redactor, "postpatch.changed." + (i + 1), comparison.fingerprintChanges().get(i).toString());
            }
        }
        if (run.interrupted()) {
            property(xml, redactor, "postpatch.interrupted", "true");
        }
        run.fingerprint().sorted().forEach((fact, value) -> property(xml, redactor, "postpatch.fingerprint." + fact, value));
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (ProbeResult probe : suite.probes()) {
            String message = probe.message();
            String notice = null;
            if (comparison != null) {
                ProbeComparison compared = comparison.of(probe.suite(), probe.id()).orElse(null);
                if (compared != null) {
                    message = judged(compared, probe.message(), comparison.baseline().runId());
                    notice = probe.passed() && !compared.note().isEmpty() ? compared.change() + ": " + compared.note() : null;
                }
            }
            writeCase(xml, redactor, suite.suite(), probe.id(), probe.duration(), probe.status(), message,
                    probe.severity(), probe, notice);
            for (Outcome.Part part : probe.parts()) {
                writeCase(xml, redactor, suite.suite() + "." + probe.id(), part.name(), part.duration(), part.status(),
                        part.message(), probe.severity(), null, null);
            }
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** One test case; {@code notice} (may be null) goes to its output: why a passing probe is FLAKY or SLOWER. */
    private static void writeCase(XMLStreamWriter xml, Redactor redactor, String className, String name, Duration duration,
                                  ProbeStatus status, String message, Severity severity, ProbeResult probe, String notice)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", clean(name));
        xml.writeAttribute("classname", clean(className));
        xml.writeAttribute("time", seconds(duration));
        String text = clean(redactor.redact(message));
        switch (status) {
            case FAILED -> {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("failure");
                xml.writeAttribute("message", text);
                xml.writeAttribute("type", severity == Severity.WARNING ? "warning" : "critical");
                xml.writeCharacters(text);
                if (probe != null && probe.attempts() > 1) {
                    xml.writeCharacters("\n(" + probe.attempts() + " attempts)");
                }
                if (probe != null && !probe.samples().isEmpty()) {
                    xml.writeCharacters("\nrun " + probe.samples().size() + " times: " + clean(redactor.redact(
                            Sample.describe(probe.samples()))));
                }
                xml.writeEndElement();
            }
            case BLOCKED, SKIPPED -> {
                xml.writeCharacters("\n      ");
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", text);
            }
            default -> {
            }
        }
        boolean output = notice != null || (probe != null && !probe.attachments().isEmpty());
        if (output) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("system-out");
            if (notice != null) {
                xml.writeCharacters(clean(redactor.redact(notice)) + "\n");
            }
            for (Outcome.Attachment attachment : probe == null ? List.<Outcome.Attachment>of() : probe.attachments()) {
                // The convention of the Jenkins JUnit Attachments plugin; GitLab reads the same marker.
                xml.writeCharacters("[[ATTACHMENT|" + clean(attachment.file().toAbsolutePath().toString()) + "]]\n");
            }
            xml.writeEndElement();
        }
        if (status != ProbeStatus.PASSED || output) {
            xml.writeCharacters("\n    ");
        }
        xml.writeEndElement();
    }

    /** The failure message of a probe judged against the baseline. */
    private static String judged(ProbeComparison compared, String message, String baselineRunId) {
        return switch (compared.change()) {
            case REGRESSED -> "REGRESSED (passed in baseline " + baselineRunId + "): " + message;
            case BLOCKED -> "BLOCKED (passed in baseline " + baselineRunId + "; " + compared.note() + "): " + message;
            case STILL_FAILING -> "STILL FAILING (already " + compared.baselineStatus() + " in baseline " + baselineRunId
                    + ", not caused by this patch): " + message;
            case NEW -> "NEW (not in the baseline): " + message;
            case SLOWER -> "SLOWER: " + compared.note() + (message.isEmpty() ? "" : "; " + message);
            default -> message;
        };
    }

    private static void property(XMLStreamWriter xml, Redactor redactor, String name, String value) {
        try {
            xml.writeCharacters("\n      ");
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", name);
            xml.writeAttribute("value", clean(redactor.redact(value)));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }

    /**
     * The schema's {@code xs:dateTime} without a zone, to the second. Always with its seconds:
     * {@code LocalDateTime.toString} leaves them out when they are zero, which the schema refuses.
     */
    static String timestamp(java.time.Instant instant) {
        return TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Drops characters XML 1.0 cannot carry (control characters from process output). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000 && c <= 0x10FFFF) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
