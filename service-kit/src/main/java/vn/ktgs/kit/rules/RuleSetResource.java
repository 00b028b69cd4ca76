package vn.ktgs.kit.rules;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

    public record WorkingDayAnswer(LocalDate from, int add, LocalDate date) {
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

    /** The date {@code add} working days after {@code from}, e.g. for a deadline in working days. */
    @GET
    @Path("/calendar/working-days")
    public WorkingDayAnswer workingDays(@QueryParam("from") @NotNull LocalDate from,
                                        @QueryParam("add") @NotNull @Min(0) @Max(3650) Integer add) {
        return new WorkingDayAnswer(from, add, ruleSets.workingDays().plusWorkingDays(from, add));
    }
}
