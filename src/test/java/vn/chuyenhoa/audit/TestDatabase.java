package vn.chuyenhoa.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import vn.chuyenhoa.support.Database;
import vn.chuyenhoa.support.Postgres;
import vn.chuyenhoa.evaluation.EvaluationStore;
import vn.chuyenhoa.ruleset.RulesetStore;

/** A fresh database of either kind migrated by the real Flyway scripts, with stores built on it as Spring would. */
public final class TestDatabase implements AutoCloseable {

    private final Database.Fresh database;
    private final DataSource dataSource;
    public final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactions;
    public final AuditChain chain;

    private TestDatabase(Database.Fresh database) {
        this.database = database;
        dataSource = database.dataSource();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        chain = new AuditChain(jdbc, transactions);
    }

    /** Private to the test: dropped on close. */
    public static TestDatabase on(Database kind) {
        return new TestDatabase(kind.fresh());
    }

    /** Private to the test, on H2 in memory. */
    public static TestDatabase inMemory() {
        return on(Database.H2);
    }

    public Database kind() {
        return database.database().kind();
    }

    /**
     * An online backup as the README tells an operator to take it: H2 through {@link Backups} (its {@code SCRIPT}),
     * PostgreSQL with {@code pg_dump -Fc}. The head file is {@link Backups}' business on H2 and left alone here.
     */
    public Path backUp(HeadFile heads, Path dir) {
        if (kind() == Database.H2) {
            return Path.of(new Backups(jdbc, transactions, heads, dir.toString()).take().file());
        }
        Path dump = dir.resolve("chuyenhoa-" + UUID.randomUUID() + ".dump");
        Postgres.Schema schema = database.database().schema();
        Postgres.tool("pg_dump", schema.serverUrl(), "-Fc", "-n", schema.name(), "-f", dump.toString());
        return dump;
    }

    /** A new database of the same kind, put back from {@link #backUp}: as an operator restores into an empty one. */
    public TestDatabase restored(Path backup) {
        if (kind() == Database.H2) {
            Database.Empty empty = Database.H2.empty();
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(empty.url());
            new JdbcTemplate(pool).execute("RUNSCRIPT FROM '" + backup.toAbsolutePath() + "' COMPRESSION ZIP");
            Flyway.configure().dataSource(pool).locations(Database.H2.migrations()).load().migrate();
            return new TestDatabase(new Database.Fresh(empty, pool));
        }
        Postgres.Schema schema = database.database().schema();
        Postgres.Schema restored = Postgres.restoredDatabase(schema, backup);
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(restored.url());
        Flyway.configure().dataSource(pool).locations(Database.POSTGRESQL.migrations()).load().migrate();
        return new TestDatabase(new Database.Fresh(new Database.Empty(restored.url(), restored, Database.POSTGRESQL), pool));
    }

    public DataSourceTransactionManager transactions() {
        return transactions;
    }



    public EvaluationStore startedEvaluationStore() {
        EvaluationStore store = new EvaluationStore(jdbc, chain);
        store.start();
        return store;
    }

    public RulesetStore rulesetStore() {
        return new RulesetStore(jdbc, chain);
    }

    /**
     * Holds, in an open transaction, the withdrawal row of a committed evaluation, so that the writer
     * blocks on its key as soon as it stores an evaluation superseding that one. Saves queued meanwhile
     * reach the writer together, in one batch, once the hold is released.
     */
    public WriterStall stallWriterOn(UUID evaluationId) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO evaluation_status_event"
                + " (evaluation_id, kind, event_at, reason) VALUES (?, 'WITHDRAWN', CURRENT_TIMESTAMP, 'held')")) {
            ps.setObject(1, evaluationId);
            ps.executeUpdate();
        }
        return new WriterStall(connection);
    }

    public final class WriterStall {
        private final Connection connection;

        private WriterStall(Connection connection) {
            this.connection = connection;
        }

        /**
         * Returns once the writer is inserting a status event, which it cannot finish while the row is held:
         * polls that condition, with a deadline. (H2 reports no BLOCKER_ID for a wait on a unique index; PostgreSQL
         * says the session waits for a lock.)
         */
        public void awaitWriterBlocked() {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            String waiting = kind() == Database.H2
                    ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                            + " WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO evaluation_status_event%'"
                    : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                            + " AND query LIKE 'INSERT INTO evaluation_status_event%'";
            while (jdbc.queryForObject(waiting, Integer.class) == 0) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the writer never blocked on the held row");
                }
                Thread.onSpinWait();
            }
        }

        /** Rolls the held row back: the evaluation it named is active again. */
        public void release() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
