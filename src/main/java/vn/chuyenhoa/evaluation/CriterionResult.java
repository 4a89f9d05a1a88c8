package vn.chuyenhoa.evaluation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import vn.chuyenhoa.kernel.TableSource;

/** One criterion's result with its explanation (domain spec §3.4, api.md). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One criterion's result, with the table row and legal basis behind it / Kết quả một tiêu chí")
public record CriterionResult(
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "CLEARANCE_RATE") String id,
        @Schema(requiredMode = RequiredMode.REQUIRED) Outcome outcome,
        @Schema(description = "The rate with 2 decimals for rate criteria, the count for count criteria, \"true\"/\"false\" "
                + "for flags; absent when there is nothing to compute", example = "84.62") String actual,
        @Schema(example = "11") Long numerator,
        @Schema(example = "13") Long denominator,
        @Schema(allowableValues = {">=", ">", "<", "<=", "="}, example = ">=") String comparison,
        @Schema(description = "A plain decimal", example = "80") String threshold,
        String labelVi, String labelEn, String explanationVi, String explanationEn,
        @Schema(description = "The smallest change that would meet a NOT_MET count or rate criterion") String remedyVi,
        String remedyEn, String rule, TableSource source, String legalBasis,
        @Schema(description = "The absent facts this criterion needed") List<String> missingFacts) {}
