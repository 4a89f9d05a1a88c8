package vn.chuyenhoa.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * What an operator reads in the log over an outage, minute by minute (the outage itself, against a real database, is
 * operations.DatabaseOutageTest): one line when it begins, a reminder a minute with how long and how many requests
 * were refused, one line when it ends; nothing else at INFO or above, and no stack trace there.
 */
class DatabaseOutageLogTest {

    final Logger logger = (Logger) LoggerFactory.getLogger(DatabaseOutage.class);
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Instant now = Instant.parse("2026-12-06T08:00:00Z");
    final DatabaseOutage outage = new DatabaseOutage("jdbc:postgresql://db:5432/chuyenhoa?user=c&password=secret",
            new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneId.of("UTC");
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    final Exception down = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
            new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available",
                    new ConnectException("Connection refused")));

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    List<String> lines() {
        return logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Test
    void anOutageIsOneLineAReminderAMinuteAndOneLineWhenItEnds() {
        assertTrue(outage.failed("readiness check of the database", down));
        for (int i = 0; i < 130; i++) {
            now = now.plusMillis(500);
            assertTrue(outage.refused("POST /api/v1/evaluations", down));
            assertTrue(outage.failed("following ruleset in force", down));
        }
        assertEquals(2, lines().size(), lines()::toString);
        String began = lines().get(0), reminded = lines().get(1);
        assertTrue(began.startsWith("WARN Database unreachable: jdbc:postgresql://db:5432/chuyenhoa?user=c&password=***")
                && began.contains("Connection refused") && !began.contains("secret"), began);
        assertTrue(reminded.startsWith("WARN Database still unreachable after 1 min 0 s") && reminded.contains("120 requests answered 503"),
                reminded);

        // a success while others still fail (a restart, broken connections in a pool) does not end it
        outage.reachable();
        assertEquals(2, lines().size(), lines()::toString);
        now = now.plus(DatabaseOutage.SETTLE);
        outage.reachable();
        outage.reachable();
        assertEquals(3, lines().size(), lines()::toString);
        assertTrue(lines().get(2).startsWith("INFO Database reachable again after 1 min 10 s")
                && lines().get(2).contains("130 requests were answered 503"), lines().get(2));
        assertTrue(logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .allMatch(e -> e.getThrowableProxy() == null), "no stack trace above DEBUG");
    }

    @Test
    void whatIsNotTheDatabaseBeingUnreachableIsLeftToTheCallerToLog() {
        assertFalse(outage.failed("audit head file", new IllegalStateException("disk full")));
        assertFalse(outage.refused("GET /x", new org.springframework.dao.DuplicateKeyException("key")));
        assertEquals(List.of(), lines());
        outage.reachable();
        assertEquals(List.of(), lines(), "no outage began, so none ends");
    }
}
