package vn.chuyenhoa.evaluation;

import java.math.BigDecimal;
import java.time.MonthDay;

/**
 * The programme settings that apply to one profile (decision-tables/programme.drl.xlsx, table Settings), each resolved
 * to a row: the profile's own row, or else the row of the national profile in force when the profile starts.
 *
 * @param targetTransformedPercent at least this share of selected areas transformed in a year (seed 002: 60)
 * @param targetNotRelapsedPercent at least this share of transformed areas not relapsed (seed 002: 85)
 * @param plannedEnd               when a transformation is due to end
 * @param monitoringWindowYears    years of monitoring after recognition (domain spec §5: 3)
 * @param reportingYearStart       the day the reporting year starts, in the year before (domain spec §7: 12-15)
 * @param reportingCloseDay        the closing day of each period's last month (domain spec §7: 14, Việt Yên 12)
 */
public record ProgrammeSettings(String profileId,
                                Setting<BigDecimal> targetTransformedPercent,
                                Setting<BigDecimal> targetNotRelapsedPercent,
                                Setting<PlannedEnd> plannedEnd,
                                Setting<Integer> monitoringWindowYears,
                                Setting<MonthDay> reportingYearStart,
                                Setting<Integer> reportingCloseDay) {}
