package vn.chuyenhoa.evaluation;

import java.util.List;
import java.util.UUID;

/**
 * @param state  {@code ACTIVE}, {@code WITHDRAWN} or {@code SUPERSEDED}
 * @param events oldest first; empty while the evaluation is active
 */
public record EvaluationStatus(UUID id,
        @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"ACTIVE", "WITHDRAWN", "SUPERSEDED"}) String state,
        List<StatusEvent> events) {
}
