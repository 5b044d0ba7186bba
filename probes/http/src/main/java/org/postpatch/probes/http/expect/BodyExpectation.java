package org.postpatch.probes.http.expect;

import java.util.List;
import java.util.regex.Pattern;
import org.postpatch.api.ProbeContext;

/**
 * The body as text: {@code contains} (every one of the texts), {@code notContains} (none of them)
 * and {@code matches} (a regular expression found in it). For an HTML page the visible text counts
 * too, so that what a person reads ({@code Tom & Jerry}, a sentence split by {@code <b>}) is found
 * as written; a failure quotes that text around the closest match, not the page's head.
 */
public record BodyExpectation(List<String> contains, List<String> notContains, Pattern matches) implements Expectation {

    private static final Pattern NOT_LITERAL = Pattern.compile("\\\\.|[^\\p{L}\\p{N} _-]");

    public BodyExpectation {
        contains = List.copyOf(contains);
        notContains = List.copyOf(notContains);
    }

    @Override
    public void check(ReceivedResponse response, ProbeContext context, Mismatches mismatches) {
        String text = response.text();
        boolean html = response.isHtml();
        for (String wanted : contains) {
            if (!text.contains(wanted) && !(html && response.visibleText().contains(wanted))) {
                mismatches.add("expected the body to contain \"" + wanted + "\"; " + response.textExcerpt(context, wanted));
                break;
            }
        }
        for (String unwanted : notContains) {
            if (html && response.visibleText().contains(unwanted)) {
                mismatches.add("expected the body not to contain \"" + unwanted + "\"; "
                        + response.textExcerpt(context, unwanted));
                break;
            }
            if (text.contains(unwanted)) {
                mismatches.add("expected the body not to contain \"" + unwanted + "\"; "
                        + (html ? "found in the page's markup, not its visible text; " : "")
                        + response.bodyExcerpt(context, unwanted));
                break;
            }
        }
        if (matches != null && !matches.matcher(text).find()
                && !(html && matches.matcher(response.visibleText()).find())) {
            mismatches.add("expected the body to match " + matches.pattern() + "; "
                    + response.textExcerpt(context, literalSkeleton(matches.pattern())));
        }
    }

    /** The plain letters and digits of a regular expression, its syntax blanked: what to look for in the body. */
    private static String literalSkeleton(String regex) {
        String skeleton = NOT_LITERAL.matcher(regex).replaceAll(" ").replaceAll(" +", " ").strip();
        return skeleton.isEmpty() ? null : skeleton;
    }
}
