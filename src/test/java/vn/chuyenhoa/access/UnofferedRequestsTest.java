package vn.chuyenhoa.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RunningServer;

/**
 * What no role line of the table takes: a method an address does not take (405 for anyone signed in) and an address
 * the service does not have, whatever the method (404 for anyone signed in); both 401 for a caller not signed in. Both are found by the one scan of the
 * request mappings, which sits at the end of the table, so a request a role line matches (every evaluation) never
 * pays for it; the lines written for pages and forms therefore name the methods their controllers take, else they
 * would catch a wrong method first and answer 403.
 */
@RunningServer
class UnofferedRequestsTest {

    static final String APPROVER = "demo-token-pheduyet", EDITOR = "demo-token-soanthao", AUDITOR = "demo-token-kiemtoan",
            OFFICER = "demo-token-canbo";

    @LocalServerPort
    int port;

    @Autowired
    List<SecurityFilterChain> chains;

    @Autowired
    JdbcTemplate jdbc;

    String version;

    @BeforeEach
    void activeVersion() {
        version = jdbc.queryForObject("SELECT to_version FROM ruleset_action WHERE action = 'ACTIVATED'"
                + " ORDER BY seq DESC FETCH FIRST 1 ROW ONLY", String.class);
    }

    @Test
    void theScanOfTheMappingsComesAfterEveryRoleLine() throws ReflectiveOperationException {
        Field mappings = RequestMatcherDelegatingAuthorizationManager.class.getDeclaredField("mappings");
        mappings.setAccessible(true);
        assertEquals(2, chains.size(), "the token chain and the session chain");
        for (SecurityFilterChain chain : chains) {
            AuthorizationFilter filter = chain.getFilters().stream().filter(AuthorizationFilter.class::isInstance)
                    .map(AuthorizationFilter.class::cast).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            List<RequestMatcherEntry<?>> table = (List<RequestMatcherEntry<?>>) mappings.get(
                    assertInstanceOf(RequestMatcherDelegatingAuthorizationManager.class, filter.getAuthorizationManager()));
            assertInstanceOf(AnyRequestMatcher.class, table.get(table.size() - 1).getRequestMatcher(), "denyAll last");
            assertInstanceOf(Unoffered.class, table.get(table.size() - 2).getRequestMatcher(),
                    "the scan just before denyAll, after every role line");
            assertEquals(1, table.stream().filter(e -> e.getRequestMatcher() instanceof Unoffered).count());
        }
    }

    /** One line of the table, written with the methods its controllers take. */
    record Line(String path, String rightRole, String right, String wrongRole, String wrong) {}

    @Test
    void aWrongMethodOnALineOfPagesAndFormsIs405ForItsRoleTheRightOneStillWorksAndAnotherRoleIs403() {
        List<Line> lines = List.of(
                new Line("/api/v1/rulesets/" + version + "/activate", APPROVER, "POST", EDITOR, "PUT"),
                new Line("/rulesets/" + version + "/activate", APPROVER, "GET", EDITOR, "PUT"),
                new Line("/rulesets/" + version + "/activate", APPROVER, "POST", AUDITOR, "PUT"),
                new Line("/api/v1/admin/tokens", Http.TESTER, "POST", AUDITOR, "PUT"),
                new Line("/api/v1/admin/accounts", Http.TESTER, "POST", AUDITOR, "PUT"),
                new Line("/api/v1/admin/accounts/kiemtoan", Http.TESTER, "PUT", AUDITOR, "POST"),
                new Line("/admin/accounts", Http.TESTER, "POST", AUDITOR, "PUT"),
                new Line("/admin/tokens", Http.TESTER, "POST", AUDITOR, "PUT"),
                new Line("/evaluations/new", OFFICER, "GET", AUDITOR, "PUT"),
                new Line("/screenings/form", OFFICER, "GET", EDITOR, "PUT"),
                new Line("/monitoring-reports/form", OFFICER, "GET", EDITOR, "PUT"));
        for (Line l : lines) {
            Http right = new Http(port, l.rightRole()), wrongRole = new Http(port, l.wrongRole());
            // nothing stored: an empty form or body is refused by the controller, which is what "reached it" means here
            String type = l.path().startsWith("/api/") ? Http.JSON : "application/x-www-form-urlencoded";
            Http.Response wrongMethod = right.send(l.wrong(), l.path(), type, "{}");
            assertEquals(405, wrongMethod.status(), wrongMethod::describe);
            assertTrue(wrongMethod.header("Allow").orElse("").contains(l.right()), wrongMethod::describe);
            Http.Response reached = right.send(l.right(), l.path(), type, "");
            assertFalse(Set.of(401, 403, 405).contains(reached.status()) || reached.status() >= 500, reached::describe);
            Http.Response refused = wrongRole.send(l.right(), l.path(), type, "");
            assertEquals(403, refused.status(), refused::describe);
        }
        // OPTIONS says which methods an address takes, to anyone signed in, on these lines as on any other
        for (String path : new String[] {"/api/v1/admin/accounts", "/evaluations/new", "/rulesets/" + version + "/activate"}) {
            Http.Response options = new Http(port, AUDITOR).send("OPTIONS", path, null, "");
            assertEquals(200, options.status(), options::describe);
            assertTrue(options.header("Allow").isPresent(), options::describe);
        }
    }

