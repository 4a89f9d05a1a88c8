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

    /** Where Debian keeps PostgreSQL 15's programs, off the PATH. */
    static final java.nio.file.Path BIN = java.nio.file.Path.of("/usr/lib/postgresql/15/bin");

    /**
     * Runs one of PostgreSQL's programs ({@code pg_dump}, {@code pg_restore}) against the database of a JDBC URL of
     * the test server, with its host, port, user and database as options; fails with the program's output.
     */
    public static void tool(String program, String jdbcUrl, String... arguments) {
        java.net.URI uri = java.net.URI.create(jdbcUrl.substring("jdbc:".length()));
        String user = "postgres";
        if (uri.getQuery() != null) {
            for (String p : uri.getQuery().split("&")) if (p.startsWith("user=")) user = p.substring(5);
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(BIN.resolve(program).toString(),
                "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", user, "-d", uri.getPath().substring(1)));
        command.addAll(java.util.List.of(arguments));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new database on the test server with {@code pg_restore} of a dump of {@code schema} in it (the schema keeps its
     * name, so it needs a database of its own); the returned schema's URL selects it there.
     */
    public static Schema restoredDatabase(Schema schema, java.nio.file.Path dump) {
        String name = "r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(schema.serverUrl(), "CREATE DATABASE " + name);
        String server = schema.serverUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        tool("pg_restore", server, "--no-owner", dump.toString());
        return new Schema(server, schema.name());
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + sql, e);
        }
    }
}
