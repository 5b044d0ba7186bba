package org.postpatch.fleet.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.postpatch.endpoint.Access;
import org.postpatch.fleet.model.FleetView;
import org.postpatch.fleet.read.Period;
import org.postpatch.fleet.read.Periods;
import org.postpatch.fleet.render.DashboardPage;
import org.postpatch.fleet.render.FiguresCsv;
import org.postpatch.fleet.render.FleetJson;
import org.postpatch.ledger.LedgerException;
import org.postpatch.report.Reports;
import org.postpatch.report.RunReport;

/**
 * The dashboard, independent of any HTTP server: a request in, a response out, never an exception.
 * <ul>
 *   <li>{@code GET /}: the page; {@code ?since=30d}, {@code ?until=}, {@code ?suite=} choose what it shows;</li>
 *   <li>{@code GET /api/fleet}: {@code postpatch fleet --format json}'s document — without a valid token,
 *       only each suite and target with its state and the time of its last verdict;</li>
 *   <li>{@code GET /api/changes}, {@code /api/figures}, {@code /api/figures.csv} (token);</li>
 *   <li>{@code GET /runs/{id}/report}: a run's HTML report, from the ledger (token);</li>
 *   <li>{@code POST /login} (form field {@code token}) and {@code POST /logout}: the token in an
 *       HttpOnly, SameSite=Strict cookie, for browsers, which cannot send a bearer token themselves.</li>
 * </ul>
 * The token is the endpoint's ({@link Access}): sent as {@code Authorization: Bearer <token>} or
 * in the cookie. With no token configured, details are never served.
 */
public final class DashboardHandler {

    /** The cookie that carries the token for browsers. */
    static final String COOKIE = "postpatch_token";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FleetSource source;
    private final Access access;
    private final Clock clock;
    private final int refreshSeconds;

    /**
     * @param refreshSeconds how often the page reloads itself
     */
    public DashboardHandler(FleetSource source, Access access, Clock clock, int refreshSeconds) {
        this.source = source;
        this.access = access;
        this.clock = clock;
        this.refreshSeconds = refreshSeconds;
    }

    /**
     * Reads and renders the default view once, so that the first page an operator opens is as quick
     * as the next ones (a fresh JVM loads and compiles the reading, the model and the rendering first).
     *
     * @throws org.postpatch.ledger.LedgerException when the ledger cannot be read
     */
    public void prepare() {
        FleetView view = source.view(Periods.parse(null, null, clock.instant()), null);
        DashboardPage.render(view, new DashboardPage.Context(true, true, null, "", refreshSeconds));
        FleetJson.text(FleetJson.fleet(view, true));
    }

    /** Answers a request; problems become error responses, never exceptions. */
    public DashboardResponse handle(DashboardRequest request) {
        try {
            return route(request);
        } catch (LedgerException unreadable) {
            return failure(request, 503, unreadable.getMessage());
        } catch (IllegalArgumentException badValue) {
            return failure(request, 400, badValue.getMessage());
        } catch (RuntimeException unexpected) {
            return failure(request, 500, "the dashboard could not answer: " + unexpected);
        }
    }

    private DashboardResponse route(DashboardRequest request) {
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        Access.Level level = level(request);
        boolean granted = level == Access.Level.GRANTED;
        if (path.equals("/login") || path.equals("/logout")) {
            return request.method().equals("POST") ? (path.equals("/login") ? login(request) : logout())
                    : notAllowed("POST");
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return notAllowed("GET");
        }
        switch (path) {
            case "/", "" -> {
                return page(request, level);
            }
            case "/api/fleet" -> {
                FleetView view = view(request);
                return DashboardResponse.json(200, granted ? FleetJson.fleet(view, false) : FleetJson.states(view));
            }
            case "/api/changes" -> {
                return granted ? DashboardResponse.json(200, FleetJson.changes(view(request))) : refused(level);
            }
            case "/api/figures" -> {
                return granted ? DashboardResponse.json(200, FleetJson.figures(view(request))) : refused(level);
            }
            case "/api/figures.csv" -> {
                return granted ? DashboardResponse.text(200, "text/csv; charset=utf-8",
                        FiguresCsv.render(view(request).figures()),
                        Map.of("Content-Disposition", "attachment; filename=\"postpatch-figures.csv\"")) : refused(level);
            }
            case "/favicon.ico" -> {
                return new DashboardResponse(204, Map.of(), new byte[0]);
            }
            default -> {
                if (path.startsWith("/runs/") && path.endsWith("/report")) {
                    return granted ? report(path.substring("/runs/".length(), path.length() - "/report".length()))
                            : refused(level);
                }
                return DashboardResponse.error(404, "no such resource: " + request.path());
            }
        }
    }

