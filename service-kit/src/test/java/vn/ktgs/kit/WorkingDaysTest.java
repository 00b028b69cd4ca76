package vn.ktgs.kit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.rules.WorkingDays;

import java.sql.Connection;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The working-day calendar as the kit's migrations seed it (DOMAIN §6), counted by the suite's convention. */
class WorkingDaysTest {
    private static WorkingDays days;

    @BeforeAll
    static void calendar() throws Exception {
        try (Connection c = KitDatabase.create("kit_calendar_test").getConnection()) {
            days = WorkingDays.fromCalendar(c);
        }
    }

    @Test
    void weekendsAndHolidaysAreOffAndMakeUpSaturdaysAreOn() {
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 2, 17)), "Tết");
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 3, 7)), "a Saturday");
        assertTrue(days.isWorkingDay(LocalDate.of(2025, 4, 26)), "the Saturday worked for 2/5/2025");
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 1, 2)), "2/1/2026, swapped");
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 1, 10)), "Saturday 10/1/2026, worked for 2/1");
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 2, 23)), "the Monday after Tết");
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 11, 24)), "announced, not yet in force: still a working day");
    }

    @Test
    void theFirstDayIsNotCountedAndTetAndTheMakeUpDayAre() {
        // Wednesday 31/12/2025 + 1: 1/1 and 2/1 are off, 3-4/1 a weekend: Monday 5/1
        assertEquals(LocalDate.of(2026, 1, 5), days.plusWorkingDays(LocalDate.of(2025, 12, 31), 1));
        // Friday 9/1/2026 + 1 is Saturday 10/1, the make-up day
        assertEquals(LocalDate.of(2026, 1, 10), days.plusWorkingDays(LocalDate.of(2026, 1, 9), 1));
        // Friday 13/2/2026 + 1 working day skips Tết (14–22/2) to Monday 23/2; + 10 is Friday 6/3
        assertEquals(LocalDate.of(2026, 2, 23), days.plusWorkingDays(LocalDate.of(2026, 2, 13), 1));
        assertEquals(LocalDate.of(2026, 3, 6), days.plusWorkingDays(LocalDate.of(2026, 2, 13), 10));
        assertEquals(10, days.between(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 3, 6)));
        assertEquals(LocalDate.of(2026, 2, 13), days.plusWorkingDays(LocalDate.of(2026, 2, 13), 0));
    }

    @Test
    void aCalendarPeriodEndingOnADayOffRollsToTheNextWorkingDay() {
        // 30 calendar days after 15/1/2026 is Saturday 14/2, in Tết: the period ends Monday 23/2
        assertEquals(LocalDate.of(2026, 2, 23), days.plusCalendarDays(LocalDate.of(2026, 1, 15), 30));
        // ending on a working day, it stays
        assertEquals(LocalDate.of(2026, 3, 2), days.plusCalendarDays(LocalDate.of(2026, 2, 23), 7));
    }

    @Test
    void aPeriodReachingAYearTheCalendarDoesNotCoverIsRefused() {
        ProblemException e = assertThrows(ProblemException.class, () -> days.plusWorkingDays(LocalDate.of(2026, 12, 1), 90));
        assertEquals(422, e.status());
        assertEquals("calendar-covers-year", e.errors().get(0).rule());
        assertTrue(e.getMessage().contains("2027"), e.getMessage());
        assertThrows(ProblemException.class, () -> days.isWorkingDay(LocalDate.of(2024, 6, 3)));
    }
}
