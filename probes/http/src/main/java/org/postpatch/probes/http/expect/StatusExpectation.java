package org.postpatch.probes.http.expect;

import java.util.List;
import java.util.stream.Collectors;
import org.postpatch.api.ProbeContext;

/** The status code: one value, a list, or ranges such as {@code 2xx} or {@code 200-299}. */
public final class StatusExpectation implements Expectation {

    /** An inclusive range of status codes, written as {@code 200}, {@code 2xx} or {@code 200-299}. */
    public record Range(int from, int to, String written) {
        boolean contains(int status) {
            return status >= from && status <= to;
        }
    }

    /** What an absent {@code status} means: any 2xx. */
    public static final StatusExpectation SUCCESS = new StatusExpectation(List.of(new Range(200, 299, "2xx")));

    private final List<Range> ranges;

    public StatusExpectation(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** True when the status is one of those expected. */
    public boolean accepts(int status) {
        return ranges.stream().anyMatch(range -> range.contains(status));
    }

    @Override
    public void check(ReceivedResponse response, ProbeContext context, Mismatches mismatches) {
        if (accepts(response.status())) {
            return;
        }
        String note = response.redirectNote() == null ? "" : " (" + response.redirectNote() + ")";
        mismatches.add("expected status " + this + " but was " + response.status() + note + "; "
                + response.textExcerpt(context, null));
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::written).collect(Collectors.joining(" or "));
    }
}
