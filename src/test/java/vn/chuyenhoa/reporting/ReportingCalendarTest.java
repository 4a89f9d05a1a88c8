package vn.chuyenhoa.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.support.ShippedRules;

/**
 * Each report of 2024 for Việt Yên and for the national calendar, exactly as the table of domain spec §7 gives it,
 * through the real tables and rules/reporting-calendar.drl. Also a leap-year neighbour (2025, whose year starts in
 * 2024) to show the year before is taken as a whole year, not 365 days.
 */
class ReportingCalendarTest {

    static final Engine engine = ShippedRules.engine();

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        // profile,    year, report,      from,       to,         due before    (domain spec §7)
        "VIET_YEN_2024, 2024, QUARTER_I,   2023-12-15, 2024-03-12, 2024-03-13",
        "VIET_YEN_2024, 2024, SIX_MONTHS,  2023-12-15, 2024-06-12, 2024-06-13",
        "VIET_YEN_2024, 2024, QUARTER_III, 2024-06-13, 2024-09-12, 2024-09-13",
        "VIET_YEN_2024, 2024, YEAR,        2023-12-15, 2024-12-12, 2024-12-13",
        "NATIONAL_CORE, 2024, QUARTER_I,   2023-12-15, 2024-03-14, 2024-03-15",
        "NATIONAL_CORE, 2024, SIX_MONTHS,  2023-12-15, 2024-06-14, 2024-06-15",
        "NATIONAL_CORE, 2024, QUARTER_III, 2024-06-15, 2024-09-14, 2024-09-15",
        "NATIONAL_CORE, 2024, YEAR,        2023-12-15, 2024-12-14, 2024-12-15",
        "NATIONAL_CORE, 2025, QUARTER_I,   2024-12-15, 2025-03-14, 2025-03-15",
        // Ngọc Lặc sets no calendar of its own: the national one
        "NGOC_LAC_2024, 2024, QUARTER_III, 2024-06-15, 2024-09-14, 2024-09-15",
    })
    void reportAsTheSpecTableGivesIt(String profile, int year, String report, LocalDate from, LocalDate to, LocalDate due) {
        ReportingCalendar.Year cal = ReportingCalendar.of(engine, engine.policy().programme(profile).orElseThrow(), year);
        assertEquals(List.of("QUARTER_I", "SIX_MONTHS", "QUARTER_III", "YEAR"),
                cal.periods().stream().map(ReportingPeriod::id).toList(), "the four reports, in date order");
        ReportingPeriod p = cal.periods().stream().filter(x -> x.id().equals(report)).findFirst().orElseThrow();
        assertEquals(from, p.from(), "from");
        assertEquals(to, p.to(), "to");
        assertEquals(due, p.dueBefore(), "due before");
        String rule = switch (report) {
            case "QUARTER_I" -> "Quarter I runs";
            case "SIX_MONTHS" -> "The six-month report runs";
            case "QUARTER_III" -> "Quarter III runs";
            default -> "The year report runs";
        };
        assertTrue(p.rule().startsWith(rule), p.rule());
    }
}
