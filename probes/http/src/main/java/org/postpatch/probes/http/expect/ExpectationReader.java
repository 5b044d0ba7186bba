package org.postpatch.probes.http.expect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postpatch.spi.Spec;

/** Reads an {@code expect} block into {@link Expectations}, reporting each problem at its line and column. */
public final class ExpectationReader {

    private static final Pattern EXACT = Pattern.compile("[1-5]\\d\\d");
    private static final Pattern CLASS = Pattern.compile("([1-5])xx", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPAN = Pattern.compile("([1-5]\\d\\d)\\s*-\\s*([1-5]\\d\\d)");
    private static final String STATUS_FORMS = "a status like 200, a list [200, 204], \"2xx\" or \"200-299\"";

    private ExpectationReader() {
    }

    /**
     * Reads the block.
     *
     * @param probeFile the probe file's name as loaded ({@code classpath:...} or a path), for relative schema files
     */
    public static Expectations read(Spec expect, String probeFile) {
        if (!expect.isMap()) {
            expect.problem("expected a map (status, headers, json, contains, notContains, matches, schema, within,"
                    + " certificate, snapshot), found "
                    + expect.describeType());
            return Expectations.DEFAULT;
        }
        StatusExpectation status = status(expect);
        List<Expectation> others = new ArrayList<>();
        expect.child("headers").ifPresent(headers -> {
            if (!headers.isMap()) {
                expect.problem("headers", "expected a map of header names to values or matchers");
                return;
            }
            headers.entries().forEach((name, value) -> others.add(new HeaderExpectation(name, MatcherReader.read(value))));
        });
        List<String> contains = expect.strings("contains");
        List<String> notContains = expect.strings("notContains");
        Optional<Pattern> matches = expect.pattern("matches");
        if (!contains.isEmpty() || !notContains.isEmpty() || matches.isPresent()) {
            others.add(new BodyExpectation(contains, notContains, matches.orElse(null)));
        }
        expect.child("json").ifPresent(json -> {
            if (!json.isMap()) {
                expect.problem("json", "expected a map of JSONPaths to values or matchers, like { $.status: UP }");
                return;
            }
            json.entries().forEach((path, value) -> {
                try {
                    others.add(new JsonExpectation(JsonPath.parse(path), MatcherReader.read(value)));
                } catch (IllegalArgumentException notPath) {
                    json.problem(path, notPath.getMessage());
                }
            });
        });
        Optional<Spec> schema = expect.child("schema");
        if (expect.has("schema")) {
            schema(expect, schema, probeFile).ifPresent(source -> others.add(new SchemaExpectation(source)));
        }
        expect.child("certificate").ifPresent(certificate -> {
            Optional<Duration> validFor = certificate.isMap() ? certificate.optionalDuration("validFor") : Optional.empty();
            if (validFor.isEmpty() && !certificate.hasProblems()) {
                certificate.problem("expected { validFor: 14d } (how long the certificate must stay valid)");
            }
            validFor.ifPresent(duration -> others.add(
                    new CertificateExpectation(duration, certificate.optionalString("validFor").orElse(""))));
        });
        expect.optionalDuration("within").ifPresent(budget -> others.add(new LatencyExpectation(budget)));
        return new Expectations(status, others);
    }

    private static StatusExpectation status(Spec expect) {
        Optional<Spec> given = expect.child("status");
        if (given.isEmpty() || given.get().isDeferred()) {
            return StatusExpectation.SUCCESS;
        }
        List<Spec> items = given.get().isList() ? given.get().items() : List.of(given.get());
        List<StatusExpectation.Range> ranges = new ArrayList<>();
        for (Spec item : items) {
            Optional<StatusExpectation.Range> range = item.isScalar() ? range(item.text().trim()) : Optional.empty();
            if (range.isEmpty()) {
                expect.problem("status", "expected " + STATUS_FORMS + ", found "
                        + (item.isScalar() ? "'" + item.text() + "'" : item.describeType()));
                return StatusExpectation.SUCCESS;
            }
            ranges.add(range.get());
        }
        if (ranges.isEmpty()) {
            expect.problem("status", "expected " + STATUS_FORMS + ", found an empty list");
            return StatusExpectation.SUCCESS;
        }
        return new StatusExpectation(ranges);
    }

    private static Optional<StatusExpectation.Range> range(String text) {
        if (EXACT.matcher(text).matches()) {
            int code = Integer.parseInt(text);
            return Optional.of(new StatusExpectation.Range(code, code, text));
        }
        Matcher family = CLASS.matcher(text);
        if (family.matches()) {
            int hundred = Integer.parseInt(family.group(1)) * 100;
            return Optional.of(new StatusExpectation.Range(hundred, hundred + 99, text.toLowerCase(Locale.ROOT)));
        }
        Matcher span = SPAN.matcher(text);
        if (span.matches() && Integer.parseInt(span.group(1)) <= Integer.parseInt(span.group(2))) {
            return Optional.of(new StatusExpectation.Range(Integer.parseInt(span.group(1)),
                    Integer.parseInt(span.group(2)), span.group(1) + "-" + span.group(2)));
        }
        return Optional.empty();
    }

    private static Optional<SchemaSource> schema(Spec expect, Optional<Spec> given, String probeFile) {
        if (given.isPresent() && given.get().isMap()) {
            return Optional.of(SchemaSource.ofInline(new String(Json.write(given.get().plain()),
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (given.isEmpty() || !given.get().isScalar() || given.get().text().isBlank()) {
            expect.problem("schema", "expected a JSON Schema file (relative to the probe file) or an inline schema map");
            return Optional.empty();
        }
        Spec schema = given.get();
        if (schema.isDeferred()) {
            return Optional.empty();
        }
        String written = schema.text();
        if (probeFile.startsWith("classpath:")) {
            String folder = probeFile.substring("classpath:".length());
            folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/') + 1) : "";
            return Optional.of(SchemaSource.ofResource(written, folder + written));
        }
        Path parent = Path.of(probeFile).toAbsolutePath().getParent();
        Path file = Path.of(written).isAbsolute() || parent == null ? Path.of(written) : parent.resolve(written).normalize();
        if (!Files.isRegularFile(file)) {
            expect.problem("schema", "no such JSON Schema file: " + file);
            return Optional.empty();
        }
        return Optional.of(SchemaSource.ofFile(written, file));
    }
}
