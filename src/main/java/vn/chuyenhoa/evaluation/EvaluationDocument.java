package vn.chuyenhoa.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The response to an evaluation, stored as it was sent and returned unchanged for ever after (api.md). Everything an
 * auditor needs is in it: facts as received, the profile and why, every criterion with its table row, the version,
 * and for an item of a batch the batch it came in ({@code batchId}, absent otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationDocument(UUID id, Verdict verdict, AreaView area, ProfileView profile, String rulesetVersion,
                                 Instant evaluatedAt, String purpose, Period period, Period baselinePeriod,
                                 List<CriterionResult> criteria, List<String> missingFacts, String verdictRule,
                                 Object facts, Supersession supersedes, UUID batchId) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AreaView(String codeScheme, String code, String name, String districtCode, String provinceCode) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProfileView(String id, String labelVi, String labelEn, ProfileChoice.SelectedBy selectedBy,
                              ScopeView scope, LocalDate validFrom, LocalDate validTo, String legalBasis,
                              TableSource source, String reasonVi, String reasonEn) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScopeView(Scope.Level level, String codeScheme, String provinceCode, String districtCode, String communeCode) {}

    public record Supersession(UUID evaluationId, String reason) {}

    static ProfileView profileView(ProfileChoice choice) {
        Profile p = choice.profile();
        Scope s = p.scope();
        return new ProfileView(p.id(), p.labelVi(), p.labelEn(), choice.selectedBy(),
                new ScopeView(s.level(), s.codeScheme(), s.provinceCode(), s.districtCode(), s.communeCode()),
                p.validFrom(), p.validTo(), p.legalBasis(), p.source(), choice.reasonVi(), choice.reasonEn());
    }
}
