package org.postpatch.probes.http;

import java.util.ArrayList;
import java.util.List;
import org.postpatch.probes.http.expect.MatcherReader;
import org.postpatch.probes.http.spec.Method;
import org.postpatch.spi.Key;
import org.postpatch.spi.Shape;

/** The keys of an {@code http} block, of its {@code expect} and its {@code tls}, as the kind declares them. */
final class HttpDeclaration {

    private static final Shape TEXTS = Shape.either(Shape.string(), Shape.listOf(Shape.string()))
            .documentedAs("text or list of texts");

    static final Shape TLS = Shape.block(
            Key.optional("trustStore", Shape.string().documentedAs("file"), "none: the JDK's own trust store",
                    "PKCS12 or JKS file of the certificates to trust, relative to the probe file's folder."),
            Key.optional("trustStorePassword", Shape.string().documentedAs("text"), "none",
                    "Its password; use `${secret:...}`."),
            Key.optional("trustStoreType", Shape.string().documentedAs("`PKCS12` or `JKS`"),
                    "from the extension (`.jks` is JKS, anything else PKCS12)", "The trust store's format."),
            Key.optional("insecure", Shape.bool(), "`false`",
                    "Accept any certificate for any host name. An explicit opt-in; not together with `trustStore`."));

    static final Shape EXPECT = Shape.block(
            Key.optional("status", Shape.either(Shape.string(), Shape.listOf(Shape.string()))
                            .documentedAs("`200`, `[200, 204]`, `\"2xx\"`, `\"200-299\"` (or a list mixing them)"), "any 2xx",
                    "The status code."),
            Key.optional("headers", Shape.mapOf(MatcherReader.DECLARATION).documentedAs("map of name → value or matchers"),
                    "Response headers; names in any case; several values of one header are joined with `, `."),
            Key.optional("json", Shape.mapOf(MatcherReader.DECLARATION).documentedAs("map of JSONPath → value or matchers"),
                    "Values in the JSON body."),
            Key.optional("contains", TEXTS, "The body contains every one of them. For an HTML page its visible text counts"
                    + " too (tags removed, `&amp;` decoded), so `Tom & Jerry` and a sentence split by `<b>` are found as a"
                    + " person reads them."),
            Key.optional("notContains", TEXTS, "The body contains none of them, neither in its markup nor, for an HTML"
                    + " page, in its visible text."),
            Key.optional("matches", Shape.pattern(), "The regular expression is found somewhere in the body, or in an HTML"
                    + " page's visible text (Java syntax; `^` and `$` match at each line, `\\A` and `\\z` at the start and"
                    + " end of the whole body)."),
            Key.optional("schema", Shape.either(Shape.string(), Shape.mapOf(Shape.any())).documentedAs("file path, or a map"),
                    "The JSON body is valid against this JSON Schema. A path is relative to the probe file's folder (or the"
                            + " probe file's classpath folder); a map is the schema itself. Without `$schema`, draft"
                            + " 2020-12. Compiled once per run."),
            Key.optional("within", Shape.duration().documentedAs("duration (`500ms`, `2s`)"),
                    "The response, redirects included, arrived within this time."),
            Key.optional("certificate", Shape.block(Key.required("validFor", Shape.duration(),
                            "How long the certificate must stay valid from now.")).documentedAs("`{ validFor: 14d }`"),
                    "The server's certificate stays valid at least that long from now. Fails over plain http."),
            Key.optional("snapshot", Shape.either(Shape.bool(), Shape.block(
                            Key.optional("ignore", Shape.either(Shape.string(), Shape.listOf(Shape.string()))
                                    .documentedAs("list of JSONPaths"), "none",
                                    "Paths never compared, besides the noise the baseline learns."),
                            Key.optional("headers", Shape.either(Shape.string(), Shape.listOf(Shape.string()))
                                    .documentedAs("list of header names"), "none",
                                    "Response headers recorded and compared besides Content-Type.")))
                            .documentedAs("`true`, or `{ ignore: [JSONPATH...], headers: [NAME...] }`"), "none",
                    "The baseline's response is the expectation: see [Snapshots](#snapshots-the-baselines-response-is-the-expectation)."));

    static final Shape BLOCK = block();

    private HttpDeclaration() {
    }

    private static Shape block() {
        List<Key> keys = new ArrayList<>();
        for (Method method : Method.values()) {
            keys.add(Key.optional(method.key(), Shape.string().documentedAs("URL"), "— (exactly one is required)",
                    "The method is the key, the URL its value. `http://` or `https://` with a host, checked once variables"
                            + " are known. A misspelt key gets a suggestion: `unknown key 'pots' (did you mean 'post'?)`."));
        }
        Shape names = Shape.mapOf(Shape.string()).documentedAs("map of name → text");
        keys.add(Key.optional("headers", names, "none", "Request headers. `Host`, `Connection`, `Content-Length`, `Expect`"
                + " and `Upgrade` are set by the client and refused."));
        keys.add(Key.optional("query", names, "none",
                "Query parameters, URL-encoded and appended to any query already in the URL."));
        keys.add(Key.optional("json", Shape.any().documentedAs("any YAML value"), "—", "Sent as JSON with `Content-Type:"
                + " application/json`. `${...}` inside strings are resolved; a resolved value stays a string (`qty: ${n}`"
                + " sends `\"qty\":\"3\"`)."));
        keys.add(Key.optional("form", names, "—",
                "Sent URL-encoded with `Content-Type: application/x-www-form-urlencoded`."));
        keys.add(Key.optional("body", Shape.string().documentedAs("text"), "—",
                "Sent as is, with `Content-Type: text/plain; charset=UTF-8` unless `headers` give one."));
        keys.add(Key.optional("tls", TLS, "the JDK's trust store, host names checked", "See [TLS](#tls)."));
        keys.add(Key.optional("redirects", Shape.choice("none", "follow"), "`none`", "See [Redirects](#redirects)."));
        keys.add(Key.optional("expect", EXPECT, "any 2xx", "See [Expectations](#expectations)."));
        keys.add(Key.optional("capture", Shape.mapOf(Shape.string()).documentedAs("map of name → JSONPath"), "none",
                "See [Capture](#capture)."));
        return Shape.block(keys.toArray(Key[]::new));
    }
}
