package org.postpatch.probes.system.file;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File sizes as people write them: bytes ({@code 512}), or with a 1024-based unit ({@code 10KB},
 * {@code 5MB}, {@code 1.5GB}, {@code 1TB}; {@code K}, {@code KiB} and lower case are accepted too).
 */
final class Sizes {

    /** What a valid size looks like, for messages. */
    static final String EXPECTED = "a size in bytes, or like 10KB, 5MB or 1GB";

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kmgt])(?:i?b)?|b)?", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "KMGT";

    private Sizes() {
    }

    /** The size in bytes, or empty when the text is not a size. */
    static Optional<Long> parse(String text) {
        Matcher size = SIZE.matcher(text.trim());
        if (!size.matches()) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(size.group(1));
        if (size.group(2) != null) {
            int power = UNITS.indexOf(size.group(2).toUpperCase(Locale.ROOT)) + 1;
            amount = amount.multiply(BigDecimal.valueOf(1024).pow(power));
        }
        try {
            return Optional.of(amount.setScale(0, java.math.RoundingMode.CEILING).longValueExact());
        } catch (ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }

    /** "1 byte", "12 bytes", "1.5 KiB (1536 bytes)". */
    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double amount = bytes;
        int unit = -1;
        while (amount >= 1024 && unit < UNITS.length() - 1) {
            amount /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %siB (%d bytes)", amount, UNITS.charAt(unit), bytes);
    }
}
