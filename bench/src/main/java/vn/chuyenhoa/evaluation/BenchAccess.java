package vn.chuyenhoa.evaluation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Benchmark only: {@code /bench/handcoded?handcoded} is the hand-coded endpoint behind a chain that lets everything
 * through without a token, the yardstick as it was until session 5. The yardstick is now
 * {@code /api/v1/evaluations?handcoded}, behind the real chain; this one stays so that one run can show what the
 * security chain costs (`--target handUnguarded:/bench/handcoded?handcoded&dryRun=true:200`, docs/benchmarks.md).
 */
@Configuration
@Profile("bench")
class BenchAccess {

    @Bean
    @Order(0)
    SecurityFilterChain benchChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/bench/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .build();
    }
}
