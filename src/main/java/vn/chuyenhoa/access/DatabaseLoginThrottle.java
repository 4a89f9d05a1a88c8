package vn.chuyenhoa.access;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lockout every instance on one database applies: wrong passwords are rows of {@code login_failure} (V11). */
class DatabaseLoginThrottle implements LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseLoginThrottle.class);

    private final JdbcTemplate jdbc;
    private final int maxFailures;
    private final Duration window;
    private final Accounts accounts;

    DatabaseLoginThrottle(JdbcTemplate jdbc, int maxFailures, Duration window, Accounts accounts) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.window = window;
        this.accounts = accounts;
    }

    @Override
    public Optional<Instant> lockedUntil(String username) {
        List<Instant> f = failures(MemoryLoginThrottle.key(username));
        if (f.size() < maxFailures) return Optional.empty();
        // the lock ends when the oldest failure that still makes up the count leaves the window
        return Optional.of(f.get(f.size() - maxFailures).plus(window));
    }

    @Override
    public Map<String, Instant> locks() {
        Map<String, Instant> out = new TreeMap<>();
        for (String name : jdbc.queryForList("SELECT DISTINCT username FROM login_failure WHERE failed_at >= ?",
                String.class, since())) {
            lockedUntil(name).ifPresent(until -> out.put(name, until));
        }
        return out;
    }

    @Override
    public void failed(String username) {
        String key = MemoryLoginThrottle.key(username);
        // what has left the window is never needed again
        jdbc.update("DELETE FROM login_failure WHERE username = ? AND failed_at < ?", key, since());
        jdbc.update("INSERT INTO login_failure (username, failed_at) VALUES (?, ?)", key,
                OffsetDateTime.now(ZoneOffset.UTC));
        List<Instant> f = failures(key);
        if (f.size() == maxFailures) {
            Instant until = f.get(0).plus(window);
            log.warn("Sign-in for '{}' locked until {} after {} wrong passwords", username, until, maxFailures);
            accounts.logEvent("system", "LOCKED", key, maxFailures + " wrong passwords; locked until " + until);
        }
    }

    @Override
    public void succeeded(String username) {
        jdbc.update("DELETE FROM login_failure WHERE username = ?", MemoryLoginThrottle.key(username));
    }

    @Override
    public boolean unlock(String username, String by) {
        boolean wasLocked = locked(username);
        jdbc.update("DELETE FROM login_failure WHERE username = ?", MemoryLoginThrottle.key(username));
        if (wasLocked) {
            log.info("Sign-in for '{}' unlocked by {}", username, by);
            accounts.logEvent(by, "UNLOCKED", MemoryLoginThrottle.key(username), null);
        }
        return wasLocked;
    }

    private List<Instant> failures(String key) {
        return jdbc.query("SELECT failed_at FROM login_failure WHERE username = ? AND failed_at >= ? ORDER BY failed_at",
                (rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant(), key, since());
    }

    private OffsetDateTime since() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(window);
    }
}
