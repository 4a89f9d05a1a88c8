package vn.chuyenhoa.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one table of who reaches what. Everything not named here is refused, so a new endpoint is closed until someone
 * decides who may use it (and the role-matrix test, built from every request mapping, fails until they do).
 *
 * <p>Reading is open to every role but {@code ADMIN}, whose work is accounts and tokens; changing is split by role.
 * People sign in with the form and keep a session (CSRF-protected); systems send a bearer token on each request
 * (no cookie, so no CSRF check is needed or made).
 */
@Configuration
class AccessConfig {

    /** Everyone whose work is the programme's data: they may read all of it. */
    static final String[] READERS = {"EVALUATOR", "PROGRAMME_OFFICER", "RULE_EDITOR", "RULE_APPROVER", "AUDITOR"};

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, stored with its {bcrypt} prefix so the hash can be strengthened later without a migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, Accounts accounts) throws Exception {
        Denials denials = new Denials();
        http.addFilterBefore(new TokenFilter(accounts, denials), UsernamePasswordAuthenticationFilter.class)
                .userDetailsService(accounts)
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // CSRF guards what a cookie lets a browser do unasked: a bearer token is no cookie, and an API request
                // that sends no session cookie has nothing to forge, so it is left to authorization (401, not 403 csrf)
                .csrf(c -> c.ignoringRequestMatchers(TokenFilter::presents, AccessConfig::apiWithoutSession))
                .exceptionHandling(e -> e.authenticationEntryPoint(denials).accessDeniedHandler(denials))
                .httpBasic(b -> b.disable())
                .authorizeHttpRequests(a -> a
                        // open: signing in, the page saying no, style sheets, the API description, health (one component
                        // deep: Boot 4.1.2's actuator answers /actuator/health/a/b with a 500)
                        .requestMatchers("/login", "/access-denied", "/error", "/css/**", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/v3/api-docs.yaml/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/actuator/health", "/actuator/health/*", "/actuator/info").permitAll()

                        // administrators manage accounts and tokens; auditors may read who holds what
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/**", "/admin", "/admin/**").hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers("/api/v1/admin/**", "/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/").authenticated()

                        // evaluations: systems submit and withdraw; anyone who reads may replay (it stores nothing)
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations").hasRole("EVALUATOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations/*/withdrawal").hasRole("EVALUATOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations/*/replay", "/evaluations/*/replay").hasAnyRole(READERS)

                        // the programme: screening, monitoring, lifecycle decisions, in the officer's provinces
                        // (the pages' forms too: an officer without a program of their own uploads the same JSON)
                        .requestMatchers(HttpMethod.POST, "/api/v1/screenings", "/api/v1/monitoring-reports",
                                "/screenings/new", "/monitoring-reports/new").hasRole("PROGRAMME_OFFICER")
                        .requestMatchers(HttpMethod.GET, "/screenings/new", "/monitoring-reports/new").hasRole("PROGRAMME_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/programmes/{codeScheme}/{provinceCode}/**",
                                "/programmes/{codeScheme}/{provinceCode}/**").access(officerOfProvince())

                        // rules: editors upload and preview; approvers preview and put in force
                        .requestMatchers(HttpMethod.POST, "/api/v1/rulesets", "/rulesets/upload").hasRole("RULE_EDITOR")
                        .requestMatchers(HttpMethod.GET, "/rulesets/upload").hasRole("RULE_EDITOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/rulesets/*/impact", "/rulesets/*/impact").hasAnyRole("RULE_EDITOR", "RULE_APPROVER")
                        .requestMatchers("/api/v1/rulesets/*/activate", "/rulesets/*/activate").hasRole("RULE_APPROVER")

                        // everything else that reads
                        .requestMatchers(HttpMethod.GET, "/api/**", "/evaluations", "/evaluations/**", "/evaluations.csv",
                                "/evaluations.xlsx", "/rulesets", "/rulesets/**", "/impact-jobs/**", "/programmes/**",
                                "/screenings/*", "/monitoring-reports/*", "/audit/**").hasAnyRole(READERS)
                        .anyRequest().denyAll());
        return http.build();
    }

    /** A call of the API carrying no session cookie: only a program's, never a signed-in browser's. */
    static boolean apiWithoutSession(HttpServletRequest request) {
        return request.getRequestedSessionId() == null
                && request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    /** A programme officer whose provinces include the one in the path. */
    private static AuthorizationManager<RequestAuthorizationContext> officerOfProvince() {
        return (authentication, context) -> {
            Caller caller = Caller.of(authentication.get()).orElse(null);
            return new AuthorizationDecision(caller != null && caller.has(Role.PROGRAMME_OFFICER)
                    && caller.covers(context.getVariables().get("codeScheme"), context.getVariables().get("provinceCode")));
        };
    }
}
