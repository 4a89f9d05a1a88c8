package vn.chuyenhoa.monitoring;

import java.util.Optional;

/**
 * The programme record a monitoring report belongs to, for the report page's link to it. Declared here and answered
 * by the programme feature, which already reads monitoring reports: asking it directly would make the two features
 * depend on each other.
 */
public interface AreaRecords {

    /** Where the record is and what to call it. */
    record Link(String codeScheme, String provinceCode, int year, String areaCode, String areaName) {}

    Optional<Link> recordOf(MonitoringStore.Summary report);
}
