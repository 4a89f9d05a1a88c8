package vn.chuyenhoa.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guessing passwords through the form: after {@code max-failed-logins} wrong passwords for one user name within
 * {@code lockout}, that name cannot sign in until the window has passed, whatever password it is given. Kept in memory,
 * for one instance on its database; a restart forgets it, which only gives a guesser another few tries.
 */
class MemoryLoginThrottle implements LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(MemoryLoginThrottle.class);

    private final int maxFailures;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    MemoryLoginThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    @Override
    public boolean locked(String username) {
        Deque<Instant> f = failures.get(key(username));
        if (f == null) return false;
        synchronized (f) {
            prune(f);
            return f.size() >= maxFailures;
        }
    }

    @Override
    public void failed(String username) {
        Deque<Instant> f = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (f) {
            prune(f);
            f.addLast(clock.instant());
            if (f.size() == maxFailures) log.warn("Sign-in for '{}' locked for {} after {} wrong passwords", username, window, maxFailures);
        }
    }

    @Override
    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private void prune(Deque<Instant> f) {
        Instant since = clock.instant().minus(window);
        while (!f.isEmpty() && f.peekFirst().isBefore(since)) f.removeFirst();
    }

    static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
