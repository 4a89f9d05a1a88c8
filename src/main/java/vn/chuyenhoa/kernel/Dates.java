package vn.chuyenhoa.kernel;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as people read them (dd/mm/yyyy), in pages and in the sentences stored for them; the API keeps ISO-8601. */
public final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Dates() {}

    /** 2024-12-12 → "12/12/2024". */
    public static String format(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }
}
