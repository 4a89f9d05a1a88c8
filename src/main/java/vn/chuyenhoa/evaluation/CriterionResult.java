package vn.chuyenhoa.evaluation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One criterion's result with its explanation (domain spec §3.4, api.md). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CriterionResult(String id, Outcome outcome, String actual, Long numerator, Long denominator,
                              String comparison, String threshold, String labelVi, String labelEn,
                              String explanationVi, String explanationEn, String remedyVi, String remedyEn,
                              String rule, TableSource source, String legalBasis, List<String> missingFacts) {}
