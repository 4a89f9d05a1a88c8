package vn.chuyenhoa.access;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guessing passwords through the form: after {@code chuyenhoa.access.max-failed-logins} wrong passwords for one user
 * name within {@code chuyenhoa.access.lockout}, that name cannot sign in until the window has passed. In memory for
 * one instance; in the database when several share it ({@code chuyenhoa.instances.shared}), or a guesser would get the
 * tries once per instance behind the load balancer.
 */
interface LoginThrottle {

    boolean locked(String username);

    void failed(String username);

    void succeeded(String username);

    @Configuration(proxyBeanMethods = false)
    class Choice {
        @Bean
        LoginThrottle loginThrottle(@Value("${chuyenhoa.instances.shared:false}") boolean shared, JdbcTemplate jdbc,
                                    @Value("${chuyenhoa.access.max-failed-logins:5}") int maxFailures,
                                    @Value("${chuyenhoa.access.lockout:15m}") Duration window) {
            return shared ? new DatabaseLoginThrottle(jdbc, maxFailures, window)
                    : new MemoryLoginThrottle(maxFailures, window);
        }
    }
}
