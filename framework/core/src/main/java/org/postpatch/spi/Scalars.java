package org.postpatch.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.postpatch.config.ConfigNode;
import org.postpatch.config.Durations;

/**
 * How {@link Spec} turns a scalar into a typed value. Empty means "not of that type": the spec reports
 * it. A deferred value (known only at run time) reads as a neutral placeholder, judged at run time.
 */
final class Scalars {

    private Scalars() {
    }

    static Optional<Long> wholeNumber(ConfigNode value) {
        if (value.isDeferred()) {
            return Optional.of(0L);
        }
        return decimal(value).flatMap(number -> {
            try {
                return Optional.of(number.longValueExact());
            } catch (ArithmeticException notWhole) {
                return Optional.empty();
            }
        });
    }

    static Optional<BigDecimal> number(ConfigNode value) {
        return value.isDeferred() ? Optional.of(BigDecimal.ZERO) : decimal(value);
    }

    static Optional<Boolean> bool(ConfigNode value) {
        if (value.isDeferred()) {
            return Optional.of(false);
        }
        if (value.type() == ConfigNode.Type.BOOLEAN) {
            return Optional.of((Boolean) value.scalar());
        }
        if (value.type() == ConfigNode.Type.STRING && ("true".equals(value.text()) || "false".equals(value.text()))) {
            return Optional.of(Boolean.parseBoolean(value.text()));
        }
        return Optional.empty();
    }

    static Optional<Duration> duration(ConfigNode value) {
        if (value.isDeferred()) {
            return Optional.of(Duration.ZERO);
        }
        return value.isScalar() ? Durations.parse(value.text()) : Optional.empty();
    }

    private static Optional<BigDecimal> decimal(ConfigNode value) {
        if (value.type() != ConfigNode.Type.NUMBER && value.type() != ConfigNode.Type.STRING) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value.text().trim()));
        } catch (NumberFormatException notNumber) {
            return Optional.empty();
        }
    }
}
