package org.postpatch.cli;

import java.nio.file.Path;
import org.postpatch.report.Report;
import org.postpatch.report.Reports;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** One {@code --report FORMAT=FILE}. */
public record ReportOption(Report format, Path file) {

    /** Parses {@code json=out/report.json}, naming the formats when the format is unknown. */
    public static final class Converter implements ITypeConverter<ReportOption> {
        @Override
        public ReportOption convert(String value) {
            int equals = value.indexOf('=');
            if (equals <= 0 || equals == value.length() - 1) {
                throw new TypeConversionException("expected FORMAT=FILE, like json=report.json, but was '" + value + "'");
            }
            String format = value.substring(0, equals);
            Report parsed = Reports.named(format).orElseThrow(() -> new TypeConversionException("unknown report format '"
                    + format.toLowerCase(java.util.Locale.ROOT) + "': use " + Reports.names()));
            return new ReportOption(parsed, Path.of(value.substring(equals + 1)));
        }
    }
}
