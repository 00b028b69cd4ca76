package vn.ktgs.kit.rules;

import vn.ktgs.kit.problem.ProblemException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days of Party and State bodies: Monday to Friday, minus public holidays in force, plus the
 * weekend days worked to make up a bridge day. The days come from the calendar table, never from code,
 * and only for the years it covers: a day in any other year is refused (422 {@code calendar-covers-year}),
 * never counted as if that year had no holidays.
 * <p>
 * Counting follows DOMAIN §6 (Bộ luật Dân sự Đ147–148): the day that triggers a period is not counted,
 * and a period whose last day is not a working day ends on the next working day.
 */
public final class WorkingDays {
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workedWeekendDays;
    private final Set<Integer> coveredYears;

    public WorkingDays(Set<LocalDate> holidays, Set<LocalDate> workedWeekendDays, Set<Integer> coveredYears) {
        this.holidays = Set.copyOf(holidays);
        this.workedWeekendDays = Set.copyOf(workedWeekendDays);
        this.coveredYears = Set.copyOf(coveredYears);
    }

    /** The calendar as the tables hold it: days in force, and the years it covers. */
    public static WorkingDays fromCalendar(Connection c) throws SQLException {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        try (var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT day, kind FROM kit_calendar_day WHERE in_force");
            while (rs.next()) {
                (rs.getString(2).equals("HOLIDAY") ? holidays : worked).add(rs.getDate(1).toLocalDate());
            }
            rs = s.executeQuery("SELECT year FROM kit_calendar_year");
            while (rs.next()) {
                years.add(rs.getInt(1));
            }
        }
        return new WorkingDays(holidays, worked, years);
    }

    public boolean isWorkingDay(LocalDate day) {
        requireCovered(day);
        if (workedWeekendDays.contains(day)) {
            return true;
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The last day of a period of {@code n} working days that starts the day after {@code start}. */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate day = start;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** {@link #plusWorkingDays}, or empty while the calendar does not cover the days the period runs through. */
    public java.util.Optional<LocalDate> plusWorkingDaysIfCovered(LocalDate start, int n) {
        return ifCovered(() -> plusWorkingDays(start, n));
    }

    /**
     * A day counted on this calendar, or empty while it does not cover the days the count runs through: for a deadline
     * a record keeps, whose own step must not wait for next year's holidays to be entered.
     */
    public java.util.Optional<LocalDate> ifCovered(java.util.function.Supplier<LocalDate> count) {
        try {
            return java.util.Optional.of(count.get());
        } catch (ProblemException e) {
            if (e.errors().stream().anyMatch(x -> "calendar-covers-year".equals(x.rule()))) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    /** The last day of a period of {@code n} calendar days after {@code start}, rolled to a working day. */
    public LocalDate plusCalendarDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        return rollToWorkingDay(start.plusDays(n));
    }

    /** {@code day} if it is a working day, else the next one. */
    public LocalDate rollToWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Working days after {@code from} up to and including {@code to}. */
    public int between(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                n++;
            }
        }
        return n;
    }

    public boolean covers(int year) {
        return coveredYears.contains(year);
    }

    private void requireCovered(LocalDate day) {
        if (!coveredYears.contains(day.getYear())) {
            throw ProblemException.ruleViolated("date", "calendar-covers-year", "the working-day calendar does not cover "
                    + day.getYear() + " yet, so a period that reaches " + day + " cannot be counted; its holidays must be entered first");
        }
    }
}
