package vn.chuyenhoa.support;

import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * The two databases the stores run on, for tests that run once on each:
 * <pre>
 * &#64;ParameterizedClass(name = "on {0}")
 * &#64;EnumSource(Database.class)
 * class SomeStoreTest {
 *     &#64;Parameter Database database;
 *     ... try (Database.Fresh db = database.fresh()) { new SomeStore(new JdbcTemplate(db.dataSource())) ... }
 * </pre>
 * A fresh database is migrated by the real Flyway scripts of its kind; H2 lives in memory, PostgreSQL is a new schema
 * on the server of {@link Postgres} (so a PostgreSQL run fails under CI=true, never skips, when there is none).
 */
public enum Database {

    H2("classpath:db/migration"),
    POSTGRESQL("classpath:db/postgresql");

    private final String migrations;

    Database(String migrations) {
        this.migrations = migrations;
    }

    /** Where this database's Flyway migrations are, as spring.flyway.locations names them. */
    public String migrations() {
        return migrations;
    }

    /** A new, empty database of this kind, not migrated: for a Spring start that runs Flyway itself. */
    public Empty empty() {
        return switch (this) {
            // DB_CLOSE_DELAY=-1: the database outlives a Spring context's pool, like a server would
            case H2 -> new Empty("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
                    null, this);
            case POSTGRESQL -> {
                Postgres.Schema schema = Postgres.freshSchema();
                yield new Empty(schema.url(), schema, this);
            }
        };
    }

    /** A new database of this kind migrated to the latest version, with a pool on it; closed with the pool. */
    public Fresh fresh() {
        Empty empty = empty();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(empty.url());
        pool.setMaximumPoolSize(8);
        Flyway.configure().dataSource(pool).locations(migrations).load().migrate();
        return new Fresh(empty, pool);
    }

    /**
     * A database that is not migrated yet. {@link #springArguments()} start the application on it with the profile
     * that selects its kind (none for H2, {@code postgres} for PostgreSQL).
     */
    public record Empty(String url, Postgres.Schema schema, Database kind) implements AutoCloseable {

        /** The command-line arguments that point a Spring start at this database. */
        public String[] springArguments(String... profiles) {
            String active = String.join(",", profiles);
            if (kind == POSTGRESQL) active = active.isEmpty() ? "postgres" : active + ",postgres";
            return new String[] {"--spring.profiles.active=" + active, "--spring.datasource.url=" + url};
        }

        @Override
        public void close() {
            if (schema != null) {
                schema.close();
            } else {
                try (var c = java.sql.DriverManager.getConnection(url); var s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("closing " + url, e);
                }
            }
        }
    }

    /** A migrated database and its pool. */
    public record Fresh(Empty database, HikariDataSource dataSource) implements AutoCloseable {

        public String url() {
            return database.url();
        }

        @Override
        public void close() {
            dataSource.close();
            database.close();
        }
    }
}
