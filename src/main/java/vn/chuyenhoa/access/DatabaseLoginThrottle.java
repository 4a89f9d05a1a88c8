package vn.chuyenhoa.access;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lockout every instance on one database applies: wrong passwords are rows of {@code login_failure} (V11). */
class DatabaseLoginThrottle implements LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseLoginThrottle.class);

    private final JdbcTemplate jdbc;
    private final int maxFailures;
    private final Duration window;

    DatabaseLoginThrottle(JdbcTemplate jdbc, int maxFailures, Duration window) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    @Override
    public boolean locked(String username) {
        return failures(MemoryLoginThrottle.key(username)) >= maxFailures;
    }

    @Override
    public void failed(String username) {
        String key = MemoryLoginThrottle.key(username);
        Instant now = Instant.now();
        // what has left the window is never needed again
        jdbc.update("DELETE FROM login_failure WHERE username = ? AND failed_at < ?", key,
                now.minus(window).atOffset(ZoneOffset.UTC));
        jdbc.update("INSERT INTO login_failure (username, failed_at) VALUES (?, ?)", key, now.atOffset(ZoneOffset.UTC));
        if (failures(key) == maxFailures) {
            log.warn("Sign-in for '{}' locked for {} after {} wrong passwords", username, window, maxFailures);
        }
    }

    @Override
    public void succeeded(String username) {
        jdbc.update("DELETE FROM login_failure WHERE username = ?", MemoryLoginThrottle.key(username));
    }

    private int failures(String key) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE username = ? AND failed_at >= ?",
                Integer.class, key, Instant.now().minus(window).atOffset(ZoneOffset.UTC));
        return n == null ? 0 : n;
    }
}
