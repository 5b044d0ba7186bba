package org.postpatch.cli;

import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** One {@code --report FORMAT=FILE}. */
public record ReportOption(Format format, Path file) {

    /** The report formats. */
    public enum Format { JSON, JUNIT, HTML, PROMETHEUS }

    /** Parses {@code json=out/report.json}, naming the formats when the format is unknown. */
    public static final class Converter implements ITypeConverter<ReportOption> {
        @Override
        public ReportOption convert(String value) {
            int equals = value.indexOf('=');
            if (equals <= 0 || equals == value.length() - 1) {
                throw new TypeConversionException("expected FORMAT=FILE, like json=report.json, but was '" + value + "'");
            }
            String format = value.substring(0, equals).toLowerCase(Locale.ROOT);
            Format parsed = switch (format) {
                case "json" -> Format.JSON;
                case "junit", "xml", "junit-xml" -> Format.JUNIT;
                case "html" -> Format.HTML;
                case "prometheus", "metrics" -> Format.PROMETHEUS;
                default -> throw new TypeConversionException("unknown report format '" + format
                        + "': use json, junit, html or prometheus");
            };
            return new ReportOption(parsed, Path.of(value.substring(equals + 1)));
        }
    }
}
