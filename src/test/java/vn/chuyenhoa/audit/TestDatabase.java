package vn.chuyenhoa.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A fresh H2 database migrated by the real Flyway scripts, with stores built on it as Spring would. */
final class TestDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactions;
    final AuditChain chain;

    private TestDatabase(String url) {
        this(url, null);
    }

    /** @param restore an H2 zipped {@code SCRIPT} to run into the empty database before Flyway, as an operator's restore */
    private TestDatabase(String url, java.nio.file.Path restore) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        if (restore != null) {
            new JdbcTemplate(dataSource).execute("RUNSCRIPT FROM '" + restore.toAbsolutePath() + "' COMPRESSION ZIP");
        }
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        chain = new AuditChain(jdbc, transactions);
    }

    /** Private to the test: the database lives as long as the pool keeps a connection open. */
    static TestDatabase inMemory() {
        return new TestDatabase("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";LOCK_TIMEOUT=20000");
    }

    /** A fresh database put back from an H2 backup ({@code SCRIPT TO ... COMPRESSION ZIP}, see {@link Backups}). */
    static TestDatabase restoredFrom(java.nio.file.Path script) {
        return new TestDatabase("jdbc:h2:mem:restored-" + UUID.randomUUID() + ";LOCK_TIMEOUT=20000", script);
    }

    DataSourceTransactionManager transactions() {
        return transactions;
    }

    EvaluationStore startedEvaluationStore() {
        EvaluationStore store = new EvaluationStore(jdbc, chain);
        store.start();
        return store;
    }

    RulesetStore rulesetStore() {
        return new RulesetStore(jdbc, transactions, chain);
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
         * polls that condition, with a deadline. (H2 reports no BLOCKER_ID for a wait on a unique index.)
         */
        void awaitWriterBlocked() {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                    + " WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO evaluation_status_event%'", Integer.class) == 0) {
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
        dataSource.close();
    }
}
