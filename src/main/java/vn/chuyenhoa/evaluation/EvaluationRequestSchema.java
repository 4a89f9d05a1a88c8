package vn.chuyenhoa.evaluation;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.area.AreaRef;

/**
 * The body of {@code POST /api/v1/evaluations} as the OpenAPI description states it (api.md). Never read into: the
 * body is read by {@link EvaluationRequestParser}, which reports every bad field; this only tells generated clients
 * what to send. Its facts are {@link EvaluationFactsSchema}, written from the facts catalogue.
 */
@Schema(name = "EvaluationRequest", description = "An area, a period and the facts about it. JSON null and an absent "
        + "member mean the same: not given. Any member not listed here is refused (400 unknown_field). / Yêu cầu đánh giá "
        + "một địa bàn.")
record EvaluationRequestSchema(
        @Schema(requiredMode = RequiredMode.REQUIRED) AreaRef area,
        @Schema(description = "The profile to judge by; without it the profile is resolved from the area and period.to",
                nullable = true, example = "VIET_YEN_2024") String profileId,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The period evaluated") Period period,
        @Schema(nullable = true, description = "The period compared with, for CRIME_REDUCTION and HOTSPOTS_REDUCED "
                + "(without it those two are MISSING_DATA); must end before period.from") Period baselinePeriod,
        @Schema(ref = "#/components/schemas/" + EvaluationFactsSchema.NAME) Object facts,
        @Schema(nullable = true, description = "PROGRESS for a mid-period check; default FINAL") Purpose purpose,
        @Schema(nullable = true, description = "The id of an evaluation in force that this one replaces; needs reason")
        UUID supersedes,
        @Schema(nullable = true, maxLength = EvaluationRequestParser.MAX_REASON_LENGTH,
                description = "Why the superseded evaluation was wrong; only with supersedes") String reason) {}
