/**
 * The reporting calendar (domain spec §7): the reports of a year and their inclusive dates and due-before dates,
 * computed by rules/reporting-calendar.drl from the two calendar settings of a profile.
 */
package vn.chuyenhoa.reporting;
