package vn.chuyenhoa.reporting;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * The fact rules/reporting-calendar.drl reasons about: a year and a profile's two calendar values. The rules add the
 * reports; the date helpers only read the values the way the table defines them.
 */
public final class CalendarQuery {

    private final int year;
    private final MonthDay yearStart;
    private final int closeDay;
    private final List<ReportingPeriod> periods = new ArrayList<>();

    CalendarQuery(int year, MonthDay yearStart, int closeDay) {
        this.year = year;
        this.yearStart = yearStart;
        this.closeDay = closeDay;
    }

    public int getYear() { return year; }

    public MonthDay getYearStart() { return yearStart; }

    /** The given day of the given year (29 February becomes the 28th in a common year). */
    public LocalDate on(int year, MonthDay day) {
        return day.atYear(year);
    }

    /** The closing day of a month of the reporting year. */
    public LocalDate close(int month) {
        return LocalDate.of(year, month, closeDay);
    }

    public void period(String id, String labelVi, String labelEn, LocalDate from, LocalDate to, LocalDate dueBefore,
                       String rule) {
        periods.add(new ReportingPeriod(id, labelVi, labelEn, from, to, dueBefore, rule));
    }

    List<ReportingPeriod> periods() { return List.copyOf(periods); }
}
