package vn.chuyenhoa.access;

import vn.chuyenhoa.area.AreaDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

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

    /**
     * What a page may load: scripts, styles and images from this service only, no inline script or style, no plugin,
     * no framing, forms posted back here only. A script injected into a page through some stored text would not run.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI's bundled scripts are files too, but React writes style attributes: styles inline, scripts never. */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Everyone whose work is the programme's data: they may read all of it. */
    static final String[] READERS = {"EVALUATOR", "PROGRAMME_OFFICER", "RULE_EDITOR", "RULE_APPROVER", "AUDITOR"};

    /**
     * No observation per security filter. With an observation registry in the context (the metrics), Spring Security
     * wraps each of the chain's ~15 filters, and the authorization, in an observation of its own, each started, stopped
     * and timed on every request: measured with JFR under bench load, half of a request thread's samples (issue 12,
     * docs/benchmarks.md). The request itself stays observed (http_server_requests), which is what operators watch.
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, stored with its {bcrypt} prefix so the hash can be strengthened later without a migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Requests that carry a bearer token: other systems, one call at a time. They never sign in, log out, keep a
     * session, come back to a saved request or need a CSRF token (no cookie is sent), so their chain has none of those
     * filters, only the token, the same headers, the same table of who reaches what and the write log. Measured over
     * HTTP, the session chain's filters cost a dry-run evaluation more than Drools does (issue 12, docs/benchmarks.md).
     */
    @Bean
    @Order(1)
    SecurityFilterChain tokenChain(HttpSecurity http, Accounts accounts, AreaDirectory areas,
                                   @Value("${management.server.port:-1}") int managementPort,
                                   ObjectProvider<RequestMappingInfoHandlerMapping> mappings) throws Exception {
        Denials denials = new Denials(areas, mappings);
        http.securityMatcher(TokenFilter::presents)
                .addFilterBefore(new TokenFilter(accounts, denials), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new WriteLog(), AuthorizationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .httpBasic(b -> b.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(denials).accessDeniedHandler(denials))
                .headers(AccessConfig::headers)
                .authorizeHttpRequests(a -> whoReachesWhat(a, managementPort, new Unoffered(mappings)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain filterChain(HttpSecurity http, Accounts accounts, AreaDirectory areas, LoginThrottle throttle,
                                    @Value("${management.server.port:-1}") int managementPort,
                                    ObjectProvider<RequestMappingInfoHandlerMapping> mappings) throws Exception {
        Denials denials = new Denials(areas, mappings);
        SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
        // one reading of the typed name for authentication and for the failure count alike
        http.addFilterBefore(new LoginNames(), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new LiveAccountFilter(accounts), SecurityContextHolderFilter.class)
                .addFilterAfter(new WriteLog(), AuthorizationFilter.class)
                // a locked name fails Spring's account checks before its password is even compared
                .userDetailsService(username -> {
                    Accounts.Login login = (Accounts.Login) accounts.loadUserByUsername(LoginNames.normalise(username));
                    return throttle.locked(username) ? login.locked() : login;
                })
                .formLogin(f -> f.loginPage("/login").permitAll()
                        .successHandler((request, response, authentication) -> {
                            throttle.succeeded(authentication.getName());
                            signedIn.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, e) -> {
                            // only names that exist are counted, so guessing names cannot fill the memory; the name
                            // is the one authentication used (LoginNames replaced the typed one)
                            String username = request.getParameter(LoginNames.FIELD);
                            if (e instanceof BadCredentialsException && username != null && accounts.live(username).isPresent()) {
                                throttle.failed(username);
                            }
                            response.sendRedirect(request.getContextPath()
                                    + (e instanceof LockedException ? "/login?locked" : "/login?error"));
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // CSRF guards what a cookie lets a browser do unasked: an API request that sends no session cookie has
                // nothing to forge, so it is left to authorization (401, not 403 csrf); bearer tokens have their chain
                .csrf(c -> c.ignoringRequestMatchers(AccessConfig::apiWithoutSession))
                .exceptionHandling(e -> e.authenticationEntryPoint(denials).accessDeniedHandler(denials))
                .httpBasic(b -> b.disable())
                .headers(AccessConfig::headers)
                .authorizeHttpRequests(a -> whoReachesWhat(a, managementPort, new Unoffered(mappings)));
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
                        request.getRequestURI().startsWith("/swagger-ui/") ? SWAGGER_POLICY : PAGE_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * Every method reaches the table of who reaches what, as GET and POST do: Spring Security's firewall would refuse
     * any but the seven usual ones with a 400 before anyone is asked who calls. No role line takes another method, so
     * such a request meets the line of what the service does not offer: 401 unsigned, then 404 for a missing address
     * and 405 with Allow for one that exists (PROPFIND included, as DELETE and PATCH).
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        return firewall;
    }

    /** The one table of who reaches what, for both chains. */
    private static void whoReachesWhat(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a, int managementPort,
            RequestMatcher unoffered) {
        // each role line names the methods its address takes: a wrong method falls through to the line of what the
        // service does not offer, near the end, and is answered 405, not 403
        a
                        // open: signing in, the page saying no, style sheets, the API description, health (one component
                        // deep: Boot 4.1.2's actuator answers /actuator/health/a/b with a 500)
                        .requestMatchers("/login", "/access-denied", "/error", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers(reads("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/v3/api-docs.yaml/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/actuator/health", "/actuator/health/*", "/actuator/info")).permitAll()
                        // metrics: open on a management port of their own, which the operator exposes to the
                        // monitoring network only (README "Running in production"); elsewhere for the monitoring role
                        .requestMatchers(r -> managementPort > 0 && r.getLocalPort() == managementPort
                                && "GET".equals(r.getMethod()) && "/actuator/prometheus".equals(r.getRequestURI())).permitAll()
                        .requestMatchers(reads("/actuator/prometheus")).hasRole("MONITOR")

                        // administrators manage accounts and tokens; auditors may read who holds what
                        .requestMatchers(reads("/api/v1/admin/**", "/admin", "/admin/**")).hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/**", "/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers(reads("/")).authenticated()

                        // evaluations: systems submit (one or a batch) and withdraw; programme officers submit one, by the
                        // API or the page's form (issue 15); anyone who reads may replay (it stores nothing)
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations").hasAnyRole("EVALUATOR", "PROGRAMME_OFFICER")
                        .requestMatchers(pages("/evaluations/new")).hasRole("PROGRAMME_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluation-batches").hasRole("EVALUATOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations/*/withdrawal").hasRole("EVALUATOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations/*/replay", "/evaluations/*/replay").hasAnyRole(READERS)

                        // the programme: screening, monitoring, lifecycle decisions, in the officer's provinces
                        // (the pages' forms too: an officer without a program of their own uploads the same JSON)
                        .requestMatchers(HttpMethod.POST, "/api/v1/screenings", "/api/v1/monitoring-reports").hasRole("PROGRAMME_OFFICER")
                        .requestMatchers(pages("/screenings/new", "/monitoring-reports/new")).hasRole("PROGRAMME_OFFICER")
                        // the same by form, for officers who have no file to upload
                        .requestMatchers(pages("/screenings/form", "/monitoring-reports/form")).hasRole("PROGRAMME_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/programmes/{codeScheme}/{provinceCode}/**",
                                "/programmes/{codeScheme}/{provinceCode}/**").access(officerOfProvince())
                        // the facts spreadsheet's pages and template: an officer's work, in their provinces only
                        .requestMatchers(reads("/programmes/{codeScheme}/{provinceCode}/facts-sheet",
                                "/programmes/{codeScheme}/{provinceCode}/facts-sheet/**")).access(officerOfProvince())

                        // rules: editors upload, make their stale drafts again on the version in force, and preview; approvers preview
                        // and put in force
                        .requestMatchers(HttpMethod.POST, "/api/v1/rulesets").hasRole("RULE_EDITOR")
                        .requestMatchers(pages("/rulesets/upload")).hasRole("RULE_EDITOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/rulesets/*/rebase", "/rulesets/*/rebase").hasRole("RULE_EDITOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/rulesets/*/impact", "/rulesets/*/impact").hasAnyRole("RULE_EDITOR", "RULE_APPROVER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/rulesets/*/activate").hasRole("RULE_APPROVER")
                        .requestMatchers(pages("/rulesets/*/activate")).hasRole("RULE_APPROVER")

                        // the reports of the reporting calendar: the province's officers, and auditors (read-only)
                        .requestMatchers(reads("/programmes/{codeScheme}/{provinceCode}/reports",
                                "/programmes/{codeScheme}/{provinceCode}/reports/**")).access(reportReader())

                        // everything else that reads
                        .requestMatchers(reads("/api/**", "/evaluations", "/evaluations/**", "/evaluations.csv",
                                "/evaluations.xlsx", "/rulesets", "/rulesets/**", "/impact-jobs/**", "/programmes/**",
                                "/screenings", "/screenings/*", "/monitoring-reports", "/monitoring-reports/*", "/audit/**")).hasAnyRole(READERS)

                        // what the service does not offer, a method at an address or the address itself, is no role's
                        // to allow: Spring MVC answers 405 (OPTIONS: which methods it takes) or 404 to anyone signed in
                        .requestMatchers(unoffered).authenticated()
                        .anyRequest().denyAll();
    }

    /** GET at these patterns, and HEAD, which Spring MVC answers as the GET without its body. */
    private static RequestMatcher[] reads(String... patterns) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return java.util.Arrays.stream(patterns)
                .flatMap(p -> java.util.stream.Stream.of(path.matcher(HttpMethod.GET, p), path.matcher(HttpMethod.HEAD, p)))
                .toArray(RequestMatcher[]::new);
    }

    /** A page and its form: GET (and HEAD) shows it, POST sends it. */
    private static RequestMatcher[] pages(String... patterns) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return java.util.stream.Stream.concat(java.util.Arrays.stream(reads(patterns)),
                java.util.Arrays.stream(patterns).map(p -> path.matcher(HttpMethod.POST, p))).toArray(RequestMatcher[]::new);
    }

    /** A call of the API carrying no session cookie: only a program's, never a signed-in browser's. */
    static boolean apiWithoutSession(HttpServletRequest request) {
        return request.getRequestedSessionId() == null
                && request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
    }

    /** An auditor, or a programme officer whose provinces include the one in the path (a national one holds all). */
    private static AuthorizationManager<RequestAuthorizationContext> reportReader() {
        return (authentication, context) -> {
            Caller caller = Caller.of(authentication.get()).orElse(null);
            return new AuthorizationDecision(caller != null && (caller.has(Role.AUDITOR) || caller.has(Role.PROGRAMME_OFFICER)
                    && caller.covers(context.getVariables().get("codeScheme"), context.getVariables().get("provinceCode"))));
        };
    }

    /**
     * A programme officer whose provinces include the one in the path. An officer of other provinces is refused as
     * outside their provinces, which {@link Denials} answers as such: their role is the right one.
     */
    private static AuthorizationManager<RequestAuthorizationContext> officerOfProvince() {
        return (authentication, context) -> {
            Caller caller = Caller.of(authentication.get()).orElse(null);
            if (caller == null || !caller.has(Role.PROGRAMME_OFFICER)) return new AuthorizationDecision(false);
            String codeScheme = context.getVariables().get("codeScheme");
            String provinceCode = context.getVariables().get("provinceCode");
            return caller.covers(codeScheme, provinceCode) ? new AuthorizationDecision(true)
                    : new Denials.OutsideProvince(codeScheme, provinceCode);
        };
    }
}
