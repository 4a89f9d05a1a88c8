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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Guessing passwords through the form: after {@code max-failed-logins} wrong passwords for one user name within
 * {@code lockout}, that name cannot sign in until the window has passed, whatever password it is given. Kept in memory
 * (one instance serves the service); a restart forgets it, which only gives a guesser another few tries.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final int maxFailures;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${chuyenhoa.access.max-failed-logins:5}") int maxFailures,
                  @Value("${chuyenhoa.access.lockout:15m}") Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    boolean locked(String username) {
        Deque<Instant> f = failures.get(key(username));
        if (f == null) return false;
        synchronized (f) {
            prune(f);
            return f.size() >= maxFailures;
        }
    }

    void failed(String username) {
        Deque<Instant> f = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (f) {
            prune(f);
            f.addLast(clock.instant());
            if (f.size() == maxFailures) log.warn("Sign-in for '{}' locked for {} after {} wrong passwords", username, window, maxFailures);
        }
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private void prune(Deque<Instant> f) {
        Instant since = clock.instant().minus(window);
        while (!f.isEmpty() && f.peekFirst().isBefore(since)) f.removeFirst();
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
