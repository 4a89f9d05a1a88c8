package vn.chuyenhoa.reporting;

import java.time.LocalDate;

/**
 * One report of the year.
 *
 * @param from      inclusive
 * @param to        inclusive: the closing day
 * @param dueBefore exclusive: the report must be in before this day
 * @param rule      the rule of rules/reporting-calendar.drl that defined it
 */
record ReportingPeriod(String id, String labelVi, String labelEn, LocalDate from, LocalDate to,
                             LocalDate dueBefore, String rule) {}
