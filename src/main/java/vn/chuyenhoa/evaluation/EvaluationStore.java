package vn.chuyenhoa.evaluation;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import static vn.chuyenhoa.audit.SqlTime.instant;
import static vn.chuyenhoa.audit.SqlTime.utc;
import vn.chuyenhoa.audit.AuditChain;
import vn.chuyenhoa.audit.Canonical;
import vn.chuyenhoa.http.Page;
import vn.chuyenhoa.kernel.DatabaseOutage;
import vn.chuyenhoa.audit.SqlTime;

/**
 * The append-only store of evaluations.
 *
 * <p>Saves go through one writer thread that takes everything queued and inserts it as one JDBC batch in
 * one transaction (group commit), then completes each caller's future: a caller learns of success only
 * after its row is committed, and a commit is paid once per batch instead of once per evaluation.
 *
 * <p>Each group commit is linked into the {@link AuditChain} in its own transaction: one chain row per batch.
 *
 * <p>The request, the document and the fired rules are stored packed ({@link PackedDocuments}, V13), compressed on
 * the caller's thread together with the row's chain hash, so the writer only inserts; rows stored before V13 keep
 * their text columns and are read from them.
 *
 * <p>The evaluation table is never updated nor deleted from; withdrawals and supersessions are rows of
 * their own, from which the state is derived.
 */
@Component
public class EvaluationStore implements SmartLifecycle {

    static final int MAX_PAGE_SIZE = 200;

    // Large enough to absorb a burst in one commit, small enough to keep one transaction short.
    private static final int MAX_BATCH = 512;
    // Callers wait for their own row, so the queue only ever holds what concurrent callers submitted;
    // the bound matters for callers that do not wait, who get back-pressure instead of unbounded memory.
    private static final int QUEUE_CAPACITY = 10_000;
    // How long the writer waits for the callers of a burst to join one commit (gather): a small part of the 25 ms
    // p99 that issue 12 allows a stored evaluation, and longer than the gaps between concurrent callers' arrivals.
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    // The commits whose sizes tell the writer how many callers to expect: a burst that ends is forgotten after these.
    private static final int RECENT_COMMITS = 16;

    private static final Logger log = LoggerFactory.getLogger(EvaluationStore.class);

    private static final String COLUMNS = "id, evaluated_at, code_scheme, area_code, area_name, province_code,"
            + " district_code, profile_id, verdict, purpose, period_from, period_to, ruleset_version, request_json,"
            + " response_json, fired_rules_json, idempotency_key, request_hash, submitter, supersedes,"
            + " supersede_reason, packed_documents";
    private static final String INSERT_EVALUATION = "INSERT INTO evaluation (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO evaluation_status_event"
            + " (evaluation_id, kind, event_at, reason, actor, superseded_by) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SUMMARY_COLUMNS = "e.id, e.evaluated_at, e.code_scheme, e.area_code, e.area_name,"
            + " e.province_code, e.profile_id, e.verdict, e.purpose, e.period_from, e.period_to, e.ruleset_version,"
            + " COALESCE(s.kind, 'ACTIVE') AS state, e.submitter";

    /** Put in the queue by {@link #stop()} after the last accepted save, so the writer knows it has drained. */
    private static final Pending END = new Pending(null, null);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditChain chain;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    // Saves share it, stop() takes it alone: no save can slip into the queue behind END and be left waiting.
    private final ReadWriteLock admission = new ReentrantReadWriteLock();
    private volatile boolean running;
    private Thread writer;
    // the time each transaction took and the rows it held, for the operators: the writer's group commits, and each
    // batch's one transaction (EvaluationBatchStore), which can hold ten thousand rows
    private final DatabaseOutage outage;
    private final Commits single;
    private final Commits batches;

    /** A store whose commit times nobody reads (benchmarks, tests of the store itself). */
    public EvaluationStore(JdbcTemplate jdbc, AuditChain chain) {
        this(jdbc, chain, new SimpleMeterRegistry(), new DatabaseOutage("", java.time.Clock.systemUTC()));
    }

    @Autowired
    public EvaluationStore(JdbcTemplate jdbc, AuditChain chain, MeterRegistry meters, DatabaseOutage outage) {
        this.jdbc = jdbc;
        this.outage = outage;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.chain = chain;
        this.single = new Commits(meters, "single");
        this.batches = new Commits(meters, "batch");
    }

