package vn.chuyenhoa.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.chuyenhoa.audit.SqlTime;

/**
 * What is stored for one evaluation. {@code requestJson}, {@code responseJson} and {@code firedRulesJson}
 * are opaque JSON text that comes back byte-for-byte. Nullable: {@code districtCode}, {@code idempotencyKey},
 * {@code submitter}, and {@code supersedes} with {@code supersedeReason} (both set, or both null).
 *
 * @param purpose    {@code PROGRESS} or {@code FINAL}
 * @param supersedes the evaluation this one replaces
 */
public record EvaluationRecord(
        UUID id, Instant evaluatedAt,
        String codeScheme, String areaCode, String areaName, String provinceCode, String districtCode,
        String profileId, String verdict, String purpose,
        LocalDate periodFrom, LocalDate periodTo,
        String rulesetVersion, String requestJson, String responseJson, String firedRulesJson,
        String idempotencyKey, String requestHash, String submitter,
        UUID supersedes, String supersedeReason) {

    /** The time as the store keeps it (to the microsecond), so that what is hashed is what is stored. */
    public EvaluationRecord {
        evaluatedAt = SqlTime.stored(evaluatedAt);
    }
}
