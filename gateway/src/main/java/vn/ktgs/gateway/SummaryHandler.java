package vn.ktgs.gateway;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/summary}: the report of a unit's subtree for a period of QĐ 885, made of every service's own
 * statistics (asked with the caller's token, so each service applies its scope) and given as JSON, CSV, an XLSX
 * workbook or a printable page ({@code format=} or {@code Accept}). The period parameters are the services' own
 * ({@code org}, {@code period}, {@code year}, {@code month}, {@code quarter}, {@code term}), and so are their refusals,
 * passed on as they are. A report missing an area is no report: a service that does not answer makes it 503.
 */
@Singleton
public class SummaryHandler {
    public static final String PATH = "/api/v1/summary";
    private static final Logger LOG = Logger.getLogger(SummaryHandler.class);
    private static final List<String> PERIOD_PARAMETERS = List.of("org", "period", "year", "month", "quarter", "term");

    /** The areas in the report's order, and where each one's statistics are. */
    private record Source(String area, String path) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source("plans", "/api/v1/plans/statistics"),
            new Source("inspections", "/api/v1/inspections/statistics"),
            new Source("discipline", "/api/v1/discipline-cases/statistics"),
            new Source("denunciations", "/api/v1/denunciations/statistics"),
            new Source("appeals", "/api/v1/appeals/statistics"));

    /** A service's answer, read whole. */
    private record Answer(int status, String contentType, Buffer body) {
    }

    private final Upstreams upstreams;
    private final TokenCheck tokens;
    private final GatewayConfig config;
    private final Clock clock;
    private final Summary.Labels labels = new Summary.Labels();

    SummaryHandler(Upstreams upstreams, TokenCheck tokens, GatewayConfig config, Clock clock) {
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    void install(@Observes Router router) {
        // ahead of the /api/* route, which would look for a service serving this path
        router.get(PATH).order(-1).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        SummaryFormat format = SummaryFormat.chosen(ctx.request().getParam("format"), ctx.request().getHeader(HttpHeaders.ACCEPT));
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        tokens.verify(ctx.vertx(), authorization).onComplete(checked -> {
            if (checked.failed()) {
                TokenCheck.refuse(ctx, checked.cause());
                return;
            }
            if (format == null) {
                Problem.BAD_REQUEST.sendField(ctx, "format", "format", "format is json, csv, xlsx or html");
                return;
            }
            String query = periodQuery(ctx);
            List<Future<Answer>> asked = new ArrayList<>();
            SOURCES.forEach(s -> asked.add(get(ctx, s.path(), query, authorization)));
            Future.join(asked).onComplete(all -> answer(ctx, format, asked, authorization));
        });
    }

    private void answer(RoutingContext ctx, SummaryFormat format, List<Future<Answer>> asked, String authorization) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Future<Answer> f = asked.get(i);
            String service = upstreams.find(SOURCES.get(i).path()).map(m -> m.upstream().name()).orElse(SOURCES.get(i).area());
            if (f.failed() || f.result().status() >= 500) {
                LOG.warnf("summary: %s did not answer (%s)", service, f.failed() ? f.cause().getMessage() : "status " + f.result().status());
                Problem.SERVICE_UNAVAILABLE.send(ctx, "The summary needs " + service + "-service, which is not available. Try again later.");
                return;
            }
            answers.add(f.result());
        }
        // The services refuse alike (the same parameters): the first refusal is the answer.
        for (Answer a : answers) {
            if (a.status() != 200) {
                ctx.response().setStatusCode(a.status());
                if (a.contentType() != null) {
                    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, a.contentType());
                }
                ctx.response().end(a.body());
                return;
            }
        }
        List<Summary.Area> areas = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            areas.add(Summary.area(SOURCES.get(i).area(), new JsonObject(answers.get(i).body()), labels));
        }
        JsonObject first = new JsonObject(answers.get(0).body());
        String unitId = first.getString("orgUnitId");
        get(ctx, "/api/v1/org-units/" + unitId, "", authorization)
                .onComplete(unit -> {
                    JsonObject u = unit.succeeded() && unit.result().status() == 200 ? new JsonObject(unit.result().body()) : new JsonObject();
                    Summary summary = new Summary(new Summary.Unit(unitId, u.getString("code"), u.getString("name", unitId)),
                            first.getString("from"), first.getString("to"),
                            OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), areas);
                    send(ctx, format, summary);
                });
    }

    private static void send(RoutingContext ctx, SummaryFormat format, Summary summary) {
        ctx.vertx().executeBlocking(() -> format.render(summary), false).onComplete(rendered -> {
            if (rendered.failed()) {
                ctx.fail(rendered.cause());
                return;
            }
            var response = ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, format.contentType);
            if (format == SummaryFormat.HTML) {
                // names come from users: nothing in the page may run or load
                response.putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            } else if (format != SummaryFormat.JSON) {
                response.putHeader("Content-Disposition", "attachment; filename=\"ktgs-summary-" + summary.from() + "-" + summary.to()
                        + "." + format.code + "\"");
            }
            response.end(rendered.result());
        });
    }

    /** The period parameters as the caller gave them; nothing else is passed on. */
    private static String periodQuery(RoutingContext ctx) {
        StringBuilder q = new StringBuilder();
        MultiMap params = ctx.queryParams();
        for (String name : PERIOD_PARAMETERS) {
            for (String value : params.getAll(name)) {
                q.append(q.isEmpty() ? '?' : '&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    private Future<Answer> get(RoutingContext ctx, String path, String query, String authorization) {
        var upstream = upstreams.find(path).orElseThrow().upstream();
        MultiMap headers = HttpHeaders.headers()
                .add(HttpHeaders.AUTHORIZATION, authorization)
                .add(HttpHeaders.ACCEPT, "application/json")
                .add(RequestIds.HEADER, (String) ctx.get(RequestIds.KEY));
        return upstreams.client().request(upstream.target().setMethod(HttpMethod.GET).setURI(path + query).setHeaders(headers)
                        .setTimeout(config.timeout().toMillis()))
                .compose(HttpClientRequest::send)
                .compose(r -> r.body().map(b -> new Answer(r.statusCode(), r.getHeader(HttpHeaders.CONTENT_TYPE), b)));
    }
}
