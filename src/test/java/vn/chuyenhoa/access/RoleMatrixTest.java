package vn.chuyenhoa.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chuyenhoa.support.RunningServer;

/**
 * Issue 6: every endpoint, called as every role, answers as this class's own table says. The endpoints are Spring's
 * list of request mappings, so a new one without a line in {@link #EXPECTED} fails {@link #noEndpointEscapes()}.
 *
 * <p>The table is written here, by hand, from the intended policy — not read from {@code AccessConfig}, which is what
 * it checks. Covered: every {@link RequestMappingInfoHandlerMapping} in the context, that is the application's
 * controllers and springdoc's ({@code /v3/api-docs...}, {@code /swagger-ui.html}) in {@code requestMappingHandlerMapping},
 * and actuator's endpoints ({@code /actuator}, health, info) in actuator's own handler mapping (also a
 * {@code RequestMappingInfoHandlerMapping}). Not
 * covered by the list: static resources served by URL handler mappings ({@code /css/**}, the Swagger UI files under
 * {@code /swagger-ui/**}); a few of those are called by {@link #STATIC} below.
 *
 * <p>Each caller other than the anonymous one sends the bearer token of the demo account holding only that role
 * (ADMIN's is issued here, as the demo administrator has none). A bearer token skips the CSRF check, so a page's form
 * POST reaches authorization as it would from a signed-in browser. The anonymous caller of a page is a browser that
 * opened the sign-in page (it has a session and the form's CSRF token); the anonymous caller of the API is a program
 * with neither. Nothing here puts a version in force: activation is only ever sent without its comment, or by an
 * approver of another province (refused). {@link #everyWriteAsAProvinceLimitedAccount} sends every write as an account
 * that holds its role but not the province of the data it names.
 */
@RunningServer
class RoleMatrixTest {

    // ---- the expected matrix ---------------------------------------------------------------------------------------

    enum Who {
        ANONYMOUS(null, null), EVALUATOR(Role.EVALUATOR, "demo-token-hethong"),
        PROGRAMME_OFFICER(Role.PROGRAMME_OFFICER, "demo-token-canbo-dienbien"),
        RULE_EDITOR(Role.RULE_EDITOR, "demo-token-soanthao"), RULE_APPROVER(Role.RULE_APPROVER, "demo-token-pheduyet"),
        AUDITOR(Role.AUDITOR, "demo-token-kiemtoan"), ADMIN(Role.ADMIN, null),
        MONITOR(Role.MONITOR, "demo-token-giamsat");

        final Role role;
        final String demoToken;

        Who(Role role, String demoToken) {
            this.role = role;
            this.demoToken = demoToken;
        }
    }

    /** Who may: open to all (PUBLIC), the page that says no (DENIED_PAGE: 403 to all, by design), or these roles. */
    enum Kind { PUBLIC, DENIED_PAGE, ROLES }

    record Rule(Kind kind, Set<Role> roles) {
        @Override
        public String toString() {
            return kind == Kind.ROLES ? (roles.isEmpty() ? "nobody" : roles.toString()) : kind.name();
        }
    }

