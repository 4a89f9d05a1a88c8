package vn.chuyenhoa.ruleset;

import java.time.Instant;
import java.util.List;

/**
 * @param origin where the files were read from, e.g. {@code DISK}
 * @param files  in the order they were stored
 */
public record StoredVersion(String versionId, Instant storedAt, String origin, List<StoredFile> files) {
}
