package vn.chuyenhoa.kernel;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database being unreachable, told to the operator once rather than by every place that meets it: while it is
 * down, each health probe, each poll of a background job and each request would otherwise log a stack trace of its
 * own, and the cause would be lost in them. One WARN line when the outage starts (what cannot be reached and why), a
 * reminder every {@link #REMINDER} while it lasts (how long, how many requests were answered 503), one INFO line when
 * something reaches the database again; each failure itself, with its stack trace, only at DEBUG.
 *
 * <p>Every place that logs a failure of the database asks {@link #failed} or {@link #refused} first and logs the
 * failure as its own error only when they answer false (not an outage); every place that reaches the database on a
 * schedule (health, the pollers) says {@link #reachable} when it did, so that the recovery is noticed without traffic.
 */
@Component
public final class DatabaseOutage {

    /** How often an outage that lasts is said again. */
    static final Duration REMINDER = Duration.ofMinutes(1);
    /**
     * How long after the last failure a success ends the outage: while some connections or queries fail and others
     * succeed (a database restarting, a pool still lending broken connections), it is one outage, not a pair of lines
     * per probe.
     */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private final String database;
    private final Clock clock;
    private volatile Instant since; // null while the database is reachable
    private Instant reminded;
    private Instant lastFailure;
    private long refusedRequests;
    private long failures;

    @Autowired
    DatabaseOutage(@Value("${spring.datasource.url:}") String url) {
        this(url, Clock.systemUTC());
    }

    /** {@code url}: the database's JDBC URL, which the log names (any password in it is not shown). */
    public DatabaseOutage(String url, Clock clock) {
        this.database = url.replaceAll("(?i)(password=)[^&;]*", "$1***");
        this.clock = clock;
    }

    /**
     * The cause that says the database cannot be reached, or null, wherever the code that met it wrapped it: Spring's
     * translations of a connection that could not be had or broke (a failed {@code getConnection}, a transaction that
     * could not begin, SQL class 08), or the driver's or pool's own connection exceptions when nothing translated them.
     */
    private static Throwable unreachable(Throwable ex) {
        for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || (t instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("08"))) {
                return t;
            }
        }
        return null;
    }

    /**
     * {@code where} (a health check, a poll, a background write) met {@code ex}. True when that is the database being
     * unreachable, which this logs; false when it is not, and the caller logs it as the error it is.
     */
    public boolean failed(String where, Throwable ex) {
        return met(where, ex, false);
    }

    /** The same for a request that is answered 503 because of it: counted among the refused requests. */
    public boolean refused(String where, Throwable ex) {
        return met(where, ex, true);
    }

    /** Something reached the database: an outage, if there was one and nothing failed for {@link #SETTLE}, is over. */
    public void reachable() {
        if (since == null) return;
        synchronized (this) {
            if (since == null || clock.instant().isBefore(lastFailure.plus(SETTLE))) return;
            log.info("Database reachable again after {}: {}; {} requests were answered 503 meanwhile", lasted(), database,
                    refusedRequests);
            since = null;
        }
    }

    private boolean met(String where, Throwable ex, boolean request) {
        Throwable unreachable = unreachable(ex);
        if (unreachable == null) return false;
        synchronized (this) {
            Instant now = clock.instant();
            if (since == null) {
                since = reminded = now;
                refusedRequests = failures = 0;
                log.warn("Database unreachable: {} ({}): {}. Requests that need it are answered 503 with Retry-After,"
                        + " readiness is DOWN; this is said again every {} while it lasts (each failure at DEBUG)",
                        database, where, cause(unreachable), minutes(REMINDER));
            } else if (!now.isBefore(reminded.plus(REMINDER))) {
                reminded = now;
                log.warn("Database still unreachable after {}: {}; {} requests answered 503, {} failures in all; last ({}): {}",
                        lasted(), database, refusedRequests + (request ? 1 : 0), failures + 1, where, cause(unreachable));
            }
            lastFailure = now;
            failures++;
            if (request) refusedRequests++;
        }
        log.debug("{} failed: the database is unreachable", where, ex);
        return true;
    }

    /**
     * The innermost cause that says something: "Connection refused", not the wrappers' "Could not open JDBC
     * Connection", nor an EOFException without a message under the driver's "I/O error".
     */
    private static String cause(Throwable t) {
        String said = t.getClass().getName();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) said = c.getMessage().strip().replaceAll("\\.+$", "");
        }
        return said;
    }

    private String lasted() {
        Duration d = Duration.between(since, clock.instant());
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s"
                : d.toSeconds() + " s";
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " min";
    }
}
