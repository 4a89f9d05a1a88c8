package vn.chuyenhoa.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of an evaluation listing: the record without its JSON, plus its current state.
 *
 * @param state {@code ACTIVE}, {@code WITHDRAWN} or {@code SUPERSEDED}
 */
public record EvaluationSummary(UUID id, Instant evaluatedAt, String codeScheme, String areaCode, String areaName,
        String provinceCode, String profileId, String verdict, String purpose, LocalDate periodFrom, LocalDate periodTo,
        String rulesetVersion, String state, String submittedBy) {
}
