package vn.chuyenhoa.evaluation;

import java.time.Instant;

/**
 * Criteria of {@link EvaluationStore#search}; every field is optional (null matches anything) and the
 * string fields match exactly.
 *
 * @param evaluatedFrom inclusive
 * @param evaluatedTo   exclusive
 */
public record EvaluationFilter(String codeScheme, String areaCode, String provinceCode, String profileId,
        String verdict, String purpose, String rulesetVersion, Instant evaluatedFrom, Instant evaluatedTo) {
}
