package vn.chuyenhoa.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.kernel.TableSource;

/**
 * The response to a screening, stored as it was sent and returned unchanged ever after. Every flag, type, exclusion,
 * carry-over and rank carries its reason in Vietnamese and English and the table row behind it.
 *
 * @param submittedBy the account that asked for it, part of the stored text so that reading it back names them too
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScreeningDocument(UUID id, String rulesetVersion, Instant screenedAt, String submittedBy, int year, Period period,
                                ScreenedProvince province, String noticeVi, String noticeEn, List<RankingKeyView> rankingOrder,
                                List<RankedView> ranking, List<CommuneView> communes) {

    public record ScreenedProvince(String codeScheme, String code, String name) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScreenedArea(String codeScheme, String code, String name, String districtCode, String provinceCode) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RankingKeyView(int position, String key, String fact, Long per, String direction, String labelVi,
                                 String labelEn, String legalBasis, TableSource source) {}

    /** One line of the committee's list, in rank order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RankedView(int rank, String codeScheme, String code, String name, String status, String reasonVi,
                             String reasonEn) {}

    public enum Status { CANDIDATE, CARRIED_OVER, EXCLUDED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommuneView(ScreenedArea area, Status status, String statusReasonVi, String statusReasonEn,
                              String statusRule, List<StatusCheckView> statusChecks, Integer rank, String rankReasonVi,
                              String rankReasonEn, List<RankValueView> rankingValues, List<String> categoriesFlagged,
                              List<CategoryView> categories, DrugAreaView drugArea, List<String> missingFacts) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusCheckView(String id, StatusRule.Effect effect, ScreeningOutcome outcome, boolean decisive,
                                  String labelVi, String labelEn, ConditionView condition, String rule) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RankValueView(int position, String key, String valueVi, String valueEn) {}

    public enum CategoryOutcome { FLAGGED, NOT_FLAGGED, MISSING_DATA, NOT_ASSESSED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CategoryView(String id, String labelVi, String labelEn, CategoryOutcome outcome, ThresholdScope scope,
                               String explanationVi, String explanationEn, String rule, String legalBasis,
                               List<ConditionView> indicators) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ThresholdScope(String id, String labelVi, String labelEn, String legalBasis, TableSource source) {}

    /** One table condition against the commune's facts: the indicator, actual value, threshold and row behind it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConditionView(String fact, String labelVi, String labelEn, ScreeningOutcome outcome, String actual,
                                Long value, Long residents, Long per, String comparison, String threshold,
                                String explanationVi, String explanationEn, String rule, TableSource source,
                                String legalBasis, List<String> missingFacts) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrugAreaView(String type, String labelVi, String labelEn, String explanationVi, String explanationEn,
                               String rule, List<DrugTypeView> types, List<DrugCriterionView> criteria) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrugTypeView(String id, ScreeningOutcome outcome, int criteria, Integer minimum, int criteriaMet,
                               int criteriaOpen, String labelVi, String labelEn, String explanationVi,
                               String explanationEn, String rule, TableSource source, String legalBasis) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrugCriterionView(String id, String type, ScreeningOutcome outcome, String lowerType,
                                    Integer lowerTypeMinimum, Integer lowerTypeCriteriaMet, String explanationVi,
                                    String explanationEn, String rule, List<ConditionView> conditions) {}
}
