package vn.ktgs.kit.time;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.ktgs.kit.web.Params;

import java.util.function.Supplier;

/**
 * The one convention of every statistics endpoint: the org unit, a period of QĐ 885 ({@code period=YEAR&year=2026},
 * {@code MONTH&month=}, {@code QUARTER&quarter=}, {@code SIX_MONTHS}, {@code NINE_MONTHS}, {@code TERM&term=2025-2030}),
 * and the answer as JSON or, with {@code format=csv} or {@code Accept: text/csv}, as a CSV download.
 */
public class StatisticsParams {
    @QueryParam("org")
    public String org;

    @QueryParam("period")
    @DefaultValue("YEAR")
    public String period;

    @QueryParam("year")
    @Min(2000)
    @Max(2100)
    public Integer year;

    @QueryParam("month")
    @Min(1)
    @Max(12)
    public Integer month;

    @QueryParam("quarter")
    @Min(1)
    @Max(4)
    public Integer quarter;

    @QueryParam("term")
    @Pattern(regexp = "\\d{4}-\\d{4}", message = "a term is written 2025-2030")
    public String term;

    @QueryParam("format")
    @Pattern(regexp = "json|csv", message = "format is json or csv")
    public String format;

    @HeaderParam("Accept")
    public String accept;

    /** The period asked for; 400 naming the parameter when its parts do not fit its type. */
    public StatisticsPeriod period() {
        return StatisticsPeriod.of(Params.enumValue(StatisticsPeriod.Type.class, period, "period"), year, month, quarter, term);
    }

    /** Whether the period asked for is a term. */
    public boolean isTerm() {
        return Params.enumValue(StatisticsPeriod.Type.class, period, "period") == StatisticsPeriod.Type.TERM;
    }

    /** {@code json} as JSON, or {@code csv} as a download named {@code <name>-<from>-<to>.csv} when CSV was asked for. */
    public Response respond(Object json, Supplier<String> csv, String name, StatisticsPeriod p) {
        boolean asCsv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
        return asCsv ? Response.ok(csv.get(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + p.from() + "-" + p.to() + ".csv\"").build()
                : Response.ok(json, MediaType.APPLICATION_JSON).build();
    }
}