    /**
     * One writer's transactions as Prometheus shows them: time with its maximum and buckets (a slow commit delays
     * every 201 waiting on it, so it must be visible, not averaged away) and rows with theirs.
     */
    private record Commits(Timer time, DistributionSummary rows) {
        Commits(MeterRegistry meters, String writer) {
            this(Timer.builder("chuyenhoa.store.commit")
                            .description("Transactions of the evaluation store, each with its audit-chain link: writer=single,"
                                    + " the group commits of single requests; writer=batch, one per batch")
                            .tag("writer", writer)
                            .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                                    Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                                    Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30))
                            .register(meters),
                    DistributionSummary.builder("chuyenhoa.store.commit.rows")
                            .description("Evaluations stored by one transaction of the evaluation store")
                            .tag("writer", writer)
                            .serviceLevelObjectives(1, 10, 100, 1000, 10000)
                            .register(meters));
        }

        void record(int rowCount, long nanos) {
            time.record(nanos, TimeUnit.NANOSECONDS);
            rows.record(rowCount);
        }
    }

    /** A batch's transaction, timed by {@link EvaluationBatchStore}, which holds it. */
    void batchCommitted(int rowCount, long nanos) {
        batches.record(rowCount, nanos);
    }

    /** A supersession or withdrawal of an evaluation that is already withdrawn or superseded: nothing was stored. */
    public static final class NoLongerInForce extends IllegalStateException {
        private final UUID target;
        private final String state;

        NoLongerInForce(String message, UUID target, String state, Throwable cause) {
            super(message, cause);
            this.target = target;
            this.state = state;
        }

        public UUID target() {
            return target;
        }

        /** WITHDRAWN or SUPERSEDED */
        public String state() {
            return state;
        }
    }

    /**
     * Queues the evaluation for the next group commit.
     *
     * @return completes once the row is committed; fails with {@link DuplicateIdempotencyKeyException} when
     *         the idempotency key is taken, {@link NoSuchElementException} when the superseded evaluation does
     *         not exist, {@link NoLongerInForce} when it is no longer active
     * @throws IllegalArgumentException when a mandatory field is missing
     * @throws IllegalStateException    when the store is not running
     */
    public CompletableFuture<Void> save(EvaluationRecord r) {
        return save(r, document(r));
    }

    /** {@link #save(EvaluationRecord)} with the response document as already encoded in UTF-8 for its answer. */
    CompletableFuture<Void> save(EvaluationRecord r, byte[] document) {
        // checked, packed and hashed here, on the caller's thread, so that the single writer only inserts
        Pending pending = new Pending(prepare(r, document), new CompletableFuture<>());
        admission.readLock().lock();
        try {
            if (!running) {
                throw new IllegalStateException("the evaluation store is not running; evaluation " + r.id()
                        + " was not stored");
            }
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for room in the evaluation write queue", e);
        } finally {
            admission.readLock().unlock();
        }
        return pending.done;
    }

    /**
     * A new evaluation's id: a version-7 UUID (RFC 9562), the time in milliseconds followed by 74 random bits of
     * {@link UUID#randomUUID()}'s secure generator. Ids made one after another sort one after another, so each commit
     * adds its rows at the end of the primary key's index (one page rewritten, on H2 and PostgreSQL alike) instead of
     * into as many random pages as it has rows; still unguessable, and still a UUID to whoever reads it.
     */
    public static UUID newId() {
        UUID random = UUID.randomUUID();
        long high = System.currentTimeMillis() << 16 | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(high, random.getLeastSignificantBits());
    }

    /** {@link #save} and wait for the commit, with the failure as thrown by the store rather than wrapped. */
    public void saveNow(EvaluationRecord r) {
        saveNow(r, document(r));
    }

    /** {@link #saveNow(EvaluationRecord)} with the response document as already encoded in UTF-8 for its answer. */
    void saveNow(EvaluationRecord r, byte[] document) {
        try {
            save(r, document).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The stored response document in UTF-8, as it was sent (rows from before V13 kept it as text). */
    public Optional<byte[]> findResponse(UUID id) {
        return jdbc.query("SELECT response_json, packed_documents FROM evaluation WHERE id = ?",
                (rs, n) -> {
                    byte[] packed = rs.getBytes(2);
                    return packed == null ? rs.getString(1).getBytes(StandardCharsets.UTF_8)
                            : PackedDocuments.response(packed);
                }, id).stream().findFirst();
    }

    public Optional<EvaluationRecord> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM evaluation WHERE id = ?", EvaluationStore::recordOf, id)
                .stream().findFirst();
    }

    public Optional<EvaluationRecord> findByIdempotencyKey(String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM evaluation WHERE idempotency_key = ?",
                EvaluationStore::recordOf, key).stream().findFirst();
    }

    /**
     * Evaluations matching the filter, newest first.
     *
     * @param filter null for no filter
     * @param size   capped at {@value #MAX_PAGE_SIZE}; the page tells the size applied
     */
    public Page<EvaluationSummary> search(EvaluationFilter filter, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be 1 or more, was " + size);
        }
        int applied = Math.min(size, MAX_PAGE_SIZE);
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        long total = Objects.requireNonNull(
                named.queryForObject("SELECT COUNT(*) FROM evaluation e" + where, params, Long.class));
        long offset = (long) page * applied;
        List<EvaluationSummary> items = offset >= total ? List.of()
                : named.query("SELECT " + SUMMARY_COLUMNS + " FROM evaluation e"
                        + " LEFT JOIN evaluation_status_event s ON s.evaluation_id = e.id" + where
                        + " ORDER BY e.evaluated_at DESC, e.seq DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
                        params.addValue("offset", offset).addValue("limit", applied), EvaluationStore::summaryOf);
        return new Page<>(items, page, applied, total, (int) ((total + applied - 1) / applied));
    }

    /** @throws NoSuchElementException when no evaluation has this id */
    public EvaluationStatus status(UUID id) {
        List<StatusEvent> events = jdbc.query("SELECT kind, event_at, reason, actor, superseded_by"
                + " FROM evaluation_status_event WHERE evaluation_id = ? ORDER BY event_at", (rs, n) -> new StatusEvent(
                        rs.getString("kind"), instant(rs, "event_at"), rs.getString("reason"), rs.getString("actor"),
                        rs.getObject("superseded_by", UUID.class)), id);
        if (events.isEmpty() && !exists(id)) {
            throw new NoSuchElementException("no evaluation " + id);
        }
        String state = events.isEmpty() ? "ACTIVE" : events.get(events.size() - 1).kind();
        return new EvaluationStatus(id, state, events);
    }

    /**
     * Marks an active evaluation as withdrawn, leaving the evaluation itself as it was.
     *
     * @throws NoSuchElementException when no evaluation has this id
     * @throws NoLongerInForce       when it is already withdrawn or superseded
     */
    public void withdraw(UUID id, String reason, String by) {
        Objects.requireNonNull(id, "id");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("withdrawing evaluation " + id + " needs a reason");
        }
        Instant at = SqlTime.now();
        try {
            chain.record(AuditChain.Kind.EVALUATION_STATUS, links -> {
                jdbc.update(INSERT_EVENT, id, "WITHDRAWN", utc(at), reason, by, null);
                links.add(Canonical.STATUS_EVENT.entry(id, "WITHDRAWN", at, reason, by, null));
                return null;
            });
        } catch (DataIntegrityViolationException e) {
            // The keys decided; read back why, for a message the caller can act on.
            String state = status(id).state();
            if (state.equals("ACTIVE")) {
                throw e;
            }
            throw new NoLongerInForce("evaluation " + id + " is already " + state + " and cannot be withdrawn", id,
                    state, e);
        }
    }

    public long count() {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation", Long.class));
    }

    @Override
    public void start() {
        admission.writeLock().lock();
        try {
            if (running) {
                return;
            }
            writer = new Thread(this::writeUntilEnd, "evaluation-store-writer");
            // Only saves still queued could keep the JVM alive, and stop() drains those.
            writer.setDaemon(true);
            writer.start();
            running = true;
        } finally {
            admission.writeLock().unlock();
        }
    }

    /** Refuses new saves, then returns once every accepted save is committed or failed. */
    @Override
    public void stop() {
        Thread drained;
        admission.writeLock().lock();
        try {
            if (!running) {
                return;
            }
            running = false;
            putUninterruptibly(END);
            drained = writer;
            writer = null;
        } finally {
            admission.writeLock().unlock();
        }
        joinUninterruptibly(drained);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // Below the web server's phases (DEFAULT_PHASE - 1024 and - 2048): started before requests arrive,
    // stopped only after the server has finished the requests in flight, whose saves must still commit.
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void writeUntilEnd() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        int[] recent = new int[RECENT_COMMITS];
        int commit = 0;
        boolean end = false;
        while (!end) {
            batch.add(takeUninterruptibly());
            queue.drainTo(batch, MAX_BATCH - 1);
            end = batch.get(batch.size() - 1) == END;
            if (!end) {
                end = gather(batch, Arrays.stream(recent).max().orElse(1));
            }
            recent[commit++ % RECENT_COMMITS] = batch.size();
            // END is the last element ever queued, so it can only close a batch.
            if (end) {
                batch.remove(batch.size() - 1);
            }
            try {
                write(batch);
            } catch (Throwable t) {
                // A dead writer would leave every later caller waiting forever: fail this batch and go on.
                if (!outage.failed("evaluation store writer", t)) log.error("evaluation batch of {} could not be written", batch.size(), t);
                batch.forEach(p -> p.done.completeExceptionally(t));
            }
            batch.clear();
        }
    }

    /**
     * Waits, at most {@link #GATHER_NANOS} after the batch's first row, for the rows of callers that are about to
     * arrive: until the batch is as large as the largest of the recent commits, so a lone caller never waits and
     * concurrent callers share one commit. Every commit of H2 writes a new chunk with the changed pages of the table,
     * its indexes and the chain (about 25 KB however few rows it holds), and costs the writer its largest share of CPU:
     * one commit for all the callers of a burst instead of one for each half of it halves both.
     *
     * @return whether the store's end arrived meanwhile (it is then the batch's last element)
     */
    private boolean gather(List<Pending> batch, int expected) {
        long deadline = System.nanoTime() + GATHER_NANOS;
        while (batch.size() < Math.min(expected, MAX_BATCH)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Pending next;
            try {
                next = queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // Nothing interrupts the writer on purpose (see takeUninterruptibly): commit what is here.
                return false;
            }
            if (next == null) {
                return false;
            }
            batch.add(next);
            if (next == END) {
                return true;
            }
            queue.drainTo(batch, MAX_BATCH - batch.size());
            if (batch.get(batch.size() - 1) == END) {
                return true;
            }
        }
        return false;
    }

    /** Evaluations waiting for the writer. */
    public int queueDepth() {
        return queue.size();
    }

    /** Transactions the writer has committed or tried to (group commits, and single rows after a failed batch). */
    public long commits() {
        return single.time().count();
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            writeTimed(batch);
        } finally {
            single.record(batch.size(), System.nanoTime() - started);
        }
    }

    private void writeTimed(List<Pending> batch) {
        if (batch.size() > 1) {
            try {
                chain.record(AuditChain.Kind.EVALUATIONS, links -> insert(batch, links));
                batch.forEach(p -> p.done.complete(null));
                return;
            } catch (RuntimeException e) {
                log.debug("evaluation batch of {} failed, storing its rows one by one", batch.size(), e);
            }
        }
        // One bad row, typically an idempotency-key race, must not fail the others queued with it.
        for (Pending p : batch) {
            try {
                chain.record(AuditChain.Kind.EVALUATIONS, links -> insert(List.of(p), links));
                p.done.complete(null);
            } catch (RuntimeException e) {
                p.done.completeExceptionally(explain(p.row.record(), e));
            }
        }
    }

    /** Inserts the batch and lists its rows for the chain link committed with them; the same batch, linked once. */
    private Void insert(List<Pending> batch, AuditChain.Batch links) {
        insertRows(batch.stream().map(Pending::row).toList(), links);
        return null;
    }

    /**
     * Inserts the rows, with the supersession events they carry, in the caller's transaction, and lists them for its
     * chain link: the one way evaluations are written, alone (group commit) or many at once (a batch).
     *
     */
    void insertRows(List<Prepared> rows, AuditChain.Batch links) {
        jdbc.batchUpdate(INSERT_EVALUATION, rows, rows.size(), EvaluationStore::bind);
        rows.forEach(p -> links.add(p.entry()));
        List<EvaluationRecord> superseding = rows.stream().map(Prepared::record).filter(r -> r.supersedes() != null)
                .toList();
        if (!superseding.isEmpty()) {
            // In the same transaction as the new evaluation: the old one is never seen replaced by nothing.
            jdbc.batchUpdate(INSERT_EVENT, superseding, superseding.size(), (ps, r) -> {
                ps.setObject(1, r.supersedes());
                ps.setString(2, "SUPERSEDED");
                ps.setObject(3, utc(r.evaluatedAt()));
                ps.setString(4, r.supersedeReason());
                ps.setString(5, r.submitter());
                ps.setObject(6, r.id());
            });
            for (EvaluationRecord r : superseding) {
                links.add(Canonical.STATUS_EVENT.entry(r.supersedes(), "SUPERSEDED", r.evaluatedAt(),
                        r.supersedeReason(), r.submitter(), r.id()));
            }
        }
    }

    /**
     * A record ready to insert: its texts packed and its chain entry hashed, both on the thread that made it.
     *
     * @param packed the request, document and fired rules as {@link PackedDocuments#pack} stores them
     * @param entry  the row as {@link #bind} writes it, in {@link Canonical#EVALUATION}'s column order: the text
     *               columns NULL, the packed bytes hashed (a fifteenth of the bytes the texts would be)
     */
    record Prepared(EvaluationRecord record, byte[] packed, Canonical.Entry entry) {
    }

    /** The record's response document in UTF-8, once the record is known complete (so never a null to encode). */
    private static byte[] document(EvaluationRecord r) {
        requireComplete(r);
        return r.responseJson().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks, packs and hashes a record; thread-safe.
     *
     * @param document {@code r.responseJson()} in UTF-8, as the renderer already encoded it for the answer, so that it
     *                 is not encoded a second time
     * @throws IllegalArgumentException when a mandatory field is missing
     */
    static Prepared prepare(EvaluationRecord r, byte[] document) {
        requireComplete(r);
        byte[] packed = PackedDocuments.pack(r.requestJson().getBytes(StandardCharsets.UTF_8), document,
                r.firedRulesJson().getBytes(StandardCharsets.UTF_8));
        return new Prepared(r, packed, Canonical.EVALUATION.entry(r.id(), r.evaluatedAt(), r.codeScheme(),
                r.areaCode(), r.areaName(), r.provinceCode(), r.districtCode(), r.profileId(), r.verdict(),
                r.purpose(), r.periodFrom(), r.periodTo(), r.rulesetVersion(), null, null, null, r.idempotencyKey(),
                r.requestHash(), r.submitter(), r.supersedes(), r.supersedeReason(), packed));
    }

    /** Turns the constraint violation of a row stored alone into the failure its caller can recognise. */
    private RuntimeException explain(EvaluationRecord r, RuntimeException failure) {
        try {
            if (r.idempotencyKey() != null) {
                Optional<UUID> holder = jdbc.query("SELECT id FROM evaluation WHERE idempotency_key = ?",
                        (rs, n) -> rs.getObject(1, UUID.class), r.idempotencyKey()).stream().findFirst();
                if (holder.isPresent()) {
                    return new DuplicateIdempotencyKeyException(r.idempotencyKey(), holder.get(), failure);
                }
            }
            if (r.supersedes() != null) {
                if (!exists(r.supersedes())) {
                    return new NoSuchElementException("evaluation " + r.id() + " supersedes evaluation "
                            + r.supersedes() + ", which does not exist", failure);
                }
                String state = status(r.supersedes()).state();
                if (!state.equals("ACTIVE")) {
                    return new NoLongerInForce("evaluation " + r.id() + " cannot supersede evaluation "
                            + r.supersedes() + ", which is already " + state, r.supersedes(), state, failure);
                }
            }
        } catch (RuntimeException diagnosisFailure) {
            failure.addSuppressed(diagnosisFailure);
        }
        return failure;
    }

    private boolean exists(UUID id) {
        return !jdbc.queryForList("SELECT 1 FROM evaluation WHERE id = ?", Integer.class, id).isEmpty();
    }

    private static String where(EvaluationFilter f, MapSqlParameterSource params) {
        if (f == null) {
            return "";
        }
        List<String> conditions = new ArrayList<>();
        equal(conditions, params, "e.code_scheme", "codeScheme", f.codeScheme());
        equal(conditions, params, "e.area_code", "areaCode", f.areaCode());
        equal(conditions, params, "e.province_code", "provinceCode", f.provinceCode());
        equal(conditions, params, "e.profile_id", "profileId", f.profileId());
        equal(conditions, params, "e.verdict", "verdict", f.verdict());
        equal(conditions, params, "e.purpose", "purpose", f.purpose());
        equal(conditions, params, "e.ruleset_version", "rulesetVersion", f.rulesetVersion());
        if (f.evaluatedFrom() != null) {
            conditions.add("e.evaluated_at >= :evaluatedFrom");
            params.addValue("evaluatedFrom", utc(SqlTime.storedCeiling(f.evaluatedFrom())));
        }
        if (f.evaluatedTo() != null) {
            conditions.add("e.evaluated_at < :evaluatedTo");
            params.addValue("evaluatedTo", utc(SqlTime.storedCeiling(f.evaluatedTo())));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void equal(List<String> conditions, MapSqlParameterSource params, String column, String name,
            String value) {
        if (value != null) {
            conditions.add(column + " = :" + name);
            params.addValue(name, value);
        }
    }

    static void requireComplete(EvaluationRecord r) {
        Objects.requireNonNull(r, "evaluation record");
        List<String> missing = new ArrayList<>();
        need(missing, "id", r.id());
        need(missing, "evaluatedAt", r.evaluatedAt());
        need(missing, "codeScheme", r.codeScheme());
        need(missing, "areaCode", r.areaCode());
        need(missing, "areaName", r.areaName());
        need(missing, "provinceCode", r.provinceCode());
        need(missing, "profileId", r.profileId());
        need(missing, "verdict", r.verdict());
        need(missing, "purpose", r.purpose());
        need(missing, "periodFrom", r.periodFrom());
        need(missing, "periodTo", r.periodTo());
        need(missing, "rulesetVersion", r.rulesetVersion());
        need(missing, "requestJson", r.requestJson());
        need(missing, "responseJson", r.responseJson());
        need(missing, "firedRulesJson", r.firedRulesJson());
        need(missing, "requestHash", r.requestHash());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("evaluation " + r.id() + " lacks " + String.join(", ", missing));
        }
        if ((r.supersedes() == null) != (r.supersedeReason() == null)
                || (r.supersedeReason() != null && r.supersedeReason().isBlank())) {
            throw new IllegalArgumentException("evaluation " + r.id()
                    + " must give both the evaluation it supersedes and a reason, or neither");
        }
    }

    private static void need(List<String> missing, String field, Object value) {
        if (value == null) {
            missing.add(field);
        }
    }

    private static void bind(PreparedStatement ps, Prepared p) throws SQLException {
        EvaluationRecord r = p.record();
        ps.setObject(1, r.id());
        ps.setObject(2, utc(r.evaluatedAt()));
        ps.setString(3, r.codeScheme());
        ps.setString(4, r.areaCode());
        ps.setString(5, r.areaName());
        ps.setString(6, r.provinceCode());
        ps.setString(7, r.districtCode());
        ps.setString(8, r.profileId());
        ps.setString(9, r.verdict());
        ps.setString(10, r.purpose());
        ps.setObject(11, r.periodFrom());
        ps.setObject(12, r.periodTo());
        ps.setString(13, r.rulesetVersion());
        ps.setString(14, null);
        ps.setString(15, null);
        ps.setString(16, null);
        ps.setString(17, r.idempotencyKey());
        ps.setString(18, r.requestHash());
        ps.setString(19, r.submitter());
        ps.setObject(20, r.supersedes());
        ps.setString(21, r.supersedeReason());
        ps.setBytes(22, p.packed());
    }

    private static EvaluationRecord recordOf(ResultSet rs, int rowNum) throws SQLException {
        byte[] packed = rs.getBytes("packed_documents");
        PackedDocuments.Texts texts = packed != null ? PackedDocuments.unpack(packed)
                : new PackedDocuments.Texts(rs.getString("request_json"), rs.getString("response_json"),
                        rs.getString("fired_rules_json"));
        return new EvaluationRecord(rs.getObject("id", UUID.class), instant(rs, "evaluated_at"),
                rs.getString("code_scheme"), rs.getString("area_code"), rs.getString("area_name"),
                rs.getString("province_code"), rs.getString("district_code"), rs.getString("profile_id"),
                rs.getString("verdict"), rs.getString("purpose"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getString("ruleset_version"),
                texts.requestJson(), texts.responseJson(), texts.firedRulesJson(), rs.getString("idempotency_key"), rs.getString("request_hash"), rs.getString("submitter"),
                rs.getObject("supersedes", UUID.class), rs.getString("supersede_reason"));
    }

    private static EvaluationSummary summaryOf(ResultSet rs, int rowNum) throws SQLException {
        return new EvaluationSummary(rs.getObject("id", UUID.class), instant(rs, "evaluated_at"),
                rs.getString("code_scheme"), rs.getString("area_code"), rs.getString("area_name"),
                rs.getString("province_code"), rs.getString("profile_id"), rs.getString("verdict"),
                rs.getString("purpose"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getString("ruleset_version"), rs.getString("state"),
                rs.getString("submitter"));
    }

    private void putUninterruptibly(Pending p) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(p);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Pending takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Nothing interrupts the writer on purpose; it ends only on END, so no accepted save is lost.
            }
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(Prepared row, CompletableFuture<Void> done) {
    }
}
