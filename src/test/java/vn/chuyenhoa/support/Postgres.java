package vn.chuyenhoa.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL the tests run against, and a fresh schema in it per test.
 *
 * <p>The server is found through {@code -Dchuyenhoa.test.postgres.url} or the environment variable
 * {@code CHUYENHOA_TEST_POSTGRES_URL}, a JDBC URL with its user, e.g.
 * {@code jdbc:postgresql://127.0.0.1:54321/postgres?user=postgres}. {@code .ci/run} installs Debian's PostgreSQL,
 * starts a throw-away cluster and sets the variable; {@code .ci/run mvn -B -o test -Dtest=SomeTest} does the same
 * for one test. Without a server the test fails under {@code CI=true} and is skipped, with that advice, elsewhere.
 *
 * <p>Each {@link Schema} is a new, empty schema that the JDBC URL it hands out selects ({@code currentSchema}), so
 * Flyway and the application see a fresh database, and tests never see each other's rows.
 */
public final class Postgres {

    public static final String PROPERTY = "chuyenhoa.test.postgres.url";
    public static final String VARIABLE = "CHUYENHOA_TEST_POSTGRES_URL";

    private Postgres() {
    }

    /** The server's JDBC URL; fails under CI=true and skips elsewhere when none is given. */
    public static String serverUrl() {
        String url = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        if (url == null || url.isBlank()) {
            String why = "no PostgreSQL for the tests: set " + VARIABLE + " (or -D" + PROPERTY + ") to a JDBC URL with"
                    + " its user, or run the tests through .ci/run, which starts a throw-away cluster";
            if ("true".equals(System.getenv("CI"))) fail("CI=true and " + why);
            Assumptions.abort(why);
        }
        return url;
    }

    /** A new schema on the test server, dropped with everything in it on close. */
    public static Schema freshSchema() {
        String server = serverUrl();
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(server, "CREATE SCHEMA " + name);
        return new Schema(server, name);
    }

    /** One test's schema: {@link #url()} is a JDBC URL whose connections read and write only there. */
    public record Schema(String serverUrl, String name) implements AutoCloseable {

        public String url() {
            return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        @Override
        public void close() {
            execute(serverUrl, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + sql, e);
        }
    }
}
