package vn.chuyenhoa.ruleset;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.chuyenhoa.evaluation.Criterion;
import vn.chuyenhoa.evaluation.Policy;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.Requirement;
import vn.chuyenhoa.evaluation.Scope;
import vn.chuyenhoa.kernel.TableSource;
import vn.chuyenhoa.http.ApiDescription;
import vn.chuyenhoa.http.Problems;
import vn.chuyenhoa.audit.Canonical;

/** What the compiled tables in force say: profiles with their criteria and rows, and the ruleset version itself. */
@RestController
@Tag(name = ApiDescription.POLICY)
class PolicyController {

    private final ActiveRuleset active;

    PolicyController(ActiveRuleset active) {
        this.active = active;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CriterionView(String id, String labelVi, String labelEn, String kind, String comparison, String threshold,
                         String facts, String legalBasis, TableSource source, TableSource catalogueSource) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PolicyProfile")
    record ProfileView(String id, String labelVi, String labelEn, Scope.Level level, String codeScheme,
                       String provinceCode, String districtCode, String communeCode, LocalDate validFrom,
                       LocalDate validTo, String legalBasis, TableSource source, List<CriterionView> criteria) {}

    record ProfileList(String rulesetVersion, List<ProfileView> items) {}

    @Operation(operationId = "listProfiles", summary = "Profiles and their criteria as the tables in force define them / Các bộ tiêu chí đang áp dụng")
    @GetMapping(path = "/api/v1/profiles", produces = MediaType.APPLICATION_JSON_VALUE)
    ProfileList profiles() {
        RulesetSnapshot s = active.snapshot();
        return new ProfileList(s.versionId(), s.engine().policy().profiles().stream().map(PolicyController::view).toList());
    }

    @ApiResponse(responseCode = "404", description = "The ruleset in force has no such profile")
    @Operation(operationId = "getProfile", summary = "One profile / Một bộ tiêu chí",
            responses = @ApiResponse(responseCode = "200", description = "The profile with its criteria",
                    content = @Content(schema = @Schema(implementation = ProfileView.class))))
    @GetMapping(path = "/api/v1/profiles/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> profile(@PathVariable String id) {
        Policy policy = active.current().policy();
        return policy.profile(id).<ResponseEntity<?>>map(p -> ResponseEntity.ok(view(p)))
                .orElseGet(() -> Problems.notFound("There is no profile " + id + " in the ruleset in force.",
                        "Bộ quy tắc đang áp dụng không có bộ tiêu chí " + id + "."));
    }

    @Schema(name = "RulesetFile")
    record FileView(String path, long size, String sha256) {}

    record RulesetView(String version, String origin, Instant loadedAt, List<FileView> files,
                       ActiveRuleset.FailedLoad lastFailedLoad) {}

    @Operation(operationId = "getRulesetInForce", summary = "The ruleset version in force and the last failed load / Phiên bản bộ quy tắc đang áp dụng")
    @GetMapping(path = "/api/v1/ruleset", produces = MediaType.APPLICATION_JSON_VALUE)
    RulesetView ruleset() {
        RulesetSnapshot s = active.snapshot();
        List<FileView> files = s.files().stream()
                .map((RuleFile f) -> new FileView(f.path(), f.content().length, Canonical.sha256(f.content())))
                .toList();
        return new RulesetView(s.versionId(), s.origin(), s.loadedAt(), files, active.lastFailure().orElse(null));
    }

    private static ProfileView view(Profile p) {
        Scope s = p.scope();
        return new ProfileView(p.id(), p.labelVi(), p.labelEn(), s.level(), s.codeScheme(), s.provinceCode(),
                s.districtCode(), s.communeCode(), p.validFrom(), p.validTo(), p.legalBasis(), p.source(),
                p.requirements().stream().map(PolicyController::view).toList());
    }

    private static CriterionView view(Requirement r) {
        Criterion c = r.criterion();
        String threshold = r.expectedFlag() != null ? r.expectedFlag().toString()
                : r.threshold() == null ? null : plain(r.threshold());
        String facts = switch (c.kind()) {
            case RATE -> c.fact().jsonName() + " / " + c.denominator().jsonName();
            case COUNT, FLAG -> c.fact().jsonName();
            case REDUCTION, BELOW_BASELINE -> r.baseline().stream().map(f -> f.jsonName()).toList()
                    + " → " + r.current().stream().map(f -> f.jsonName()).toList();
        };
        return new CriterionView(c.id(), c.labelVi(), c.labelEn(), c.kind().name(), c.comparison().symbol(), threshold,
                facts, r.legalBasis() != null ? r.legalBasis() : c.legalBasis(), r.source(), c.source());
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
