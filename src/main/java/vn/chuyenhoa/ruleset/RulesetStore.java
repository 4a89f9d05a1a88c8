package vn.chuyenhoa.ruleset;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import static vn.chuyenhoa.audit.SqlTime.instant;
import static vn.chuyenhoa.audit.SqlTime.utc;
import vn.chuyenhoa.audit.AuditChain;
import vn.chuyenhoa.audit.Canonical;
import vn.chuyenhoa.audit.SqlTime;

/**
 * Every rule set version decisions were made with, kept forever so that an old verdict can be explained
 * with the very files that produced it; and the last rule set that failed to load.
 */
@Component
public class RulesetStore {

    private final JdbcTemplate jdbc;
    private final AuditChain chain;

    public RulesetStore(JdbcTemplate jdbc, AuditChain chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    /**
     * Stores the version unless it is already stored; a version, once stored, is never changed.
     *
     * @return true when this call stored it
     */
    // Not synchronized in the JVM: instances on one database race here too, and the primary key settles it for all.
    public boolean saveIfAbsent(String versionId, String origin, List<StoredFile> files) {
        return saveIfAbsent(versionId, origin, files, null, null, null, null);
    }

    /** As {@link #saveIfAbsent(String, String, List)}, with who stored it, why, on which version, and its report. */
    public boolean saveIfAbsent(String versionId, String origin, List<StoredFile> files, String author,
                                             String comment, String basedOn, String reportJson) {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(origin, "origin");
        requireDistinctPaths(versionId, files);
        if (exists(versionId)) {
            return false;
        }
        try {
            chain.record(AuditChain.Kind.RULESET_VERSION, links -> {
                jdbc.update("INSERT INTO ruleset_version (version_id, stored_at, origin, author, comment, based_on,"
                        + " report_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        versionId, utc(SqlTime.now()), origin, author, comment, basedOn, reportJson);
                List<Integer> ordinals = IntStream.range(0, files.size()).boxed().toList();
                jdbc.batchUpdate("INSERT INTO ruleset_file (version_id, ordinal, path, content) VALUES (?, ?, ?, ?)",
                        ordinals, ordinals.size(), (ps, ordinal) -> {
                            ps.setString(1, versionId);
                            ps.setInt(2, ordinal);
                            ps.setString(3, files.get(ordinal).path());
                            ps.setBytes(4, files.get(ordinal).content());
                        });
                links.add(Canonical.RULESET_VERSION.stored(jdbc, versionId));
                ordinals.forEach(o -> links.add(Canonical.RULESET_FILE.stored(jdbc, versionId, o)));
                return null;
            });
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<StoredVersion> find(String versionId) {
        // Two reads need no transaction: a version and its files are inserted together and never change.
        return jdbc.query("SELECT stored_at, origin FROM ruleset_version WHERE version_id = ?",
                (rs, n) -> new Header(instant(rs, "stored_at"), rs.getString("origin")), versionId).stream().findFirst()
                .map(h -> new StoredVersion(versionId, h.storedAt(), h.origin(), files(versionId)));
    }

    /** The most recently stored version. */
    public Optional<StoredVersion> latest() {
        return jdbc.queryForList("SELECT version_id FROM ruleset_version ORDER BY seq DESC FETCH FIRST 1 ROW ONLY",
                String.class).stream().findFirst().flatMap(this::find);
    }

    /** Newest first. */
    List<String> versionIds() {
        return jdbc.queryForList("SELECT version_id FROM ruleset_version ORDER BY seq DESC", String.class);
    }

    public Optional<VersionInfo> info(String versionId) {
        return jdbc.query("SELECT * FROM ruleset_version WHERE version_id = ?", RulesetStore::versionInfo, versionId)
                .stream().findFirst();
    }

    /** Newest first. */
    List<VersionInfo> infos() {
        return jdbc.query("SELECT * FROM ruleset_version ORDER BY seq DESC", RulesetStore::versionInfo);
    }

    /** Appends the action to the log, linked into the audit chain in the same transaction. */
    public void recordAction(String action, String actor, String fromVersion, String toVersion, String comment,
                             String detailsJson) {
        Instant at = SqlTime.now();
        chain.record(AuditChain.Kind.RULESET_ACTION, links -> {
            KeyHolder seq = new GeneratedKeyHolder();
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("INSERT INTO ruleset_action (action_at, actor, action,"
                        + " from_version, to_version, comment, details_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        new String[] {"seq"}); // as PostgreSQL names the column; H2 takes either case
                ps.setObject(1, utc(at));
                ps.setString(2, actor);
                ps.setString(3, action);
                ps.setString(4, fromVersion);
                ps.setString(5, toVersion);
                ps.setString(6, comment);
                ps.setString(7, detailsJson);
                return ps;
            }, seq);
            links.add(Canonical.RULESET_ACTION.entry(Objects.requireNonNull(seq.getKey()).longValue(), at, actor,
                    action, fromVersion, toVersion, comment, detailsJson));
            return null;
        });
    }

    /** An activation refused because another was recorded meanwhile: the version in force is no longer its previous. */
    public static final class ActivatedMeanwhile extends RuntimeException {
        private final String inForce;

        ActivatedMeanwhile(String expected, String inForce, String toVersion) {
            super("Another activation was recorded meanwhile: " + inForce + " is in force now, not " + expected
                    + "; " + toVersion + " was not put in force.");
            this.inForce = inForce;
        }

        /** The version in force now, null when none is. */
        public String inForce() {
            return inForce;
        }
    }

    /**
     * Records an activation, only if {@code fromVersion} is still the version in force (null: none is yet): a
     * compare-and-set, so that two approvers, on one instance or on two, never both put a version in force from the
     * same one and the governed history stays a line.
     *
     * @throws ActivatedMeanwhile with nothing recorded, when another activation was recorded since
     */
    public void recordActivation(String actor, String fromVersion, String toVersion, String comment,
                                 String detailsJson) {
        chain.record(AuditChain.Kind.RULESET_ACTION, links -> {
            // under the chain's lock, which every write of every instance takes first: no activation can be recorded
            // between this read and the insert below
            String inForce = activeVersionId().orElse(null);
            if (!Objects.equals(inForce, fromVersion)) throw new ActivatedMeanwhile(fromVersion, inForce, toVersion);
            recordAction("ACTIVATED", actor, fromVersion, toVersion, comment, detailsJson);
            return null;
        });
    }

    /** Newest first; all of them, or those that name the version. */
    public List<RulesetAction> actions(String versionId) {
        return versionId == null
                ? jdbc.query("SELECT * FROM ruleset_action ORDER BY seq DESC", RulesetStore::action)
                : jdbc.query("SELECT * FROM ruleset_action WHERE from_version = ? OR to_version = ? ORDER BY seq DESC",
                        RulesetStore::action, versionId, versionId);
    }

    /** The version the last activation put in force, if any was ever activated. */
    /**
     * Which activation is the last: it only grows, so an instance that follows it sees every activation made elsewhere,
     * even one that puts back the version it last followed after it had itself switched away (A→B here, back to A there).
     */
    long lastActivationSeq() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM ruleset_action WHERE action = 'ACTIVATED'", Long.class);
    }

    Optional<String> activeVersionId() {
        return jdbc.queryForList("SELECT to_version FROM ruleset_action WHERE action = 'ACTIVATED'"
                + " ORDER BY seq DESC FETCH FIRST 1 ROW ONLY", String.class).stream().findFirst();
    }

    /**
     * The version the rule files on disk were when last seen (at start-up or by the folder watcher). Databases from
     * before that was recorded stored every version seen on disk, so the newest of those stands in.
     */
    Optional<String> filesLastSeen() {
        return jdbc.queryForList("SELECT to_version FROM ruleset_action WHERE action = 'FILES_SEEN'"
                + " ORDER BY seq DESC FETCH FIRST 1 ROW ONLY", String.class).stream().findFirst()
                .or(() -> jdbc.queryForList("SELECT version_id FROM ruleset_version WHERE origin IN ('DISK', 'WATCH')"
                        + " ORDER BY seq DESC FETCH FIRST 1 ROW ONLY", String.class).stream().findFirst());
    }

    /** Versions that were in force at some time. */
    Set<String> everActivated() {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT to_version FROM ruleset_action WHERE action = 'ACTIVATED'",
                String.class));
    }