    private Access.Level level(DashboardRequest request) {
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isPresent()) {
            return access.check(authorization.get());
        }
        return access.check(request.cookie(COOKIE).map(token -> "Bearer " + token).orElse(null));
    }

    private FleetView view(DashboardRequest request) {
        Period period = Periods.parse(request.parameter("since").orElse(null), request.parameter("until").orElse(null),
                clock.instant());
        return source.view(period, request.parameter("suite").filter(s -> !s.isBlank()).orElse(null));
    }

    private DashboardResponse page(DashboardRequest request, Access.Level level) {
        String notice = request.query().containsKey("denied") ? "That token is not valid: only the states are shown." : null;
        StringBuilder periodQuery = new StringBuilder();
        for (String name : new String[] {"since", "until", "suite"}) {
            request.parameter(name).ifPresent(value -> periodQuery.append(periodQuery.length() > 0 ? "&" : "").append(name)
                    .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        DashboardPage.Context context = new DashboardPage.Context(level == Access.Level.GRANTED, access.configured(),
                notice, periodQuery.toString(), refreshSeconds);
        return DashboardResponse.html(200, DashboardPage.render(view(request), context));
    }

    private DashboardResponse report(String runId) {
        String id = java.net.URLDecoder.decode(runId, StandardCharsets.UTF_8);
        Optional<String> report = source.report(id);
        if (report.isEmpty()) {
            return DashboardResponse.error(404, "no report of run " + id + " in the ledger");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(report.get());
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return DashboardResponse.error(500, "the report of run " + id + " in the ledger is not valid JSON: "
                    + unreadable.getOriginalMessage());
        }
        return DashboardResponse.html(200, Reports.HTML.render(RunReport.recorded(tree)));
    }

    private DashboardResponse login(DashboardRequest request) {
        String token = request.formBody().getOrDefault("token", "").strip();
        if (!token.isEmpty() && access.check("Bearer " + token) == Access.Level.GRANTED) {
            return DashboardResponse.redirect("./", Map.of("Set-Cookie", COOKIE + "="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8) + "; Path=/; HttpOnly; SameSite=Strict"));
        }
        return DashboardResponse.redirect("./?denied", Map.of());
    }

    private static DashboardResponse logout() {
        return DashboardResponse.redirect("./", Map.of("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"));
    }

    private static DashboardResponse refused(Access.Level level) {
        if (level == Access.Level.NOT_CONFIGURED) {
            return DashboardResponse.error(403, "details are disabled: no token is configured "
                    + "(set POSTPATCH_TOKEN or --token-file)");
        }
        return DashboardResponse.error(401, "a valid token is needed: send Authorization: Bearer <token>, "
                + "or sign in on the page").with("WWW-Authenticate", "Bearer realm=\"postpatch\"");
    }

    private static DashboardResponse notAllowed(String allowed) {
        return DashboardResponse.error(405, "this method is not allowed here; use " + allowed).with("Allow", allowed);
    }

    private static DashboardResponse failure(DashboardRequest request, int status, String message) {
        if (request.path().startsWith("/api/")) {
            return DashboardResponse.error(status, message);
        }
        return DashboardResponse.html(status, DashboardPage.problem(status, message));
    }
}
