package vn.chuyenhoa.audit;

import java.time.Instant;

/**
 * A rule set that could not be loaded.
 *
 * @param versionId  the version the failing files would have had
 * @param reportJson what went wrong, as JSON
 */
public record LoadFailure(Instant at, String versionId, String reportJson) {

    public LoadFailure {
        at = SqlTime.stored(at);
    }
}
