package vn.chuyenhoa.reporting;

import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.ProgrammeSettings;
import vn.chuyenhoa.evaluation.Setting;
import vn.chuyenhoa.http.FieldError;

/** The reports of a year under a profile, from its calendar settings and the calendar rules of the same ruleset. */
final class ReportingCalendar {

    /** The years a calendar is asked for; outside them a year is a typing error, not a question. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;


    /** The DRL package of rules/reporting-calendar.drl: the only rules allowed to fire on a calendar query. */
    static final String RULES = "chuyenhoa.reporting";

    /** A year's reports with the two table rows they were computed from. */
    public record Year(int year, String profileId, Setting<MonthDay> yearStart, Setting<Integer> closeDay,
                       List<ReportingPeriod> periods) {}

    private ReportingCalendar() {}

    /** In date order: quarter I, six months, quarter III, year. */
    public static Year of(Engine engine, ProgrammeSettings settings, int year) {
        CalendarQuery q = new CalendarQuery(year, settings.reportingYearStart().value(), settings.reportingCloseDay().value());
        engine.fire(Set.of(RULES), null, null, List.of(q));
        List<ReportingPeriod> periods = q.periods().stream()
                .sorted(Comparator.comparing(ReportingPeriod::to).thenComparing(ReportingPeriod::from)).toList();
        return new Year(year, settings.profileId(), settings.reportingYearStart(), settings.reportingCloseDay(), periods);
    }

    static FieldError yearOutOfRange(String field, int year) {
        return FieldError.outOfRange(field, year, MIN_YEAR, MAX_YEAR);
    }
}
