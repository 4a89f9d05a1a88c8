/**
 * The reporting calendar (domain spec §7): the reports of a year and their inclusive dates and due-before dates,
 * computed by rules/reporting-calendar.drl from the two calendar settings of a profile; and the reports themselves,
 * a province's figures for one period of the calendar, as a page, a spreadsheet and an official document.
 */
package vn.chuyenhoa.reporting;