    public void recordLoadFailure(LoadFailure f) {
        Objects.requireNonNull(f, "load failure");
        chain.record(AuditChain.Kind.LOAD_FAILURE, links -> {
            KeyHolder seq = new GeneratedKeyHolder();
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("INSERT INTO ruleset_load_failure (failed_at, version_id,"
                        + " report_json) VALUES (?, ?, ?)", new String[] {"seq"});
                ps.setObject(1, utc(f.at()));
                ps.setString(2, f.versionId());
                ps.setString(3, f.reportJson());
                return ps;
            }, seq);
            links.add(Canonical.RULESET_LOAD_FAILURE.stored(jdbc, Objects.requireNonNull(seq.getKey()).longValue()));
            return null;
        });
    }

    public Optional<LoadFailure> lastLoadFailure() {
        return jdbc.query("SELECT failed_at, version_id, report_json FROM ruleset_load_failure"
                + " ORDER BY seq DESC FETCH FIRST 1 ROW ONLY", RulesetStore::loadFailure).stream().findFirst();
    }

    private List<StoredFile> files(String versionId) {
        return jdbc.query("SELECT path, content FROM ruleset_file WHERE version_id = ? ORDER BY ordinal",
                (rs, n) -> new StoredFile(rs.getString("path"), rs.getBytes("content")), versionId);
    }

    private boolean exists(String versionId) {
        return !jdbc.queryForList("SELECT 1 FROM ruleset_version WHERE version_id = ?", Integer.class, versionId)
                .isEmpty();
    }

    private static void requireDistinctPaths(String versionId, List<StoredFile> files) {
        Objects.requireNonNull(files, "files");
        Set<String> paths = new HashSet<>();
        for (StoredFile file : files) {
            if (!paths.add(file.path())) {
                throw new IllegalArgumentException("rule set " + versionId + " lists " + file.path() + " twice");
            }
        }
    }

    private static LoadFailure loadFailure(ResultSet rs, int rowNum) throws SQLException {
        return new LoadFailure(instant(rs, "failed_at"), rs.getString("version_id"), rs.getString("report_json"));
    }

    private static VersionInfo versionInfo(ResultSet rs, int rowNum) throws SQLException {
        return new VersionInfo(rs.getString("version_id"), instant(rs, "stored_at"), rs.getString("origin"),
                rs.getString("author"), rs.getString("comment"), rs.getString("based_on"), rs.getString("report_json"));
    }

    private static RulesetAction action(ResultSet rs, int rowNum) throws SQLException {
        return new RulesetAction(rs.getLong("seq"), instant(rs, "action_at"), rs.getString("actor"), rs.getString("action"),
                rs.getString("from_version"), rs.getString("to_version"), rs.getString("comment"),
                rs.getString("details_json"));
    }

    private record Header(Instant storedAt, String origin) {
    }
}
