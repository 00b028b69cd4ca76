package vn.ktgs.kit;

import org.junit.jupiter.api.Test;
import vn.ktgs.kit.rules.WorkingDays;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingDaysTest {
    private static final Set<LocalDate> TET_2026 = Stream.iterate(LocalDate.of(2026, 2, 14), d -> d.plusDays(1)).limit(9)
            .collect(Collectors.toSet());
    private final WorkingDays days = new WorkingDays(TET_2026, Set.of(LocalDate.of(2025, 4, 26)));

    @Test
    void weekendsAndHolidaysAreOffAndAWorkedSaturdayIsOn() {
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 2, 17)), "Tết");
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 3, 7)), "a Saturday");
        assertTrue(days.isWorkingDay(LocalDate.of(2025, 4, 26)), "the Saturday worked for 2/5/2025");
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 2, 23)), "the Monday after Tết");
    }

    @Test
    void countsWorkingDaysAcrossTet() {
        // Friday 13/2/2026 + 1 working day skips Tết (14–22/2) to Monday 23/2
        assertEquals(LocalDate.of(2026, 2, 23), days.plusWorkingDays(LocalDate.of(2026, 2, 13), 1));
        assertEquals(LocalDate.of(2026, 3, 6), days.plusWorkingDays(LocalDate.of(2026, 2, 13), 10));
        assertEquals(10, days.between(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 3, 6)));
        assertEquals(LocalDate.of(2026, 2, 13), days.plusWorkingDays(LocalDate.of(2026, 2, 13), 0));
    }
}
