package vn.chuyenhoa.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of an evaluation listing: the record without its JSON, plus its current state.
 *
 * @param state {@code ACTIVE}, {@code WITHDRAWN} or {@code SUPERSEDED}
 */
@io.swagger.v3.oas.annotations.media.Schema(description = "One line of an evaluation listing, with its current state")
public record EvaluationSummary(UUID id, Instant evaluatedAt, String codeScheme, String areaCode, String areaName,
        String provinceCode, String profileId,
        @io.swagger.v3.oas.annotations.media.Schema(implementation = vn.chuyenhoa.evaluation.Verdict.class) String verdict,
        @io.swagger.v3.oas.annotations.media.Schema(implementation = vn.chuyenhoa.evaluation.Purpose.class) String purpose,
        LocalDate periodFrom, LocalDate periodTo, String rulesetVersion,
        @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"ACTIVE", "WITHDRAWN", "SUPERSEDED"}) String state,
        @io.swagger.v3.oas.annotations.media.Schema(description = "The account that sent it") String submittedBy) {
}
