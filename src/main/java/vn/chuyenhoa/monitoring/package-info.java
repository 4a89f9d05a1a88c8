/**
 * Relapse monitoring (domain spec §5): a report on a recognised area for a period after its recognition, judged
 * against the reasons of a relapse ("tái phức tạp") within the monitoring window. The reasons and their thresholds are
 * rows of {@code decision-tables/monitoring.drl.xlsx}, per profile; the window is the {@code monitoringWindowYears} row
 * of the programme Settings table ({@code decision-tables/programme.drl.xlsx}), the one the lifecycle uses for
 * MONITORING → STABLE; how they combine into
 * {@code RELAPSED} or {@code STABLE} is {@code rules/monitoring.drl}. The answer is a stored recommendation: it
 * changes no area's state.
 */
package vn.chuyenhoa.monitoring;
