package org.postpatch.probes.restassured;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Sends the request, then reads the whole response body at once. REST Assured otherwise leaves the
 * body unread when no assertion looks at it, and an unread body keeps its connection out of the pool.
 * An I/O failure is rethrown naming the request ({@code GET http://host/health: Connection refused}),
 * since the driver's own message rarely says where it was going.
 */
final class ReadWholeResponse implements Filter {

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext chain) {
        Response received;
        try {
            received = chain.next(request, response);
        } catch (RuntimeException unchanged) {
            throw unchanged;
        } catch (Exception failed) {
            if (failed instanceof IOException io) {
                throw new UncheckedIOException(request.getMethod() + " " + request.getURI() + ": " + io.getMessage(), io);
            }
            throw new IllegalStateException(request.getMethod() + " " + request.getURI() + ": " + failed, failed);
        }
        received.asByteArray();
        return received;
    }
}
