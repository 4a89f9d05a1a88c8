package vn.chuyenhoa.access;

import java.time.Duration;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in lockout of several instances on one database: wrong passwords given to one instance count on the other,
 * where two in-memory throttles would each allow the full number of tries.
 */
class SharedLockoutTest {

    @Test
    void wrongPasswordsOnOneInstanceLockTheNameOnTheOther() {
        try (HikariDataSource db = new HikariDataSource()) {
            db.setJdbcUrl("jdbc:h2:mem:lockout-" + UUID.randomUUID());
            Flyway.configure().dataSource(db).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(db);
            Accounts accounts = accounts(db, jdbc);
            LoginThrottle a = new DatabaseLoginThrottle(jdbc, 3, Duration.ofMinutes(15), accounts);
            LoginThrottle b = new DatabaseLoginThrottle(jdbc, 3, Duration.ofMinutes(15), accounts);

            a.failed("CanBo");
            b.failed("canbo");
            assertFalse(a.locked("canbo") || b.locked("canbo"), "two tries of three");
            a.failed(" canbo ");
            assertTrue(b.locked("canbo"), "the third, on A, locks the name on B");
            assertTrue(a.locked("CANBO"));
            assertFalse(b.locked("kiemtoan"), "only that name");
            assertTrue(b.locks().containsKey("canbo"), "B lists the lock A made");

            b.succeeded("canbo");
            assertFalse(a.locked("canbo"), "a success clears it everywhere");
            for (int i = 0; i < 3; i++) b.failed("canbo");
            assertTrue(a.unlock("canbo", "quantri"), "A unlocks what B locked");
            assertFalse(b.locked("canbo"));

            // the in-memory throttle of one process, for contrast: each instance would count alone
            LoginThrottle alone = new MemoryLoginThrottle(3, Duration.ofMinutes(15), accounts);
            alone.failed("canbo");
            alone.failed("canbo");
            assertFalse(alone.locked("canbo"));
        }
    }

    private static Accounts accounts(HikariDataSource db, JdbcTemplate jdbc) {
        return new Accounts(jdbc, new vn.chuyenhoa.audit.AuditChain(jdbc,
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(db)),
                org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Test
    void triesOutsideTheWindowDoNotCount() {
        try (HikariDataSource db = new HikariDataSource()) {
            db.setJdbcUrl("jdbc:h2:mem:lockout-" + UUID.randomUUID());
            Flyway.configure().dataSource(db).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(db);
            Accounts accounts = accounts(db, jdbc);
            jdbc.update("INSERT INTO login_failure (username, failed_at) VALUES ('canbo', TIMESTAMP WITH TIME ZONE"
                    + " '2020-01-01 00:00:00+00'), ('canbo', TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:01+00')");
            LoginThrottle throttle = new DatabaseLoginThrottle(jdbc, 3, Duration.ofMinutes(15), accounts);
            throttle.failed("canbo");
            assertFalse(throttle.locked("canbo"), "two old tries and one new are one try in the window");
        }
    }
}
