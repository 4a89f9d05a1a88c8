package vn.chuyenhoa.evaluation;

import java.util.UUID;

/**
 * An evaluation was not stored because another one already holds its idempotency key, typically a
 * retried request that raced its first attempt. The caller can answer with the existing evaluation.
 */
class DuplicateIdempotencyKeyException extends RuntimeException {

    private final String idempotencyKey;
    private final UUID existingId;

    DuplicateIdempotencyKeyException(String idempotencyKey, UUID existingId, Throwable cause) {
        super("idempotency key '" + idempotencyKey + "' is already used by evaluation " + existingId, cause);
        this.idempotencyKey = idempotencyKey;
        this.existingId = existingId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    UUID existingId() {
        return existingId;
    }
}