    /**
     * Whatever the method: DELETE and PATCH, which no endpoint takes, and one nobody defined, are asked who calls as
     * POST is, not refused with 405 before sign-in as if the address existed.
     */
    @Test
    void anyMethodOnAnAddressTheServiceDoesNotHaveIs404SignedInAnd401Anonymous() {
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE", "PATCH", "PROPFIND"}) {
            for (String path : new String[] {"/api/v1/nothing-here", "/api/v1/evaluations/x/nothing"}) {
                for (String token : new String[] {AUDITOR, OFFICER, "demo-token-hethong"}) {
                    Http.Response r = new Http(port, token).send(method, path, Http.JSON, "{}");
                    JsonNode p = Http.assertProblem(r, 404);
                    assertEquals("urn:chuyenhoa:problem:not-found", p.path("type").asString(), r::describe);
                    assertFalse(p.path("detailVi").asString("").isBlank(), r::describe);
                }
                Http.Response anonymous = new Http(port, null).send(method, path, Http.JSON, "{}");
                JsonNode p = Http.assertProblem(anonymous, 401);
                assertEquals("urn:chuyenhoa:problem:unauthenticated", p.path("type").asString(), anonymous::describe);
            }
        }
        // a page address: the same 404 for anyone signed in
        for (String method : new String[] {"POST", "DELETE", "PATCH"}) {
            Http.Response page = new Http(port, AUDITOR).send(method, "/nothing-here", "application/x-www-form-urlencoded", "a=b");
            assertEquals(404, page.status(), page::describe);
        }
    }

    /**
     * An address the service has, but not for DELETE or PATCH: 405 with Allow once signed in, as for PUT; 401 before
     * (pages: a form without its CSRF token is refused before that, whatever the method).
     */
    @Test
    void deleteOrPatchOnAnAddressThatExistsIs405WithAllowSignedInAnd401Anonymous() {
        for (String method : new String[] {"DELETE", "PATCH", "PUT"}) {
            for (String path : new String[] {"/api/v1/evaluations", "/api/v1/rulesets/" + version, "/evaluations"}) {
                Http.Response r = new Http(port, AUDITOR).send(method, path, Http.JSON, "{}");
                JsonNode p = Http.assertProblem(r, 405);
                assertEquals("urn:chuyenhoa:problem:method-not-allowed", p.path("type").asString(), r::describe);
                assertTrue(r.header("Allow").filter(a -> a.contains("GET") && !a.contains(method)).isPresent(), r::describe);
                if (path.startsWith("/api/")) Http.assertProblem(new Http(port, null).send(method, path, Http.JSON, "{}"), 401);
            }
        }
    }
}
