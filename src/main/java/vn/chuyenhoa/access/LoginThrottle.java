package vn.chuyenhoa.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Guessing passwords through the form: after {@code max-failed-logins} wrong passwords for one user name within
 * {@code lockout}, that name cannot sign in until the window has passed, whatever password it is given, or until an
 * administrator unlocks it. Names arrive normalised ({@link LoginNames}). A lock and an unlock are written to the
 * account event log. Kept in memory (one instance serves the service); a restart forgets it, which only gives a
 * guesser another few tries.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final int maxFailures;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Accounts accounts;

    LoginThrottle(@Value("${chuyenhoa.access.max-failed-logins:5}") int maxFailures,
                  @Value("${chuyenhoa.access.lockout:15m}") Duration window, Accounts accounts) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.accounts = accounts;
    }

    boolean locked(String username) {
        return lockedUntil(username).isPresent();
    }

    /** When the name can sign in again, if it is locked now. */
    public Optional<Instant> lockedUntil(String username) {
        Deque<Instant> f = failures.get(key(username));
        if (f == null) return Optional.empty();
        synchronized (f) {
            prune(f);
            if (f.size() < maxFailures) return Optional.empty();
            // the lock ends when the oldest failure that still makes up the count leaves the window
            return Optional.of(f.stream().skip(f.size() - maxFailures).findFirst().orElseThrow().plus(window));
        }
    }

    /** Every name locked now, with when it unlocks by itself. */
    public Map<String, Instant> locks() {
        Map<String, Instant> out = new TreeMap<>();
        for (String name : failures.keySet()) lockedUntil(name).ifPresent(until -> out.put(name, until));
        return out;
    }

    void failed(String username) {
        Deque<Instant> f = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        Instant until = null;
        synchronized (f) {
            prune(f);
            f.addLast(clock.instant());
            if (f.size() == maxFailures) until = f.peekFirst().plus(window);
        }
        if (until != null) {
            log.warn("Sign-in for '{}' locked until {} after {} wrong passwords", username, until, maxFailures);
            accounts.logEvent("system", "LOCKED", key(username), maxFailures + " wrong passwords; locked until " + until);
        }
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    /**
     * Lets a locked name sign in again at once, logged as the administrator's act.
     *
     * @return whether it was locked
     */
    public boolean unlock(String username, String by) {
        boolean wasLocked = locked(username);
        failures.remove(key(username));
        if (wasLocked) {
            log.info("Sign-in for '{}' unlocked by {}", username, by);
            accounts.logEvent(by, "UNLOCKED", key(username), null);
        }
        return wasLocked;
    }

    private void prune(Deque<Instant> f) {
        Instant since = clock.instant().minus(window);
        while (!f.isEmpty() && f.peekFirst().isBefore(since)) f.removeFirst();
    }

    private static String key(String username) {
        return LoginNames.normalise(username);
    }
}
