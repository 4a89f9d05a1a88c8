package vn.chuyenhoa.monitoring;

import vn.chuyenhoa.kernel.TableSource;

/**
 * How long after recognition a profile's areas are monitored (domain spec §5: 3 years by default): the
 * {@code monitoringWindowYears} row of the programme Settings table (decision-tables/programme.drl.xlsx), with the
 * profile that owns the row, so a monitoring report and the programme lifecycle read the same cell.
 */
public record RelapseSettings(String profileId, int monitoringWindowYears, String legalBasis, TableSource source) {}