    record Endpoint(String method, String pattern) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint o) {
            int c = pattern.compareTo(o.pattern);
            return c != 0 ? c : method.compareTo(o.method);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static final Rule PUBLIC = new Rule(Kind.PUBLIC, Set.of());
    static final Rule DENIED_PAGE = new Rule(Kind.DENIED_PAGE, Set.of());
    static final Rule NOBODY = new Rule(Kind.ROLES, Set.of());
    static final Rule SIGNED_IN = roles(Role.values());
    /** Everyone whose work is the programme's data reads all of it; ADMIN's work is accounts and tokens. */
    static final Rule READERS = roles(Role.EVALUATOR, Role.PROGRAMME_OFFICER, Role.RULE_EDITOR, Role.RULE_APPROVER, Role.AUDITOR);
    static final Rule EVALUATOR = roles(Role.EVALUATOR);
    /** Province-bound: the demo officer holds QD124_2004:11, the province the matrix fills in (24 is checked apart). */
    static final Rule OFFICER = roles(Role.PROGRAMME_OFFICER);
    static final Rule EDITOR = roles(Role.RULE_EDITOR);
    static final Rule EDITOR_OR_APPROVER = roles(Role.RULE_EDITOR, Role.RULE_APPROVER);
    static final Rule APPROVER = roles(Role.RULE_APPROVER);
    static final Rule ADMIN_OR_AUDITOR = roles(Role.ADMIN, Role.AUDITOR);
    static final Rule ADMIN = roles(Role.ADMIN);

    static final Map<Endpoint, Rule> EXPECTED = new LinkedHashMap<>();

    static {
        // open: signing in, the page saying no, the API's description, health
        expect(PUBLIC, "GET /login");
        expect(DENIED_PAGE, "GET /access-denied", "POST /access-denied");
        expect(PUBLIC, "GET /error", "POST /error");
        expect(PUBLIC, "GET /v3/api-docs", "GET /v3/api-docs/swagger-config", "GET /v3/api-docs.yaml",
                "GET /v3/api-docs/{group}", "GET /v3/api-docs.yaml/{group}", "GET /swagger-ui.html");
        expect(PUBLIC, "GET /actuator/health", "GET /actuator/health/**", "GET /actuator/health/{*path}", "GET /actuator/info");
        // actuator's list of its endpoints is not in the policy: closed
        expect(NOBODY, "GET /actuator");
        // metrics: for the monitoring system only (they name versions and volumes, nothing anonymous should read)
        expect(roles(Role.MONITOR), "GET /actuator/prometheus");

        // the home page
        expect(SIGNED_IN, "GET /");

        // evaluations
        expect(READERS, "GET /api/v1/evaluations", "GET /api/v1/evaluations/{id}", "GET /api/v1/evaluations/{id}/status");
        // a programme officer submits one evaluation too (issue 15), by the API or by the form
        expect(roles(Role.EVALUATOR, Role.PROGRAMME_OFFICER), "POST /api/v1/evaluations");
        expect(EVALUATOR, "POST /api/v1/evaluations/{id}/withdrawal");
        expect(OFFICER, "GET /evaluations/new", "POST /evaluations/new");
        expect(EVALUATOR, "POST /api/v1/evaluation-batches");
        expect(READERS, "GET /api/v1/evaluation-batches/{id}");
        expect(READERS, "POST /api/v1/evaluations/{id}/replay", "POST /evaluations/{id}/replay");
        expect(READERS, "GET /evaluations", "GET /evaluations.csv", "GET /evaluations.xlsx", "GET /evaluations/{id}",
                "GET /evaluations/{id}/print", "GET /evaluations/{id}/pdf");

        // screening, monitoring, programmes
        expect(OFFICER, "POST /api/v1/screenings", "POST /api/v1/monitoring-reports");
        expect(READERS, "GET /api/v1/screenings/{id}", "GET /api/v1/monitoring-reports/{id}");
        expect(OFFICER, "POST /api/v1/programmes/{codeScheme}/{provinceCode}/{year}/areas",
                "POST /api/v1/programmes/{codeScheme}/{provinceCode}/{year}/areas/{areaCode}/transitions",
                "POST /api/v1/programmes/{codeScheme}/{provinceCode}/reorganisation");
        expect(READERS, "GET /api/v1/programmes/{codeScheme}/{provinceCode}",
                "GET /api/v1/programmes/{codeScheme}/{provinceCode}/reorganisation",
                "GET /api/v1/programmes/{codeScheme}/{provinceCode}/{year}/areas/{areaCode}",
                "GET /programmes/go", "GET /programmes/{codeScheme}/{provinceCode}");
        // the officer's pages: reading them is open to readers, their forms only to the officer (of the province)
        expect(READERS, "GET /programmes/{codeScheme}/{provinceCode}/{year}/areas/{areaCode}", "GET /screenings/{id}",
                "GET /screenings", "GET /monitoring-reports",
                "GET /monitoring-reports/{id}");
        expect(OFFICER, "POST /programmes/{codeScheme}/{provinceCode}/{year}/areas",
                "POST /programmes/{codeScheme}/{provinceCode}/{year}/areas/{areaCode}/transitions",
                "GET /screenings/new", "POST /screenings/new", "GET /monitoring-reports/new", "POST /monitoring-reports/new",
                "GET /screenings/form", "POST /screenings/form", "GET /monitoring-reports/form", "POST /monitoring-reports/form");
        // facts by spreadsheet (issue 15): an officer's work, in their provinces, from the template to the results
        expect(OFFICER, "GET /programmes/{codeScheme}/{provinceCode}/facts-sheet",
                "GET /programmes/{codeScheme}/{provinceCode}/facts-sheet/template.xlsx",
                "POST /programmes/{codeScheme}/{provinceCode}/facts-sheet",
                "POST /programmes/{codeScheme}/{provinceCode}/facts-sheet/save",
                "POST /programmes/{codeScheme}/{provinceCode}/facts-sheet/results.xlsx");
        // the reports of the reporting calendar: the province's officers (a national officer holds every province), and
        // auditors, read-only; other readers have no business with a province's reports
        expect(roles(Role.PROGRAMME_OFFICER, Role.AUDITOR), "GET /programmes/{codeScheme}/{provinceCode}/reports",
                "GET /programmes/{codeScheme}/{provinceCode}/reports/{year}/{period}",
                "GET /programmes/{codeScheme}/{provinceCode}/reports/{year}/{period}/xlsx",
                "GET /programmes/{codeScheme}/{provinceCode}/reports/{year}/{period}/pdf");
        expect(READERS, "GET /api/v1/reporting-periods", "GET /api/v1/profiles", "GET /api/v1/profiles/{id}",
                "GET /api/v1/ruleset", "GET /api/v1/audit/verify", "GET /audit/verify");

        // rules
        expect(READERS, "GET /api/v1/rulesets", "GET /api/v1/rulesets/{version}", "GET /api/v1/rulesets/{version}/files/{*path}",
                "GET /api/v1/ruleset-actions", "GET /api/v1/rulesets/{a}/diff/{b}", "GET /api/v1/impact-jobs/{id}");
        expect(READERS, "GET /rulesets", "GET /rulesets/{version}", "GET /rulesets/current.zip", "GET /rulesets/diff",
                "GET /impact-jobs/{id}");
        expect(EDITOR, "POST /api/v1/rulesets", "GET /rulesets/upload", "POST /rulesets/upload",
                "POST /api/v1/rulesets/{version}/rebase", "POST /rulesets/{version}/rebase");
        expect(EDITOR_OR_APPROVER, "POST /api/v1/rulesets/{version}/impact", "POST /rulesets/{version}/impact");
        expect(APPROVER, "POST /api/v1/rulesets/{version}/activate", "GET /rulesets/{version}/activate",
                "POST /rulesets/{version}/activate");

        // accounts and tokens (being added on another branch: lines for absent endpoints are not called)
        expect(ADMIN_OR_AUDITOR, "GET /api/v1/admin/accounts", "GET /api/v1/admin/accounts/{username}",
                "GET /api/v1/admin/tokens", "GET /api/v1/admin/events", "GET /admin", "GET /admin/accounts/{username}");
        expect(ADMIN, "POST /api/v1/admin/accounts", "PUT /api/v1/admin/accounts/{username}",
                "POST /api/v1/admin/accounts/{username}/password", "POST /api/v1/admin/tokens",
                "POST /api/v1/admin/tokens/{id}/revocation", "POST /api/v1/admin/backups", "POST /admin/accounts", "POST /admin/accounts/{username}",
                "POST /admin/accounts/{username}/password", "POST /admin/tokens", "POST /admin/tokens/{id}/revocation");
        expect(ADMIN, "POST /api/v1/admin/accounts/{username}/unlock", "POST /admin/accounts/{username}/unlock");
    }

    // ---- every write as an account limited to provinces ----------------------------------------------------------

    /**
     * What a write does for an account holding its role but limited to provinces, asked about another province's data:
     * refused (403, nothing stored) or, for a write that stores nothing of a province or is not about one, allowed.
     */
    enum Scoped { REFUSED_OUTSIDE, NOT_PROVINCE_BOUND, ITEMS_REFUSED_OUTSIDE }

    static final Map<Endpoint, Scoped> PROVINCE_LIMITED = new LinkedHashMap<>();

    static {
        scoped(Scoped.REFUSED_OUTSIDE, "POST /api/v1/evaluations", "POST /api/v1/evaluations/{id}/withdrawal",
                "POST /api/v1/screenings", "POST /screenings/new", "POST /api/v1/monitoring-reports", "POST /monitoring-reports/new",
                "POST /evaluations/new", "POST /screenings/form", "POST /monitoring-reports/form",
                "POST /api/v1/programmes/{codeScheme}/{provinceCode}/{year}/areas",
                "POST /api/v1/programmes/{codeScheme}/{provinceCode}/{year}/areas/{areaCode}/transitions",
                "POST /programmes/{codeScheme}/{provinceCode}/{year}/areas",
                "POST /programmes/{codeScheme}/{provinceCode}/{year}/areas/{areaCode}/transitions",
                "POST /api/v1/programmes/{codeScheme}/{provinceCode}/reorganisation",
                "POST /programmes/{codeScheme}/{provinceCode}/facts-sheet",
                "POST /programmes/{codeScheme}/{provinceCode}/facts-sheet/save",
                "POST /programmes/{codeScheme}/{provinceCode}/facts-sheet/results.xlsx",
                "POST /api/v1/rulesets", "POST /rulesets/upload", "POST /api/v1/rulesets/{version}/activate",
                "POST /rulesets/{version}/activate", "POST /api/v1/rulesets/{version}/rebase", "POST /rulesets/{version}/rebase");
        // not writes, but province-bound reads: an officer of Điện Biên asking for Bắc Giang's reports is refused
        scoped(Scoped.REFUSED_OUTSIDE, "GET /programmes/{codeScheme}/{provinceCode}/reports",
                "GET /programmes/{codeScheme}/{provinceCode}/reports/{year}/{period}",
                "GET /programmes/{codeScheme}/{provinceCode}/reports/{year}/{period}/xlsx",
                "GET /programmes/{codeScheme}/{provinceCode}/reports/{year}/{period}/pdf");
        // a batch is recorded (201) with each item outside the caller's provinces refused on its own (403 in results)
        scoped(Scoped.ITEMS_REFUSED_OUTSIDE, "POST /api/v1/evaluation-batches");
        // replays and impact previews store nothing, and every reader reads every province
        scoped(Scoped.NOT_PROVINCE_BOUND, "POST /api/v1/evaluations/{id}/replay", "POST /evaluations/{id}/replay",
                "POST /api/v1/rulesets/{version}/impact", "POST /rulesets/{version}/impact");
        // accounts and tokens are the administrator's work, not a province's data
        scoped(Scoped.NOT_PROVINCE_BOUND, "POST /api/v1/admin/accounts", "PUT /api/v1/admin/accounts/{username}",
                "POST /api/v1/admin/accounts/{username}/password", "POST /api/v1/admin/accounts/{username}/unlock",
                "POST /api/v1/admin/tokens", "POST /api/v1/admin/tokens/{id}/revocation", "POST /admin/accounts",
                "POST /admin/accounts/{username}", "POST /admin/accounts/{username}/password",
                "POST /admin/accounts/{username}/unlock", "POST /admin/tokens", "POST /admin/tokens/{id}/revocation",
                "POST /api/v1/admin/backups");
    }

    static void scoped(Scoped s, String... endpoints) {
        for (String e : endpoints) {
            String[] mp = e.split(" ", 2);
            if (PROVINCE_LIMITED.put(new Endpoint(mp[0], mp[1]), s) != null) throw new IllegalStateException("twice: " + e);
        }
    }

    /** Served by URL handler mappings, not request mappings: called too, since the policy names them. */
    static final List<String> STATIC = List.of("/css/pages.css", "/swagger-ui/index.html");

    static Rule roles(Role... roles) {
        return new Rule(Kind.ROLES, roles.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(roles[0], roles)));
    }

    static void expect(Rule rule, String... endpoints) {
        for (String e : endpoints) {
            String[] mp = e.split(" ", 2);
            if (EXPECTED.put(new Endpoint(mp[0], mp[1]), rule) != null) throw new IllegalStateException("twice: " + e);
        }
    }

    // ---- the running application -----------------------------------------------------------------------------------

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Accounts accounts;

    /** Every method and pattern of every request mapping; a mapping without methods counts as GET and POST. */
    Set<Endpoint> mapped() {
        Set<Endpoint> all = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping m : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : m.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                Collection<RequestMethod> ms = methods.isEmpty() ? List.of(RequestMethod.GET, RequestMethod.POST) : methods;
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod method : ms) all.add(new Endpoint(method.name(), pattern));
                }
            }
        }
        return all;
    }

    @Test
    void noEndpointEscapes() {
        Set<Endpoint> mapped = mapped();
        List<String> missing = mapped.stream().filter(e -> !EXPECTED.containsKey(e)).map(Endpoint::toString).toList();
        assertTrue(missing.isEmpty(), "request mappings with no line in RoleMatrixTest.EXPECTED: " + missing);
        // the application's own endpoints are all there (the list is not empty by some mistake of discovery)
        assertTrue(mapped.contains(new Endpoint("POST", "/api/v1/evaluations")), mapped::toString);
        assertTrue(mapped.contains(new Endpoint("GET", "/actuator/health")), mapped::toString);
        assertTrue(mapped.contains(new Endpoint("GET", "/v3/api-docs")), mapped::toString);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAsEveryCaller() {
        Map<Who, String> tokens = tokens();
        String version = activeVersion(tokens.get(Who.AUDITOR));
        Anonymous browser = new Anonymous();
        List<DynamicTest> cells = new ArrayList<>();
        for (Endpoint e : mapped()) {
            Rule rule = EXPECTED.get(e);
            if (rule == null) {
                cells.add(DynamicTest.dynamicTest(e + " has no expectation", () -> fail(e + ": no line in EXPECTED")));
                continue;
            }
            String path = fill(e.pattern(), version);
            for (Who c : Who.values()) {
                String outcome = outcome(e.pattern(), rule, c);
                cells.add(DynamicTest.dynamicTest(e + " as " + c + " → " + outcome, () -> {
                    Answer a = send(e.method(), path, tokens.get(c), c == Who.ANONYMOUS ? browser : null);
                    check(e.pattern(), rule, c, a);
                }));
            }
        }
        for (String path : STATIC) {
            for (Who c : Who.values()) {
                cells.add(DynamicTest.dynamicTest("GET " + path + " as " + c + " → " + outcome(path, PUBLIC, c),
                        () -> check(path, PUBLIC, c, send("GET", path, tokens.get(c), null))));
            }
        }
        return cells.stream();
    }

    /** What the cell's name promises. */
    static String outcome(String pattern, Rule rule, Who c) {
        return switch (rule.kind()) {
            case PUBLIC -> "open";
            case DENIED_PAGE -> "403 page";
            case ROLES -> c == Who.ANONYMOUS ? (api(pattern) ? "401" : "302 /login")
                    : rule.roles().contains(c.role) ? "allowed" : "403";
        };
    }

    /** Machine-facing addresses answer with problem details, never a sign-in redirect or an HTML page. */
    static boolean api(String path) {
        return path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator");
    }

    static void check(String pattern, Rule rule, Who c, Answer a) {
        assertTrue(a.status() < 500, a::describe);
        switch (rule.kind()) {
            case PUBLIC -> {
                assertTrue(a.status() != 401 && a.status() != 403, a::describe);
                assertTrue(!a.redirectsToLogin(), a::describe);
            }
            case DENIED_PAGE -> {
                assertEquals(403, a.status(), a::describe);
                assertEquals("text/html", a.mediaType(), a::describe);
            }
            case ROLES -> {
                if (c == Who.ANONYMOUS) {
                    if (api(pattern)) {
                        assertProblem(a, 401, "urn:chuyenhoa:problem:unauthenticated");
                        assertTrue(a.header("WWW-Authenticate").startsWith("Bearer"), a::describe);
                    } else {
                        assertEquals(302, a.status(), a::describe);
                        assertTrue(a.redirectsToLogin(), a::describe);
                    }
                } else if (rule.roles().contains(c.role)) {
                    assertTrue(a.status() != 401 && a.status() != 403, a::describe);
                } else if (api(pattern)) {
                    assertProblem(a, 403, "urn:chuyenhoa:problem:forbidden");
                } else {
                    assertEquals(403, a.status(), a::describe);
                    assertEquals("text/html", a.mediaType(), a::describe);
                }
            }
        }
    }

    static JsonNode assertProblem(Answer a, int status, String type) {
        assertEquals(status, a.status(), a::describe);
        assertEquals("application/problem+json", a.mediaType(), a::describe);
        JsonNode p = JSON.readTree(a.body());
        assertEquals(status, p.path("status").asInt(), a::describe);
        assertEquals(type, p.path("type").asString(""), a::describe);
        return p;
    }

    // ---- beyond the table: provinces, sessions, CSRF, bad tokens ---------------------------------------------------

    @TestFactory
    Stream<DynamicTest> anOfficerActsOnlyInTheirProvinces() {
        String[] outside = {"/api/v1/programmes/QD124_2004/24/2024/areas", "/api/v1/programmes/QD124_2004/24/reorganisation",
                "/api/v1/programmes/QD124_2004/24/2024/areas/07795/transitions",
                "/programmes/QD124_2004/24/2024/areas", "/programmes/QD124_2004/24/2024/areas/07795/transitions",
                "/programmes/QD124_2004/24/facts-sheet", "/programmes/QD124_2004/24/facts-sheet/save",
                "/programmes/QD124_2004/24/facts-sheet/results.xlsx"};
        return Stream.of(outside).map(p -> DynamicTest.dynamicTest("POST " + p + " as PROGRAMME_OFFICER of 11 → 403",
                () -> {
                    Answer a = send("POST", p, "demo-token-canbo-dienbien", null);
                    // the officer's role is the right one: the answer names the province, not the roles
                    if (api(p)) {
                        JsonNode problem = assertProblem(a, 403, "urn:chuyenhoa:problem:outside-scope");
                        assertEquals("24", problem.path("provinceCode").asString(), a::describe);
                        assertTrue(problem.path("detailVi").asString().contains("không phải Tỉnh Bắc Giang (24);"), a::describe);
                    } else {
                        assertEquals(403, a.status(), a::describe);
                        assertEquals("text/html", a.mediaType(), a::describe);
                        assertTrue(new String(a.body(), java.nio.charset.StandardCharsets.UTF_8).contains("không phải Tỉnh Bắc Giang (24);"), a::describe);
                    }
                }));
    }

    @Test
    void theApiDescriptionTellsCallersToSendABearerToken() {
        Answer a = send("GET", "/v3/api-docs", null, null);
        assertEquals(200, a.status(), a::describe);
        JsonNode doc = JsonMapper.builder().build().readTree(a.body());
        assertEquals("bearer", doc.path("components").path("securitySchemes").path("bearer").path("scheme").asString(), a::describe);
        assertTrue(doc.path("security").toString().contains("bearer"), "every operation asks for it, so Swagger UI sends it");
    }

    @Test
    void healthDeeperThanOneComponentIsRefusedBeforeActuatorCanFailOnIt() {
        assertProblem(send("GET", "/actuator/health/ruleset/x", null, null), 401, "urn:chuyenhoa:problem:unauthenticated");
        assertProblem(send("GET", "/actuator/health/ruleset/x", "demo-token-kiemtoan", null), 403, "urn:chuyenhoa:problem:forbidden");
    }

    @Test
    void aBadBearerTokenIsRefusedNotTreatedAsAnonymous() {
        for (String path : List.of("/api/v1/ruleset", "/evaluations", "/login")) {
            Answer a = send("GET", path, "not-a-token", null);
            assertProblem(a, 401, "urn:chuyenhoa:problem:unauthenticated");
            assertTrue(a.header("WWW-Authenticate").startsWith("Bearer"), a::describe);
        }
    }

    @Test
    void aSignedInPersonPostsToTheApiOnlyWithTheCsrfToken() {
        Anonymous browser = new Anonymous();
        Answer login = browser.signIn("kiemtoan", "chuyenhoa-demo");
        assertEquals(302, login.status(), login::describe);
        assertEquals("/", URI.create(login.header("Location")).getPath(), login::describe);

        assertEquals(200, browser.send("GET", "/api/v1/ruleset", null, null).status(), "the session reads the API");
        String replay = "/api/v1/evaluations/" + UUID.randomUUID() + "/replay";
        assertProblem(browser.send("POST", replay, "application/json", "{}"), 403, "urn:chuyenhoa:problem:csrf");

        String csrf = browser.csrfFrom("/");
        Answer withToken = browser.send("POST", replay, "application/json", "{}", "X-CSRF-TOKEN", csrf);
        assertNotEquals(403, withToken.status(), withToken::describe);
        assertNotEquals(401, withToken.status(), withToken::describe);
    }

    @Test
    void aWrongPasswordGoesBackToTheForm() {
        Anonymous browser = new Anonymous();
        Answer a = browser.signIn("kiemtoan", "not-the-password");
        assertEquals(302, a.status(), a::describe);
        URI to = URI.create(a.header("Location"));
        assertEquals("/login", to.getPath(), a::describe);
        assertEquals("error", to.getQuery(), a::describe);
        assertProblem(browser.send("GET", "/api/v1/ruleset", null, null), 401, "urn:chuyenhoa:problem:unauthenticated");
    }

    @Test
    void repeatedWrongPasswordsLockThatNameOnly() {
        accounts.create("thu.khoa", "Thử khóa", "mat-khau-dung-12", Set.of(Role.AUDITOR), true, Set.of(), "test");
        for (int i = 0; i < 5; i++) {
            Answer wrong = new Anonymous().signIn("thu.khoa", "sai-" + i);
            assertEquals("error", URI.create(wrong.header("Location")).getQuery(), wrong::describe);
        }
        Answer right = new Anonymous().signIn("thu.khoa", "mat-khau-dung-12");
        assertEquals("locked", URI.create(right.header("Location")).getQuery(), "the right password no longer helps: " + right.describe());
        Answer other = new Anonymous().signIn("kiemtoan", "chuyenhoa-demo");
        assertEquals("/", URI.create(other.header("Location")).getPath(), other::describe);
    }

    @Test
    void aSessionActsWithTheAccountAsAnAdministratorLeftIt() {
        accounts.create("thu.phien", "Thử phiên", "mat-khau-dung-12", Set.of(Role.AUDITOR), true, Set.of(), "test");
        Anonymous browser = new Anonymous();
        assertEquals("/", URI.create(browser.signIn("thu.phien", "mat-khau-dung-12").header("Location")).getPath());
        assertEquals(200, browser.send("GET", "/api/v1/ruleset", null, null).status());

        accounts.update("thu.phien", Set.of(Role.ADMIN), true, Set.of(), true, "kiemthu");
        assertProblem(browser.send("GET", "/api/v1/ruleset", null, null), 403, "urn:chuyenhoa:problem:forbidden");

        accounts.update("thu.phien", Set.of(Role.ADMIN), true, Set.of(), false, "kiemthu");
        assertProblem(browser.send("GET", "/api/v1/ruleset", null, null), 401, "urn:chuyenhoa:problem:unauthenticated");
    }

    @Test
    void signingOutEndsTheSession() {
        Anonymous browser = new Anonymous();
        assertEquals(302, browser.signIn("kiemtoan", "chuyenhoa-demo").status());
        assertEquals(200, browser.send("GET", "/", null, null).status());
        String csrf = browser.csrfFrom("/");
        Answer out = browser.send("POST", "/logout", "application/x-www-form-urlencoded", "_csrf=" + enc(csrf));
        assertEquals(302, out.status(), out::describe);
        assertEquals("/login", URI.create(out.header("Location")).getPath(), out::describe);

        Answer home = browser.send("GET", "/", null, null);
        assertEquals(302, home.status(), home::describe);
        assertTrue(home.redirectsToLogin(), home::describe);
        assertProblem(browser.send("GET", "/api/v1/ruleset", null, null), 401, "urn:chuyenhoa:problem:unauthenticated");
    }

    @Test
    void everyWriteHasAProvinceLine() {
        List<String> missing = mapped().stream()
                .filter(e -> !e.method().equals("GET") && EXPECTED.get(e) != null && EXPECTED.get(e).kind() == Kind.ROLES
                        && !EXPECTED.get(e).roles().isEmpty() && !PROVINCE_LIMITED.containsKey(e))
                .map(Endpoint::toString).toList();
        assertTrue(missing.isEmpty(), "writes with no line in RoleMatrixTest.PROVINCE_LIMITED: " + missing);
    }

    /**
     * Issue 10 item 6: each write, sent by an account that holds its role but only other provinces. The finding: an
     * evaluator of one province could withdraw and supersede evaluations of another.
     */
    @TestFactory
    Stream<DynamicTest> everyWriteAsAProvinceLimitedAccount() throws Exception {
        Limited l = limited();
        List<DynamicTest> cells = new ArrayList<>();
        for (Map.Entry<Endpoint, Scoped> e : PROVINCE_LIMITED.entrySet()) {
            Endpoint ep = e.getKey();
            cells.add(DynamicTest.dynamicTest(ep + " as a province-limited account → "
                    + (e.getValue() == Scoped.REFUSED_OUTSIDE ? "403" : "allowed"), () -> {
                vn.chuyenhoa.support.Http.Response r = l.send(ep);
                assertTrue(r.status() < 500, r::describe);
                if (e.getValue() == Scoped.NOT_PROVINCE_BOUND) {
                    assertTrue(r.status() != 401 && r.status() != 403, r::describe);
                } else if (e.getValue() == Scoped.ITEMS_REFUSED_OUTSIDE) {
                    assertEquals(201, r.status(), r::describe);
                    JsonNode answer = JSON.readTree(r.body());
                    assertEquals(0, answer.path("counts").path("stored").asInt(), r::describe);
                    assertEquals(403, answer.path("results").get(0).path("status").asInt(), r::describe);
                    assertEquals("urn:chuyenhoa:problem:outside-scope", answer.path("results").get(0).path("type").asString(),
                            r::describe);
                } else if (api(ep.pattern())) {
                    assertEquals(403, r.status(), r::describe);
                    String type = JSON.readTree(r.body()).path("type").asString();
                    assertTrue(type.equals("urn:chuyenhoa:problem:outside-scope") || type.equals("urn:chuyenhoa:problem:forbidden"), r::describe);
                } else {
                    assertEquals(403, r.status(), r::describe);
                    assertEquals("text/html", r.mediaType(), r::describe);
                }
            }));
        }
        // a supersession is a submission too: its target's province counts, not only the new evaluation's
        cells.add(DynamicTest.dynamicTest("POST /api/v1/evaluations superseding another province's → 403", () -> {
            vn.chuyenhoa.support.Http.Response r = l.evaluator.postJson("/api/v1/evaluations",
                    superseding(example("thi-tran-ngoc-lac.json"), l.nenh));
            assertEquals(403, r.status(), r::describe);
            assertEquals("urn:chuyenhoa:problem:outside-scope", r.json().path("type").asString(), r::describe);
            assertEquals("ACTIVE", l.national.get("/api/v1/evaluations/" + l.nenh + "/status").json().path("state").asString());
        }));
        // issue 15: an officer submits evaluations, of their own provinces only
        cells.add(DynamicTest.dynamicTest("POST /api/v1/evaluations as the officer of Điện Biên for Bắc Giang → 403", () -> {
            vn.chuyenhoa.support.Http.Response r = l.officer.postJson("/api/v1/evaluations", example("phuong-nenh-viet-yen.json"));
            assertEquals(403, r.status(), r::describe);
            assertEquals("urn:chuyenhoa:problem:outside-scope", r.json().path("type").asString(), r::describe);
            assertTrue(r.json().path("detailVi").asString().contains("Bắc Giang"), r::describe);
        }));
        cells.add(DynamicTest.dynamicTest("POST /api/v1/evaluations as the officer of Điện Biên for Điện Biên → 201", () -> {
            vn.chuyenhoa.support.Http.Response r = l.officer.postJson("/api/v1/evaluations", DIEN_BIEN_EVALUATION);
            assertEquals(201, r.status(), r::describe);
            String id = r.json().path("id").asString();
            JsonNode listed = null;
            for (JsonNode item : l.national.get("/api/v1/evaluations?codeScheme=QD124_2004&areaCode=03160").json().path("items")) {
                if (item.path("id").asString().equals(id)) listed = item;
            }
            assertEquals("canbo.dienbien", listed == null ? null : listed.path("submittedBy").asString(),
                    "the officer is recorded as the submitter");
        }));
        cells.add(DynamicTest.dynamicTest("withdrawal of another province's evaluation leaves it in force", () -> {
            l.evaluator.postJson("/api/v1/evaluations/" + l.nenh + "/withdrawal", "{\"reason\":\"thử\"}");
            assertEquals("ACTIVE", l.national.get("/api/v1/evaluations/" + l.nenh + "/status").json().path("state").asString());
        }));
        return cells.stream();
    }

    @Test
    void aSupersessionNamesAnEvaluationOfTheSameArea() throws Exception {
        vn.chuyenhoa.support.Http national = new vn.chuyenhoa.support.Http(port);
        String nenh = national.postJson("/api/v1/evaluations", example("phuong-nenh-viet-yen.json")).json().path("id").asString();
        vn.chuyenhoa.support.Http.Response other = national.postJson("/api/v1/evaluations",
                superseding(example("thi-tran-ngoc-lac.json"), nenh));
        assertEquals(409, other.status(), other::describe);
        assertEquals("urn:chuyenhoa:problem:different-area", other.json().path("type").asString(), other::describe);
        assertTrue(other.json().path("detailVi").asString().contains("Phường Nếnh"), other::describe);
        assertEquals("ACTIVE", national.get("/api/v1/evaluations/" + nenh + "/status").json().path("state").asString());

        vn.chuyenhoa.support.Http.Response same = national.postJson("/api/v1/evaluations",
                superseding(example("phuong-nenh-viet-yen.json"), nenh));
        assertEquals(201, same.status(), same::describe);
        assertEquals("SUPERSEDED", national.get("/api/v1/evaluations/" + nenh + "/status").json().path("state").asString());
    }

    /** Xã Mường Phăng (Điện Biên), 2024: the demo officer's own province. */
    static final String DIEN_BIEN_EVALUATION = """
            {"area": {"codeScheme": "QD124_2004", "code": "03160"}, "period": {"from": "2024-01-01", "to": "2024-12-31"},
             "facts": {"tipsReceived": 12, "tipsResolved": 12, "casesOccurred": 5, "casesCleared": 4}}""";

    static String example(String name) throws IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("examples", name));
    }

    static String superseding(String body, String id) {
        return body.replaceFirst("\\{", "{\"supersedes\": \"" + id + "\", \"reason\": \"Sửa số liệu\", ");
    }

    /** Accounts that hold a write's role but not the province its data is in, and that data. */
    final class Limited {
        vn.chuyenhoa.support.Http national, evaluator, officer, editor, approver, admin;
        String nenh, version;
        byte[] ngocLacEdit;

        vn.chuyenhoa.support.Http.Response send(Endpoint e) throws IOException {
            String form = "application/x-www-form-urlencoded";
            java.nio.charset.Charset utf8 = StandardCharsets.UTF_8;
            return switch (e.toString()) {
                // Phường Nếnh is in Bắc Giang (24); the evaluator holds Điện Biên (11) and Thanh Hóa (38)
                case "POST /api/v1/evaluations" -> evaluator.postJson("/api/v1/evaluations", example("phuong-nenh-viet-yen.json"));
                case "POST /api/v1/evaluation-batches" -> evaluator.postJson("/api/v1/evaluation-batches",
                        "{\"items\": [" + example("phuong-nenh-viet-yen.json") + "]}");
                case "POST /api/v1/evaluations/{id}/withdrawal" -> evaluator.postJson("/api/v1/evaluations/" + nenh + "/withdrawal", "{\"reason\":\"thử\"}");
                case "POST /api/v1/evaluations/{id}/replay" -> evaluator.post("/api/v1/evaluations/" + nenh + "/replay", null, new byte[0]);
                case "POST /evaluations/{id}/replay" -> evaluator.post("/evaluations/" + nenh + "/replay", form, new byte[0]);
                // the officer holds Điện Biên (11); Thanh Hóa is 38, Bắc Giang 24
                case "POST /api/v1/screenings" -> officer.postJson("/api/v1/screenings", example("screening-thanh-hoa.json"));
                case "POST /screenings/new" -> officer.post("/screenings/new", form,
                        ("body=" + enc(example("screening-thanh-hoa.json"))).getBytes(utf8));
                // the forms: a commune of Bắc Giang / Thanh Hóa typed into the officer's form (the pickers offer only
                // Điện Biên's); the API's province check refuses it
                case "POST /evaluations/new" -> officer.post("/evaluations/new", form, ("action=preview&area=07795"
                        + "&period.from=15%2F03%2F2024&period.to=12%2F12%2F2024&facts.tipsReceived=41&facts.tipsResolved=41").getBytes(utf8));
                case "POST /screenings/form" -> officer.post("/screenings/form", form, ("action=send&year=2025&rows=1"
                        + "&period.from=15%2F12%2F2023&period.to=14%2F12%2F2024&candidates%5B0%5D.area=15118"
                        + "&candidates%5B0%5D.facts.residents=11.800").getBytes(utf8));
                case "POST /monitoring-reports/form" -> officer.post("/monitoring-reports/form", form, ("action=send&area=15061"
                        + "&recognisedOn=20%2F12%2F2024&period.from=15%2F03%2F2025&period.to=14%2F06%2F2025"
                        + "&baselinePeriod.from=06%2F06%2F2024&baselinePeriod.to=05%2F09%2F2024&proposedAgain=false"
                        + "&facts.crimesBaseline=22&facts.crimesCurrent=15").getBytes(utf8));
                case "POST /api/v1/monitoring-reports" -> officer.postJson("/api/v1/monitoring-reports",
                        example("monitoring-thi-tran-ngoc-lac-stable.json"));
                case "POST /monitoring-reports/new" -> officer.post("/monitoring-reports/new", form,
                        ("body=" + enc(example("monitoring-thi-tran-ngoc-lac-stable.json"))).getBytes(utf8));
                case "POST /api/v1/programmes/{codeScheme}/{provinceCode}/{year}/areas" ->
                        officer.postJson("/api/v1/programmes/QD124_2004/24/2024/areas", "{}");
                case "POST /api/v1/programmes/{codeScheme}/{provinceCode}/{year}/areas/{areaCode}/transitions" ->
                        officer.postJson("/api/v1/programmes/QD124_2004/24/2024/areas/07795/transitions", "{}");
                case "POST /api/v1/programmes/{codeScheme}/{provinceCode}/reorganisation" ->
                        officer.postJson("/api/v1/programmes/QD124_2004/24/reorganisation", "{}");
                case "POST /programmes/{codeScheme}/{provinceCode}/{year}/areas" ->
                        officer.post("/programmes/QD124_2004/24/2024/areas", form, new byte[0]);
                case "POST /programmes/{codeScheme}/{provinceCode}/facts-sheet" ->
                        officer.post("/programmes/QD124_2004/24/facts-sheet", form, new byte[0]);
                case "POST /programmes/{codeScheme}/{provinceCode}/facts-sheet/save" ->
                        officer.post("/programmes/QD124_2004/24/facts-sheet/save", form, "payload=W10&version=x".getBytes(utf8));
                case "POST /programmes/{codeScheme}/{provinceCode}/facts-sheet/results.xlsx" ->
                        officer.post("/programmes/QD124_2004/24/facts-sheet/results.xlsx", form, new byte[0]);
                case "POST /programmes/{codeScheme}/{provinceCode}/{year}/areas/{areaCode}/transitions" ->
                        officer.post("/programmes/QD124_2004/24/2024/areas/07795/transitions", form, new byte[0]);
                case "GET /programmes/{codeScheme}/{provinceCode}/reports" -> officer.get("/programmes/QD124_2004/24/reports");
                case "GET /programmes/{codeScheme}/{provinceCode}/reports/{year}/{period}" ->
                        officer.get("/programmes/QD124_2004/24/reports/2024/QUARTER_I");
                case "GET /programmes/{codeScheme}/{provinceCode}/reports/{year}/{period}/xlsx" ->
                        officer.get("/programmes/QD124_2004/24/reports/2024/QUARTER_I/xlsx");
                case "GET /programmes/{codeScheme}/{provinceCode}/reports/{year}/{period}/pdf" ->
                        officer.get("/programmes/QD124_2004/24/reports/2024/QUARTER_I/pdf");
                // the editor and the approver hold Bắc Giang (24); the change is Ngọc Lặc's (Thanh Hóa, 38)
                case "POST /api/v1/rulesets" -> editor.postMultipart("/api/v1/rulesets", Map.of("comment", "Ngọc Lặc"),
                        Map.of("profiles.drl.xlsx", ngocLacEdit));
                case "POST /rulesets/upload" -> editor.postMultipart("/rulesets/upload", Map.of("comment", "Ngọc Lặc"),
                        Map.of("profiles.drl.xlsx", ngocLacEdit));
                // rebasing the national editor's draft of Ngọc Lặc: the draft's change is checked before its staleness
                case "POST /api/v1/rulesets/{version}/rebase" -> editor.postJson("/api/v1/rulesets/" + version + "/rebase", "{}");
                case "POST /rulesets/{version}/rebase" -> editor.post("/rulesets/" + version + "/rebase", form, new byte[0]);
                case "POST /api/v1/rulesets/{version}/impact" -> editor.postJson("/api/v1/rulesets/" + version + "/impact", "{}");
                case "POST /rulesets/{version}/impact" -> editor.post("/rulesets/" + version + "/impact", form, new byte[0]);
                case "POST /api/v1/rulesets/{version}/activate" -> approver.postJson("/api/v1/rulesets/" + version + "/activate",
                        "{\"comment\":\"Phê duyệt\"}");
                case "POST /rulesets/{version}/activate" -> approver.post("/rulesets/" + version + "/activate", form,
                        "comment=ok&confirm=yes".getBytes(utf8));
                // an administrator of one province (accounts are not a province's data): the requests are incomplete,
                // answered 400/404, never 403
                default -> {
                    String path = fill(e.pattern(), version);
                    if (e.method().equals("PUT")) {
                        yield admin.send(e.method(), path, "application/json", "{}");
                    }
                    yield api(path) ? admin.postJson(path, "{}") : admin.post(path, form, new byte[0]);
                }
            };
        }
    }

    Limited limited() throws IOException {
        Limited l = new Limited();
        l.national = new vn.chuyenhoa.support.Http(port);
        accounts.create("tinh.danhgia", "Hệ thống tỉnh (thử)", null, Set.of(Role.EVALUATOR), false,
                Set.of("QD124_2004:11", "QD124_2004:38"), "test");
        accounts.create("tinh.pheduyet", "Phê duyệt tỉnh Bắc Giang (thử)", null, Set.of(Role.RULE_APPROVER), false,
                Set.of("QD124_2004:24"), "test");
        accounts.create("tinh.quantri", "Quản trị tỉnh Điện Biên (thử)", null, Set.of(Role.ADMIN), false,
                Set.of("QD124_2004:11"), "test");
        l.evaluator = l.national.as(accounts.issueToken("tinh.danhgia", "matrix", "test").secret());
        l.approver = l.national.as(accounts.issueToken("tinh.pheduyet", "matrix", "test").secret());
        l.admin = l.national.as(accounts.issueToken("tinh.quantri", "matrix", "test").secret());
        l.officer = l.national.as("demo-token-canbo-dienbien");
        l.editor = l.national.as("demo-token-soanthao-bacgiang");
        l.nenh = l.national.postJson("/api/v1/evaluations", example("phuong-nenh-viet-yen.json")).json().path("id").asString();
        // the editor's own edit differs from the stored version's: identical files would only name that version
        l.ngocLacEdit = ngocLacLegalBasis("Kế hoạch của UBND huyện Ngọc Lặc năm 2024 (bản của tỉnh khác)");
        vn.chuyenhoa.support.Http.Response v = l.national.postMultipart("/api/v1/rulesets", Map.of("comment", "Ngọc Lặc (thử)"),
                Map.of("profiles.drl.xlsx", ngocLacLegalBasis("Kế hoạch của UBND huyện Ngọc Lặc năm 2024 (sửa đổi)")));
        assertTrue(v.status() == 201 || v.status() == 200, v::describe);
        l.version = v.json().path("version").asString();
        return l;
    }

    /** The shipped profiles with the legal basis of Ngọc Lặc's first threshold row reworded. */
    static byte[] ngocLacLegalBasis(String text) throws IOException {
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                java.nio.file.Files.newInputStream(java.nio.file.Path.of("decision-tables/profiles.drl.xlsx")))) {
            org.apache.poi.ss.usermodel.Sheet s = wb.getSheet("Thresholds");
            for (org.apache.poi.ss.usermodel.Row r : s) {
                org.apache.poi.ss.usermodel.Cell a = r.getCell(0);
                if (a != null && "NGOC_LAC_2024".equals(a.toString())) {
                    r.getCell(4, org.apache.poi.ss.usermodel.Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                            .setCellValue(text);
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    wb.write(out);
                    return out.toByteArray();
                }
            }
        }
        throw new IllegalStateException("no NGOC_LAC_2024 threshold row");
    }

    // ---- requests --------------------------------------------------------------------------------------------------

    record Answer(String request, int status, java.net.http.HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        String mediaType() {
            return header("Content-Type").split(";")[0].strip();
        }

        boolean redirectsToLogin() {
            return status / 100 == 3 && URI.create(header("Location")).getPath().equals("/login");
        }

        String describe() {
            String t = new String(body, StandardCharsets.UTF_8);
            return request + " → " + status + " " + mediaType() + " " + header("Location") + " "
                    + (t.length() > 600 ? t.substring(0, 600) + "…" : t);
        }
    }

    static final Pattern VARIABLE = Pattern.compile("\\{\\*?(\\w+)(:[^}]*)?}");

    /** A plausible address for the pattern: a province the demo officer holds, the version in force, a fresh id. */
    static String fill(String pattern, String version) {
        Map<String, String> values = Map.of("codeScheme", "QD124_2004", "provinceCode", "11", "year", "2024",
                "areaCode", "03124", "username", "kiemtoan", "version", version, "a", version, "b", version,
                // a health component by name (a path of two segments, e.g. health/a/b, is a 500 in Boot 4.1.2's actuator)
                "path", pattern.startsWith("/actuator/health/") ? "ruleset" : "decision-tables/profiles.drl.xlsx",
                "group", "x");
        Matcher m = VARIABLE.matcher(pattern.replace("/**", "/{*path}"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), UUID.randomUUID().toString())));
        }
        m.appendTail(out);
        return out.toString();
    }

    Map<Who, String> tokens() {
        Map<Who, String> tokens = new LinkedHashMap<>();
        for (Who c : Who.values()) if (c.demoToken != null) tokens.put(c, c.demoToken);
        tokens.put(Who.ADMIN, accounts.issueToken("quantri", "matrix", "test").secret());
        return tokens;
    }

    String activeVersion(String auditorToken) {
        Answer a = send("GET", "/api/v1/ruleset", auditorToken, null);
        assertEquals(200, a.status(), a::describe);
        return JSON.readTree(a.body()).path("version").asString();
    }

    /**
     * One request, redirects not followed. POST and PUT carry {@code {}} to the API and an empty form to pages; the
     * anonymous browser's form carries its CSRF token, as the sign-in page gave it.
     */
    Answer send(String method, String path, String token, Anonymous browser) {
        boolean write = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        String type = !write ? null : api(path) ? "application/json" : "application/x-www-form-urlencoded";
        String body = !write ? null : api(path) ? "{}" : browser != null ? "_csrf=" + enc(browser.csrf()) : "";
        if (browser != null && !api(path)) return browser.send(method, path, type, body);
        List<String> headers = token == null ? List.of() : List.of("Authorization", "Bearer " + token);
        return exchange(PLAIN, method, path, type, body, headers.toArray(String[]::new));
    }

    static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT).build();

    Answer exchange(HttpClient client, String method, String path, String type, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) b.header("Content-Type", type);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(method + " " + path, r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    /** A browser: its cookies (the session), and the CSRF token of the last form it read. */
    final class Anonymous {
        final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).connectTimeout(TIMEOUT).build();
        String csrf;

        String csrf() {
            if (csrf == null) csrf = csrfFrom("/login");
            return csrf;
        }

        String csrfFrom(String page) {
            Answer a = send("GET", page, null, null);
            assertEquals(200, a.status(), a::describe);
            Matcher input = CSRF_INPUT.matcher(new String(a.body(), StandardCharsets.UTF_8));
            assertTrue(input.find(), () -> "no _csrf input: " + a.describe());
            Matcher value = VALUE.matcher(input.group());
            assertTrue(value.find(), input::group);
            return value.group(1).replace("&#45;", "-").replace("&amp;", "&");
        }

        Answer signIn(String username, String password) {
            return send("POST", "/login", "application/x-www-form-urlencoded",
                    "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf()));
        }

        Answer send(String method, String path, String type, String body, String... headers) {
            return exchange(client, method, path, type, body, headers);
        }
    }
}
