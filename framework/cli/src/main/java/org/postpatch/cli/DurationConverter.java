package org.postpatch.cli;

import java.time.Duration;
import org.postpatch.config.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations on the command line, written as in probe files: {@code 90s}, {@code 5m}, {@code 1m30s}. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration = Durations.parse(value).orElseThrow(() ->
                new TypeConversionException("'" + value + "' is not " + Durations.EXPECTED));
        if (duration.isZero()) {
            throw new TypeConversionException("'" + value + "' must be greater than 0");
        }
        return duration;
    }
}
