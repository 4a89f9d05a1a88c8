package vn.chuyenhoa.evaluation;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of an evaluation's state, kept beside the untouched evaluation.
 *
 * @param kind         {@code WITHDRAWN} or {@code SUPERSEDED}
 * @param by           who withdrew it, or who submitted the superseding evaluation; nullable
 * @param supersededBy the evaluation that replaced it; null for a withdrawal
 */
record StatusEvent(String kind, Instant at, String reason, String by, UUID supersededBy) {
}
