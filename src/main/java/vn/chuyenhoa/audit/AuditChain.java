package vn.chuyenhoa.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static vn.chuyenhoa.audit.SqlTime.instant;
import static vn.chuyenhoa.audit.SqlTime.utc;

/**
 * The one chain every audited write is linked into (V5__audit_chain.sql, {@link Canonical}): a write runs in a
 * transaction of its own together with one {@code audit_chain} row that lists its rows' hashes and holds the hash
 * of the previous link.
 *
 * <p>"Read the head, append the link, commit" runs under a lock on the one row of {@code audit_chain_lock}
 * (V11), taken first in the transaction and held until it commits: writers in several processes on one database make
 * one chain with one head, and the head is read from the database under that lock, never remembered from this
 * process's last link. The evaluation writer takes it once per group commit, so the chain costs one row per batch
 * and the hashing of the rows, never a lock per evaluation; ruleset actions and lifecycle steps are rare and take it
 * once each.
 */
@Component
public class AuditChain {

    /** What a batch holds. BASELINE: the rows found when the chain was first started on an older database. */
    public enum Kind { BASELINE, EVALUATIONS, EVALUATION_STATUS, RULESET_ACTION, LIFECYCLE_STEP, RESTORE }

    /** The last link: seq 0 and {@link Canonical#GENESIS} while the chain is empty. */
    public record Head(long seq, String hash, Instant linkedAt) {
        static final Head EMPTY = new Head(0, Canonical.GENESIS, null);
    }

    /** Collects the rows a write inserts, in insertion order, for its link. */
    public static final class Batch {
        private final List<Canonical.Entry> rows = new ArrayList<>();

        public void add(Canonical.Entry row) {
            rows.add(Objects.requireNonNull(row));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final String INSERT_LINK = "INSERT INTO audit_chain (seq, kind, linked_at, row_count, entries,"
            + " content_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    // Not for correctness (the database lock is): it only queues this process's writers in memory, so that they do
    // not wait on the row lock, where an embedded H2's lock timeout would fail a write queued behind a long batch.
    private final ReentrantLock local = new ReentrantLock();
    // the head this process last linked or read, for readers that must not wait for the lock
    private volatile Head published;

    public AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * As Spring builds it: when the operator has just put the database back from a backup and says so
     * ({@code chuyenhoa.audit.restored-from}, {@code chuyenhoa.audit.restored-by}), the restore is the first link this
     * process makes, before anything else is written (see {@link Restores}).
     */
    @Autowired
    public AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                      @Value("${chuyenhoa.audit.head-file:./data/audit-heads.log}") Path headFile,
                      @Value("${chuyenhoa.audit.restored-from:}") String restoredFrom,
                      @Value("${chuyenhoa.audit.restored-by:}") String restoredBy) {
        this(jdbc, transactionManager);
        if (!restoredFrom.isBlank()) {
            new Restores(jdbc).record(this, headFile.toAbsolutePath().normalize(), restoredFrom.strip(), restoredBy);
        }
    }

    /**
     * Runs {@code work} in one transaction and links the rows it added to the batch, in that same transaction; a
     * write that adds no row adds no link. Nothing is committed when {@code work} throws.
     */
    public <T> T record(Kind kind, Function<Batch, T> work) {
        local.lock();
        try {
            Head[] after = {null};
            T result = transaction.execute(tx -> {
                jdbc.queryForObject("SELECT id FROM audit_chain_lock WHERE id = 1 FOR UPDATE", Integer.class);
                Head before = headLocked();
                after[0] = before;
                Batch batch = new Batch();
                T r = work.apply(batch);
                if (!batch.rows.isEmpty()) {
                    after[0] = link(before, kind, batch.rows);
                }
                return r;
            });
            published = after[0];
            return result;
        } finally {
            local.unlock();
        }
    }

    /** The last link this process knows of (read from the database when it knows none yet). */
    public Head head() {
        Head h = published;
        return h != null ? h : storedHead();
    }

    /** The last link in the database now, whoever wrote it. */
    public Head storedHead() {
        return storedHead(jdbc);
    }

    static Head storedHead(JdbcTemplate jdbc) {
        return jdbc.query("SELECT seq, hash, linked_at FROM audit_chain ORDER BY seq DESC FETCH FIRST 1 ROW ONLY",
                (rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"), instant(rs, "linked_at")))
                .stream().findFirst().orElse(Head.EMPTY);
    }

    // under the database lock: whatever another process committed before is seen here
    private Head headLocked() {
        Head stored = storedHead();
        if (stored.seq() == 0) {
            stored = adoptExistingRows().orElse(stored);
        }
        return stored;
    }

    /**
     * A database that held audited rows before the chain existed (V5 on an older database): those rows become the
     * first batch, so that the verifier can tell them from rows written later behind the chain's back.
     */
    private Optional<Head> adoptExistingRows() {
        List<Canonical.Entry> rows = new ArrayList<>();
        Canonical.TABLES.forEach(t -> t.scan(jdbc, (key, e) -> rows.add(e)));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        log.info("audit chain started on a database with {} audited rows: linked as the BASELINE batch", rows.size());
        return Optional.of(link(Head.EMPTY, Kind.BASELINE, rows));
    }

    private Head link(Head previous, Kind kind, List<Canonical.Entry> rows) {
        long seq = previous.seq() + 1;
        // microseconds: what PostgreSQL keeps, so that the time read back hashes as the time written
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String entries = Canonical.entries(rows);
        String content = Canonical.sha256(entries);
        String hash = Canonical.linkHash(seq, kind.name(), at, rows.size(), content, previous.hash());
        jdbc.update(INSERT_LINK, seq, kind.name(), utc(at), rows.size(), entries, content, previous.hash(), hash);
        return new Head(seq, hash, at);
    }
}
