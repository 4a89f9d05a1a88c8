package vn.chuyenhoa.ruleset;

import java.time.Instant;

/**
 * One entry of the append-only log of ruleset changes.
 *
 * @param action SEEDED (first version from the files on an empty database), STORED (a new version kept as a draft),
 *               REJECTED (an attempt that did not validate; never a version), ACTIVATED (put in force; activating an
 *               earlier version is a rollback; committed before the version decides anything), REFUSED (outside the
 *               actor's provinces, or an approval of one's own upload), FILES_SEEN (the rule files on disk or in a
 *               watched folder, as seen; a restart compares the files with the last one)
 */
record RulesetAction(long seq, Instant at, String actor, String action, String fromVersion, String toVersion,
                            String comment, String detailsJson) {}
