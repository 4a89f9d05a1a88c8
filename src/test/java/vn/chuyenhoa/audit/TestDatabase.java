package vn.chuyenhoa.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import vn.chuyenhoa.support.Database;

/** A fresh database of either kind migrated by the real Flyway scripts, with stores built on it as Spring would. */
final class TestDatabase implements AutoCloseable {

    private final Database.Fresh database;
    private final DataSource dataSource;
    final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactions;
    final AuditChain chain;

    private TestDatabase(Database.Fresh database) {
        this.database = database;
        dataSource = database.dataSource();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        chain = new AuditChain(jdbc, transactions);
    }

    /** Private to the test: dropped on close. */
    static TestDatabase on(Database kind) {
        return new TestDatabase(kind.fresh());
    }

    /** Private to the test, on H2 in memory. */
    static TestDatabase inMemory() {
        return on(Database.H2);
    }

    Database kind() {
        return database.database().kind();
    }

    EvaluationStore startedEvaluationStore() {
        EvaluationStore store = new EvaluationStore(jdbc, chain);
        store.start();
        return store;
    }

    RulesetStore rulesetStore() {
        return new RulesetStore(jdbc, chain);
    }

    /**
     * Holds, in an open transaction, the withdrawal row of a committed evaluation, so that the writer
     * blocks on its key as soon as it stores an evaluation superseding that one. Saves queued meanwhile
     * reach the writer together, in one batch, once the hold is released.
     */
    WriterStall stallWriterOn(UUID evaluationId) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO evaluation_status_event"
                + " (evaluation_id, kind, event_at, reason) VALUES (?, 'WITHDRAWN', CURRENT_TIMESTAMP, 'held')")) {
            ps.setObject(1, evaluationId);
            ps.executeUpdate();
        }
        return new WriterStall(connection);
    }

    final class WriterStall {
        private final Connection connection;

        private WriterStall(Connection connection) {
            this.connection = connection;
        }

        /**
         * Returns once the writer is inserting a status event, which it cannot finish while the row is held:
         * polls that condition, with a deadline. (H2 reports no BLOCKER_ID for a wait on a unique index; PostgreSQL
         * says the session waits for a lock.)
         */
        void awaitWriterBlocked() {
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
        void release() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
