package vn.chuyenhoa.audit;

import java.util.List;
import java.util.UUID;

/**
 * @param state  {@code ACTIVE}, {@code WITHDRAWN} or {@code SUPERSEDED}
 * @param events oldest first; empty while the evaluation is active
 */
public record EvaluationStatus(UUID id, String state, List<StatusEvent> events) {
}
