package vn.chuyenhoa.ruleset;

import java.time.Instant;

/** A stored ruleset version without its files: where it came from, who stored it, why, and what validation said. */
record VersionInfo(String versionId, Instant storedAt, String origin, String author, String comment,
                          String basedOn, String reportJson) {}
