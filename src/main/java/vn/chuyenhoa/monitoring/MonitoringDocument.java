package vn.chuyenhoa.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.kernel.TableSource;

/**
 * The response to a monitoring report, stored as it was sent and returned unchanged ever after. A recommendation:
 * the lifecycle cites it when a decision changes the area's state; nothing here changes it.
 *
 * @param submittedBy the account that sent the report, part of the stored text so that reading it back names them too
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MonitoringDocument(UUID id, RelapseVerdict outcome, String recommendationVi, String recommendationEn,
                                 String noticeVi, String noticeEn, MonitoredArea area, MonitoringProfile profile,
                                 LocalDate recognisedOn, String recognitionDecision, Period period,
                                 Period baselinePeriod, MonitoringWindow window, String rulesetVersion, Instant reportedAt,
                                 String submittedBy,
                                 List<ReasonView> reasons, List<String> missingFacts, String verdictRule,
                                 Map<String, Object> facts, Boolean proposedAgain) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MonitoredArea(String codeScheme, String code, String name, String districtCode, String provinceCode) {}

    /** @param chain the profiles whose rows were looked at, in order: the first that sets a reason decides it */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MonitoringProfile(String id, String labelVi, String labelEn, String selectedBy, List<String> chain,
                              String reasonVi, String reasonEn, TableSource source, PredecessorView predecessor) {}

    /**
     * The old commune whose plan decided, for a new commune recognised before the 2025 reform (domain spec §8.1).
     *
     * @param selectedBy CALLER (predecessorCode), PROFILE (the named profile covers it) or SAME_PROFILE (every old
     *                   commune the new one was formed from had the same profile)
     * @param formedFrom the old communes the new one was formed from, "name (code)"
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PredecessorView(String codeScheme, String code, String name, String districtCode, String provinceCode,
                                  String selectedBy, List<String> formedFrom) {}

    /** The window, inclusive: from the day after recognition to the same date {@code years} later. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MonitoringWindow(int years, LocalDate from, LocalDate to, boolean periodInside, String profileId,
                             String legalBasis, TableSource source) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReasonView(String id, ReasonOutcome outcome, String kind, String labelVi, String labelEn,
                             String actual, String comparison, String threshold, Long baseline, Long current,
                             String explanationVi, String explanationEn, String rule, String profileId,
                             TableSource source, String legalBasis, List<String> missingFacts) {}
}
