package vn.chuyenhoa.ruleset;

import java.time.Instant;
import vn.chuyenhoa.audit.SqlTime;

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
