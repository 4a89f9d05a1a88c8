package vn.chuyenhoa.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static vn.chuyenhoa.audit.SqlTime.instant;
import static vn.chuyenhoa.audit.SqlTime.utc;
import vn.chuyenhoa.audit.AuditChain;
import vn.chuyenhoa.audit.Canonical;

/**
 * Batches of evaluations (V10__evaluation_batch.sql): the evaluations of a batch and the batch row go into one
 * transaction with one chain link, inserted as JDBC batches while the caller is still deciding the items that follow,
 * so a batch is stored whole or not at all and its answer is sent only once everything in it is committed.
 *
 * <p>Not through {@link EvaluationStore}'s writer thread: that one gathers single requests into commits; a batch
 * already is one, and queueing ten thousand rows one by one would only add a hand-over per row.
 */
@Component
class EvaluationBatchStore {

    /** Rows sent to the database per JDBC batch: large enough to amortise a round trip, small enough to stream. */
    static final int FLUSH = 256;

    private static final String COLUMNS = "id, submitted_at, ruleset_version, item_count, stored_count, submitter,"
            + " idempotency_key, request_hash, response_json";
    private static final String INSERT = "INSERT INTO evaluation_batch (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A recorded batch; {@code responseJson} is the answer exactly as it was sent. */
    public record Batch(UUID id, java.time.Instant submittedAt, String rulesetVersion, int itemCount, int storedCount,
                        String submitter, String idempotencyKey, String requestHash, String responseJson) {}

    /** One evaluation ready to insert, packed and with its chain entry hashed on the thread that rendered it. */
    public static final class Row {
        private final EvaluationStore.Prepared prepared;

        private Row(EvaluationStore.Prepared prepared) {
            this.prepared = prepared;
        }
    }

    /** Where a batch puts its evaluations, in item order, inside the batch's transaction. */
    public interface Rows {
        void add(Row row);
    }

    private final JdbcTemplate jdbc;
    private final AuditChain chain;
    private final EvaluationStore evaluations;

    EvaluationBatchStore(JdbcTemplate jdbc, AuditChain chain, EvaluationStore evaluations) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.evaluations = evaluations;
    }

    /**
     * Checks the record, packs its texts and hashes it for the chain; thread-safe, so that the threads deciding a
     * batch's items also do this work.
     *
     * @param document the record's response document as rendered in UTF-8
     *
     * @throws IllegalArgumentException when a mandatory field is missing
     */
    public static Row row(EvaluationRecord r, byte[] document) {
        return new Row(EvaluationStore.prepare(r, document));
    }

    /**
     * Runs {@code work} in one transaction, inserting the rows it adds as it adds them, then the batch it returns, all
     * linked in one chain link. Nothing is committed when {@code work} or an insert throws.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when a key decided against the batch: another batch took its
     *     idempotency key, or an evaluation it supersedes left force meanwhile
     */
    public Batch save(Function<Rows, Batch> work) {
        long started = System.nanoTime();
        Batch saved = chain.record(AuditChain.Kind.EVALUATIONS, links -> {
            List<Row> pending = new ArrayList<>(FLUSH);
            Rows rows = row -> {
                pending.add(row);
                if (pending.size() == FLUSH) flush(pending, links);
            };
            Batch b = work.apply(rows);
            flush(pending, links);
            jdbc.update(INSERT, b.id(), utc(b.submittedAt()), b.rulesetVersion(), b.itemCount(), b.storedCount(),
                    b.submitter(), b.idempotencyKey(), b.requestHash(), b.responseJson());
            links.add(Canonical.EVALUATION_BATCH.entry(b.id(), b.submittedAt(), b.rulesetVersion(),
                    (long) b.itemCount(), (long) b.storedCount(), b.submitter(), b.idempotencyKey(),
                    b.requestHash(), b.responseJson()));
            return b;
        });
        // deciding the items is part of it: the transaction is open, and its connection held, from the first row on
        evaluations.batchCommitted(saved.storedCount(), System.nanoTime() - started);
        return saved;
    }

    public Optional<Batch> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM evaluation_batch WHERE id = ?", (rs, n) -> batchOf(rs), id)
                .stream().findFirst();
    }

    public Optional<Batch> findByIdempotencyKey(String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM evaluation_batch WHERE idempotency_key = ?",
                (rs, n) -> batchOf(rs), key).stream().findFirst();
    }

    private void flush(List<Row> pending, AuditChain.Batch links) {
        if (pending.isEmpty()) return;
        evaluations.insertRows(pending.stream().map(r -> r.prepared).toList(), links);
        pending.clear();
    }

    private static Batch batchOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Batch(rs.getObject("id", UUID.class), instant(rs, "submitted_at"), rs.getString("ruleset_version"),
                rs.getInt("item_count"), rs.getInt("stored_count"), rs.getString("submitter"),
                rs.getString("idempotency_key"), rs.getString("request_hash"), rs.getString("response_json"));
    }
}
