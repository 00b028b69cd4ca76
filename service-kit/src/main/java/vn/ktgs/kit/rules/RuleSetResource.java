package vn.ktgs.kit.rules;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.ktgs.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;

/**
 * Read-only view of a service's rule sets and of the working-day calendar. A service exposes it under
 * its own path by extending this class with a {@code @Path}.
 */
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public abstract class RuleSetResource {
    @Inject
    RuleSets ruleSets;

    public record Summary(String id, String domain, String regulation, String title, LocalDate effectiveFrom,
                          LocalDate effectiveTo) {
    }

    /** {@code date}: the last day of a period of {@code add} working (or calendar) days after {@code from}. */
    public record WorkingDayAnswer(LocalDate from, int add, String unit, LocalDate date) {
    }

    @GET
    public List<Summary> list() {
        return ruleSets.all().stream()
                .map(s -> new Summary(s.id(), s.domain(), s.regulation(), s.title(), s.effectiveFrom(), s.effectiveTo()))
                .toList();
    }

    @GET
    @Path("/{id}")
    public RuleSet get(@PathParam("id") String id) {
        return ruleSets.byId(id).orElseThrow(() -> ProblemException.notFound("rule set " + id));
    }

    /** Public holidays and worked weekend days of one year. */
    @GET
    @Path("/calendar")
    public List<RuleSets.CalendarDay> calendar(@QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return ruleSets.calendarOf(year);
    }

    /**
     * The deadline {@code add} days after {@code from} by DOMAIN §6's convention: {@code unit=WORKING}
     * (default) counts working days, {@code CALENDAR} counts calendar days and rolls a last day off to
     * the next working day. {@code from} itself is not counted.
     */
    @GET
    @Path("/calendar/working-days")
    public WorkingDayAnswer workingDays(@QueryParam("from") @NotNull LocalDate from,
                                        @QueryParam("add") @NotNull @Min(0) @Max(3650) Integer add,
                                        @QueryParam("unit") @DefaultValue("WORKING") @Pattern(regexp = "WORKING|CALENDAR",
                                                message = "unit is WORKING or CALENDAR") String unit) {
        WorkingDays days = ruleSets.workingDays();
        LocalDate date = unit.equals("CALENDAR") ? days.plusCalendarDays(from, add) : days.plusWorkingDays(from, add);
        return new WorkingDayAnswer(from, add, unit, date);
    }
}
