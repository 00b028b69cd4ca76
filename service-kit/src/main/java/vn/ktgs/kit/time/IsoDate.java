package vn.ktgs.kit.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A calendar date as callers write it: {@code 2026-02-13}, a four-digit year from 0001. Java reads more
 * ({@code +999999999-12-31}, a date-time whose time it drops) than PostgreSQL stores or a Party record can mean;
 * such a date would pass a request's checks and fail later, in the database or in another service's copy.
 */
public final class IsoDate {
    /** What a caller is told a date must look like. */
    public static final String EXPECTED = "a date such as 2026-02-13 (year 0001 to 9999)";
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private IsoDate() {
    }

    /** The date, or a {@link DateTimeException} when the text is not one ({@code 2026-02-30} is not). */
    public static LocalDate parse(String text) {
        if (!SHAPE.matcher(text).matches() || text.startsWith("0000")) {
            throw new DateTimeException("not " + EXPECTED + ": " + text);
        }
        return LocalDate.parse(text);
    }
}
