package vn.chuyenhoa.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.kernel.TableSource;

/**
 * The response to an evaluation, stored as it was sent and returned unchanged for ever after (api.md). Everything an
 * auditor needs is in it: facts as received, the profile and why, every criterion with its table row, the version,
 * and for an item of a batch the batch it came in ({@code batchId}, absent otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A verdict with everything behind it, stored as it was returned and returned unchanged for ever "
        + "after, whatever the rules are now. / Kết quả đánh giá và căn cứ.")
public record EvaluationDocument(
        @Schema(description = "Absent in a dry run, which stores nothing") UUID id,
        @Schema(requiredMode = RequiredMode.REQUIRED) Verdict verdict,
        @Schema(requiredMode = RequiredMode.REQUIRED) AreaView area,
        @Schema(requiredMode = RequiredMode.REQUIRED) ProfileView profile,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The ruleset version that decided") String rulesetVersion,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "UTC") Instant evaluatedAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, implementation = vn.chuyenhoa.evaluation.Purpose.class) String purpose,
        @Schema(requiredMode = RequiredMode.REQUIRED) Period period,
        Period baselinePeriod,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Exactly the profile's criteria, each once")
        List<CriterionResult> criteria,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Each absent fact (or baselinePeriod) a MISSING_DATA "
                + "criterion needed, once each, in code-point order") List<String> missingFacts,
        @Schema(description = "The rule that gave the verdict") String verdictRule,
        @Schema(ref = "#/components/schemas/EvaluationFacts", description = "The facts as received") Object facts,
        Supersession supersedes,
        @Schema(description = "The batch the evaluation came in; absent for a single request") UUID batchId) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EvaluatedArea", description = "The area with the district and province its code belongs to")
    public record AreaView(@Schema(requiredMode = RequiredMode.REQUIRED, example = "QD124_2004") String codeScheme,
                           @Schema(requiredMode = RequiredMode.REQUIRED, example = "07795") String code,
                           @Schema(example = "Phường Nếnh") String name,
                           @Schema(description = "Absent under QD19_2025, which has no districts", example = "222") String districtCode,
                           @Schema(requiredMode = RequiredMode.REQUIRED, example = "24") String provinceCode) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EvaluationProfile", description = "The profile judged by, why it was chosen and where it is defined")
    public record ProfileView(@Schema(requiredMode = RequiredMode.REQUIRED, example = "VIET_YEN_2024") String id,
                              String labelVi, String labelEn,
                              @Schema(requiredMode = RequiredMode.REQUIRED) ProfileChoice.SelectedBy selectedBy,
                              ScopeView scope, LocalDate validFrom, LocalDate validTo, String legalBasis,
                              TableSource source, String reasonVi, String reasonEn) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProfileScope", description = "Where the profile applies")
    public record ScopeView(Scope.Level level, String codeScheme, String provinceCode, String districtCode, String communeCode) {}

    @Schema(description = "The evaluation this one replaces, and why")
    public record Supersession(UUID evaluationId, String reason) {}

    /** @param unit the input's area as the official list has it, to name places beside their codes; null for codes alone */
    static ProfileView profileView(ProfileChoice choice, EvaluationInput input, vn.chuyenhoa.area.AdminUnit unit) {
        Profile p = choice.profile();
        Scope s = p.scope();
        return new ProfileView(p.id(), p.labelVi(), p.labelEn(), choice.selectedBy(),
                new ScopeView(s.level(), s.codeScheme(), s.provinceCode(), s.districtCode(), s.communeCode()),
                p.validFrom(), p.validTo(), p.legalBasis(), p.source(),
                choice.reasonVi(input.area(), input.period(), unit), choice.reasonEn(input.area(), input.period()));
    }
}
