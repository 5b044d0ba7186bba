package org.postpatch.probes.http.expect;

import java.util.List;

/**
 * Everything an {@code expect} block declares: the status (any 2xx when not given) and the rest,
 * in the order they are checked.
 */
public record Expectations(StatusExpectation status, List<Expectation> others) {

    public Expectations {
        others = List.copyOf(others);
    }

    /** No {@code expect} block: any 2xx passes. */
    public static final Expectations DEFAULT = new Expectations(StatusExpectation.SUCCESS, List.of());

    /** What a probe that reads a page's text asks for when its headers give no {@code Accept}: what a browser asks for. */
    public static final String PAGE_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /** True when some expectation reads the body as JSON. */
    public boolean needJson() {
        return others.stream().anyMatch(Expectation::needsJson);
    }

    /**
     * The {@code Accept} header to send when the probe's headers give none, or null to send none.
     * A probe that checks the body's text ({@code contains}, {@code notContains}, {@code matches})
     * and reads no JSON is checking what a person sees, so it asks like a browser: servers that
     * negotiate (such as Spring Boot's error pages) then answer the HTML page a browser gets, not
     * JSON. Other probes send none and get the server's default, as API clients that send none do.
     *
     * @param captures true when the probe captures values from the JSON body
     */
    public String defaultAccept(boolean captures) {
        boolean readsText = others.stream().anyMatch(expectation -> expectation instanceof BodyExpectation);
        return readsText && !needJson() && !captures ? PAGE_ACCEPT : null;
    }
}
