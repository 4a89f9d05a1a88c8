package vn.chuyenhoa.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guessing passwords through the form: after {@code chuyenhoa.access.max-failed-logins} wrong passwords for one user
 * name within {@code chuyenhoa.access.lockout}, that name cannot sign in until the window has passed, or until an
 * administrator unlocks it; a lock and an unlock are written to the account event log. In memory for one instance; in
 * the database when several share it ({@code chuyenhoa.instances.shared}), or a guesser would get the tries once per
 * instance behind the load balancer.
 */
interface LoginThrottle {

    default boolean locked(String username) {
        return lockedUntil(username).isPresent();
    }

    /** When the name can sign in again, if it is locked now. */
    Optional<Instant> lockedUntil(String username);

    /** Every name locked now, with when it unlocks by itself. */
    Map<String, Instant> locks();

    void failed(String username);

    void succeeded(String username);

    /**
     * Lets a locked name sign in again at once, logged as the administrator's act.
     *
     * @return whether it was locked
     */
    boolean unlock(String username, String by);

    @Configuration(proxyBeanMethods = false)
    class Choice {
        @Bean
        LoginThrottle loginThrottle(@Value("${chuyenhoa.instances.shared:false}") boolean shared, JdbcTemplate jdbc,
                                    @Value("${chuyenhoa.access.max-failed-logins:5}") int maxFailures,
                                    @Value("${chuyenhoa.access.lockout:15m}") Duration window, Accounts accounts) {
            return shared ? new DatabaseLoginThrottle(jdbc, maxFailures, window, accounts)
                    : new MemoryLoginThrottle(maxFailures, window, accounts);
        }
    }
}
