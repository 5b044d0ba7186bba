package org.postpatch.probes.http.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postpatch.config.Suggestions;
import org.postpatch.probes.http.expect.Json;
import org.postpatch.spi.Spec;

/**
 * Reads the request part of an {@code http} block: the method key and its URL, headers, query,
 * body, TLS and redirects. Every problem is reported at its line and column; a value only known at
 * run time (a captured value) is checked when the probe is bound again just before it runs.
 */
public final class RequestReader {

    /** Headers whose values are secret wherever they appear. */
    public static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    private static final Set<String> SET_BY_CLIENT = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(://[^/@:\\s]*:)[^@/\\s]*@");
    private static final URI NOT_YET_KNOWN = URI.create("http://not-yet-known.invalid/");

    private RequestReader() {
    }

    /** Reads the request; problems are recorded on {@code http}. */
    public static RequestSpec read(Spec http) {
        List<Method> methods = new ArrayList<>();
        for (Method method : Method.values()) {
            if (http.has(method.key())) {
                methods.add(method);
            }
        }
        if (methods.isEmpty()) {
            http.problem("missing the request: one of get, post, put, patch, delete, head or options, with the URL"
                    + " (like get: http://localhost:8080/health)");
        } else if (methods.size() > 1) {
            http.problem(methods.get(1).key(), "one request per probe, found " + methods.stream().map(Method::key)
                    .collect(Collectors.joining(" and ")));
        }
        Method method = methods.isEmpty() ? Method.GET : methods.get(0);
        String probeFile = http.location().file();
        List<String> secrets = new ArrayList<>();
        Map<String, String> headers = headers(http, secrets);
        Map<String, String> query = http.stringMap("query");
        RequestBody body = body(http);
        TlsSettings tls = tls(http, probeFile, secrets);
        Redirects redirects = redirects(http);

        if (methods.isEmpty()) {
            return new RequestSpec(method, NOT_YET_KNOWN, "", headers, body, tls, redirects, secrets);
        }
        Optional<Spec> url = http.child(method.key());
        if (url.isEmpty() || !url.get().isScalar()) {
            http.problem(method.key(), "expected the URL, found " + url.map(Spec::describeType).orElse("nothing (null)"));
            return new RequestSpec(method, NOT_YET_KNOWN, "", headers, body, tls, redirects, secrets);
        }
        String written = url.get().text().trim();
        if (url.get().isDeferred()) {
            return new RequestSpec(method, NOT_YET_KNOWN, hidePassword(written), headers, body, tls, redirects, secrets);
        }
        URI uri = uri(http, method.key(), written, query, headers, secrets);
        return new RequestSpec(method, uri, uri.toString(), headers, body, tls, redirects, secrets);
    }

    /** The text with the password of any URL in it replaced by {@code ****}. */
    public static String hidePassword(String text) {
        return URL_PASSWORD.matcher(text).replaceAll("$1****@");
    }

    private static URI uri(Spec http, String key, String written, Map<String, String> query,
                           Map<String, String> headers, List<String> secrets) {
        URI parsed;
        try {
            parsed = new URI(written);
        } catch (URISyntaxException invalid) {
            http.problem(key, "'" + hidePassword(written) + "' is not a URL: " + invalid.getReason()
                    + " at index " + invalid.getIndex());
            return NOT_YET_KNOWN;
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || parsed.getHost() == null) {
            http.problem(key, "expected an http:// or https:// URL with a host, found '" + hidePassword(written) + "'");
            return NOT_YET_KNOWN;
        }
        boolean hasPath = parsed.getRawPath() != null && !parsed.getRawPath().isEmpty();
        if (parsed.getRawUserInfo() == null && query.isEmpty() && parsed.getRawFragment() == null && hasPath
                && parsed.getScheme().equals(scheme)) {
            return parsed;
        }
        if (parsed.getRawUserInfo() != null) {
            basicAuthorization(parsed.getRawUserInfo(), headers, secrets);
        }
        StringBuilder clean = new StringBuilder(scheme).append("://").append(parsed.getRawAuthority()
                .substring(parsed.getRawUserInfo() == null ? 0 : parsed.getRawUserInfo().length() + 1));
        clean.append(parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath());
        String rawQuery = parsed.getRawQuery();
        String added = query.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        String fullQuery = rawQuery == null ? added : added.isEmpty() ? rawQuery : rawQuery + "&" + added;
        if (!fullQuery.isEmpty()) {
            clean.append('?').append(fullQuery);
        }
        return URI.create(clean.toString());
    }

    private static void basicAuthorization(String rawUserInfo, Map<String, String> headers, List<String> secrets) {
        String userInfo = URLDecoder.decode(rawUserInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
        int colon = userInfo.indexOf(':');
        if (colon >= 0) {
            secrets.add(userInfo.substring(colon + 1));
            secrets.add(rawUserInfo.substring(rawUserInfo.indexOf(':') + 1));
        }
        boolean given = headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Authorization"));
        if (!given) {
            String value = "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
            headers.put("Authorization", value);
            secrets.add(value);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> headers(Spec http, List<String> secrets) {
        Map<String, String> headers = new LinkedHashMap<>(http.stringMap("headers"));
        Spec block = http.child("headers").orElse(null);
        if (block != null) {
            block.known(block.keys().toArray(String[]::new));
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!TOKEN.matcher(name).matches()) {
                block.problem(name, "'" + name + "' is not a valid header name");
            } else if (SET_BY_CLIENT.contains(lower)) {
                block.problem(name, "the " + name + " header is set by the HTTP client and cannot be given");
            } else if (header.getValue().indexOf('\r') >= 0 || header.getValue().indexOf('\n') >= 0) {
                block.problem(name, "a header value cannot contain a line break");
            }
            if (SECRET_HEADERS.contains(lower)) {
                secrets.add(header.getValue());
            }
        }
        return headers;
    }

    private static RequestBody body(Spec http) {
        List<String> given = new ArrayList<>();
        for (String key : List.of("json", "form", "body")) {
            if (http.isSet(key)) {
                given.add(key);
            }
        }
        if (given.size() > 1) {
            http.problem(given.get(1), "one body per request, found " + String.join(" and ", given));
        }
        if (given.isEmpty()) {
            return RequestBody.NONE;
        }
        switch (given.get(0)) {
            case "json":
                return new RequestBody("application/json", Json.write(http.child("json").orElseThrow().plain()));
            case "form": {
                String form = http.stringMap("form").entrySet().stream()
                        .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
                return new RequestBody("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
            }
            default:
                return new RequestBody("text/plain; charset=UTF-8",
                        http.string("body").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static TlsSettings tls(Spec http, String probeFile, List<String> secrets) {
        Optional<Spec> found = http.child("tls");
        if (found.isEmpty()) {
            return TlsSettings.DEFAULT;
        }
        Spec tls = found.get();
        if (!tls.isMap()) {
            http.problem("tls", "expected { trustStore: file, trustStorePassword: ... } or { insecure: true }");
            return TlsSettings.DEFAULT;
        }
        boolean insecure = tls.bool("insecure", false);
        Optional<String> password = tls.optionalString("trustStorePassword");
        password.ifPresent(secrets::add);
        Optional<String> type = tls.optionalString("trustStoreType");
        Optional<String> store = tls.optionalString("trustStore");
        if (store.isEmpty()) {
            if (!insecure && (password.isPresent() || type.isPresent())) {
                tls.problem("missing 'trustStore' (the PKCS12 or JKS file of trusted certificates)");
            }
            return insecure ? new TlsSettings(null, null, null, true) : TlsSettings.DEFAULT;
        }
        if (insecure) {
            tls.problem("insecure", "choose a trustStore or insecure: true, not both");
        }
        Path file = relative(probeFile, store.get());
        boolean deferred = tls.isDeferred("trustStore");
        if (!deferred && !Files.isRegularFile(file)) {
            tls.problem("trustStore", "no such trust store file: " + file);
        }
        String storeType = type.map(t -> t.toUpperCase(Locale.ROOT)).orElseGet(() ->
                file.toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
        if (!storeType.equals("PKCS12") && !storeType.equals("JKS")) {
            tls.problem("trustStoreType", "expected PKCS12 or JKS, found '" + storeType + "'");
        }
        return new TlsSettings(file, storeType, password.orElse(null), false);
    }

    private static Path relative(String probeFile, String written) {
        Path path = Path.of(written);
        if (path.isAbsolute() || probeFile.startsWith("classpath:")) {
            return path;
        }
        Path parent = Path.of(probeFile).toAbsolutePath().getParent();
        return parent == null ? path : parent.resolve(path).normalize();
    }

    private static Redirects redirects(Spec http) {
        Optional<String> written = http.optionalString("redirects");
        if (written.isEmpty() || http.isDeferred("redirects")) {
            return Redirects.NONE;
        }
        switch (written.get()) {
            case "none":
                return Redirects.NONE;
            case "follow":
                return Redirects.FOLLOW;
            default:
                http.problem("redirects", "expected none or follow, found '" + written.get() + "'"
                        + Suggestions.didYouMean(written.get(), List.of("none", "follow")));
                return Redirects.NONE;
        }
    }
}
