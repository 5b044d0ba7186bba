package org.postpatch.probes.http.expect;

import java.util.List;
import java.util.regex.Pattern;
import org.postpatch.api.ProbeContext;

/** The body as text: {@code contains} (every one of the texts) and {@code matches} (a regular expression found in it). */
public record BodyExpectation(List<String> contains, Pattern matches) implements Expectation {

    public BodyExpectation {
        contains = List.copyOf(contains);
    }

    @Override
    public void check(ReceivedResponse response, ProbeContext context, Mismatches mismatches) {
        String text = response.text();
        for (String wanted : contains) {
            if (!text.contains(wanted)) {
                mismatches.add("expected the body to contain \"" + wanted + "\"; " + response.bodyExcerpt(context));
                return;
            }
        }
        if (matches != null && !matches.matcher(text).find()) {
            mismatches.add("expected the body to match " + matches.pattern() + "; " + response.bodyExcerpt(context));
        }
    }
}
