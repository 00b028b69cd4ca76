package vn.ktgs.kit.time;

import vn.ktgs.kit.problem.ProblemException;

import java.time.LocalDate;

/** A reporting period of QĐ 885 (DOMAIN §8): a month, a quarter, six or nine months, a year, or a term. */
public record StatisticsPeriod(LocalDate from, LocalDate to) {

    public enum Type {
        MONTH, QUARTER, SIX_MONTHS, NINE_MONTHS, YEAR, TERM
    }

    /** 400 naming the parameter when the period's parts do not fit its type. */
    public static StatisticsPeriod of(Type type, Integer year, Integer month, Integer quarter, String term) {
        Type t = type == null ? Type.YEAR : type;
        if (t == Type.TERM) {
            if (term == null || year != null) {
                throw ProblemException.invalid("term", "term-for-term-period", "a TERM period gives term (e.g. 2025-2030) and no year");
            }
            int start = Integer.parseInt(term.substring(0, 4));
            int end = Integer.parseInt(term.substring(5));
            if (end <= start) {
                throw ProblemException.invalid("term", "term-order", "a term ends in a later year than it starts, e.g. 2025-2030");
            }
            return new StatisticsPeriod(LocalDate.of(start, 1, 1), LocalDate.of(end, 12, 31));
        }
        if (year == null) {
            throw ProblemException.invalid("year", "year-required", "a " + t + " period needs year");
        }
        if ((t == Type.MONTH) != (month != null)) {
            throw ProblemException.invalid("month", "month-for-month-period", "month is given for a MONTH period only, and then required");
        }
        if ((t == Type.QUARTER) != (quarter != null)) {
            throw ProblemException.invalid("quarter", "quarter-for-quarter-period", "quarter is given for a QUARTER period only, and then required");
        }
        if (term != null) {
            throw ProblemException.invalid("term", "term-for-term-period", "term is given for a TERM period only");
        }
        LocalDate jan = LocalDate.of(year, 1, 1);
        return switch (t) {
            case MONTH -> new StatisticsPeriod(LocalDate.of(year, month, 1), LocalDate.of(year, month, 1).plusMonths(1).minusDays(1));
            case QUARTER -> new StatisticsPeriod(LocalDate.of(year, 3 * quarter - 2, 1), LocalDate.of(year, 3 * quarter - 2, 1).plusMonths(3).minusDays(1));
            case SIX_MONTHS -> new StatisticsPeriod(jan, LocalDate.of(year, 6, 30));
            case NINE_MONTHS -> new StatisticsPeriod(jan, LocalDate.of(year, 9, 30));
            default -> new StatisticsPeriod(jan, LocalDate.of(year, 12, 31));
        };
    }
}
