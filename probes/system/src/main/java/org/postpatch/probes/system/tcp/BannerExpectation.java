package org.postpatch.probes.system.tcp;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a server must send first: text it contains, a regular expression it matches, or both.
 * Empty when only the connection counts.
 */
record BannerExpectation(Optional<String> contains, Optional<Pattern> matches) {

    boolean isNone() {
        return contains.isEmpty() && matches.isEmpty();
    }

    /** True when the banner received so far already meets the expectation. */
    boolean isMetBy(String banner) {
        return contains.map(banner::contains).orElse(true)
                && matches.map(pattern -> pattern.matcher(banner).find()).orElse(true);
    }

    /** "a banner containing 'SSH-2.0'", "a banner matching '^220 '", or both. */
    String describe() {
        StringBuilder text = new StringBuilder("a banner");
        contains.ifPresent(value -> text.append(" containing '").append(value).append("'"));
        if (contains.isPresent() && matches.isPresent()) {
            text.append(" and");
        }
        matches.ifPresent(pattern -> text.append(" matching '").append(pattern.pattern()).append("'"));
        return text.toString();
    }
}
