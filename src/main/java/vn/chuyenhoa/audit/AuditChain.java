package vn.chuyenhoa.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * and the hashing of the rows, never a lock per evaluation; ruleset actions and versions, lifecycle steps,
 * screenings, monitoring reports and account changes are rare and take it once each.
 */
@Component
public class AuditChain {

    /**
     * What a batch holds. BASELINE: the rows found when the chain was first started on an older database, or when a
     * table joined the chain (V9__chain_every_record.sql). ACCOUNT: accounts, tokens and the administrators' log.
     * RESTORE: the database was put back from a backup (V11__instances.sql).
     */
    public enum Kind {
        BASELINE, EVALUATIONS, EVALUATION_STATUS, RULESET_ACTION, LIFECYCLE_STEP, SCREENING, MONITORING_REPORT,
        ACCOUNT, RULESET_VERSION, LOAD_FAILURE, RESTORE
    }

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
    // the batch of the record() this thread is inside, so that a write made by a write joins its link
    private final ThreadLocal<Batch> open = new ThreadLocal<>();
    // set once a transaction of this process has linked the tables that joined the chain since it last started
    private volatile boolean tablesJoined;
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
     * write that adds no row adds no link. Nothing is committed when {@code work} throws. Called from inside another
     * {@code record} on the same thread, the rows join the outer write's batch and transaction (one link, the outer
     * kind), rather than linking a second time from the same head.
     */
    public <T> T record(Kind kind, Function<Batch, T> work) {
        Batch outer = open.get();
        if (outer != null) {
            return work.apply(outer);
        }
        local.lock();
        try {
            Head[] after = {null};
            T result = transaction.execute(tx -> {
                jdbc.queryForObject("SELECT id FROM audit_chain_lock WHERE id = 1 FOR UPDATE", Integer.class);
                Head before = headLocked();
                after[0] = before;
                Batch batch = new Batch();
                open.set(batch);
                try {
                    T r = work.apply(batch);
                    if (!batch.rows.isEmpty()) {
                        after[0] = link(before, kind, batch.rows);
                    }
                    return r;
                } finally {
                    open.remove();
                }
            });
            tablesJoined = true;
            published = after[0];
            return result;
        } finally {
            local.unlock();
        }
    }

    /** The last link this process knows of (read from the database when it knows none yet). */
    public Head head() {
        if (!tablesJoined) {
            // the first look at the chain in this process links the rows of tables that joined it since the database
            // was last opened (V9), so that no reader sees them as written behind the chain's back
            record(Kind.BASELINE, batch -> null);
        }
        Head h = published;
        return h != null ? h : storedHead();
    }

    /** The last link in the database now, whoever wrote it. */
    Head storedHead() {
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
        if (!tablesJoined) {
            stored = adoptJoinedTables(stored).orElse(stored);
        }
        return stored;
    }

    /**
     * Tables that joined the chain after rows were written to them (all of them on a database older than V5; those
     * V9 added, on one older than V9; {@code audit_chain_table} says which joined): their rows become one BASELINE
     * batch, so that the verifier can tell them from rows written later behind the chain's back.
     */
    private Optional<Head> adoptJoinedTables(Head stored) {
        Set<String> joined = new HashSet<>(jdbc.queryForList("SELECT table_name FROM audit_chain_table", String.class));
        List<Canonical.Table> joining = Canonical.TABLES.stream().filter(t -> !joined.contains(t.name())).toList();
        if (joining.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(transaction.execute(tx -> {
            List<Canonical.Entry> rows = new ArrayList<>();
            joining.forEach(t -> t.scan(jdbc, (key, e) -> rows.add(e)));
            Head after = stored;
            if (!rows.isEmpty()) {
                log.info("tables {} joined the audit chain with {} rows: linked as a BASELINE batch",
                        joining.stream().map(Canonical.Table::name).toList(), rows.size());
                after = link(stored, Kind.BASELINE, rows);
            }
            for (Canonical.Table t : joining) {
                jdbc.update("INSERT INTO audit_chain_table (table_name, joined_seq) VALUES (?, ?)", t.name(),
                        after.seq());
            }
            return after;
        }));
    }

    private Head link(Head previous, Kind kind, List<Canonical.Entry> rows) {
        long seq = previous.seq() + 1;
        Instant at = SqlTime.now();
        String entries = Canonical.entries(rows);
        String content = Canonical.sha256(entries);
        String hash = Canonical.linkHash(seq, kind.name(), at, rows.size(), content, previous.hash());
        jdbc.update(INSERT_LINK, seq, kind.name(), utc(at), rows.size(), entries, content, previous.hash(), hash);
        return new Head(seq, hash, at);
    }
}
