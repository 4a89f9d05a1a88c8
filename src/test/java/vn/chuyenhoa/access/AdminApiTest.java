package vn.chuyenhoa.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.support.Http.assertFieldError;
import static vn.chuyenhoa.support.Http.assertProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Http;

/**
 * Accounts and tokens through /api/v1/admin: an administrator gives a system a token that evaluates until revoked or
 * the account disabled; the database never holds a secret; auditors read but change nothing; every bad field is named.
 */
// a server of its own: it finds the demo administrator holding no token and creates canbo.bacgiang, as
// AdminPagesTest does on the shared server
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:adminapi;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false"})
class AdminApiTest {

    static final String AUDITOR = "demo-token-kiemtoan", EVALUATOR = "demo-token-hethong";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http admin;

    @BeforeEach
    void setUp() {
        admin = new Http(port);
    }

    static String example() throws Exception {
        return Files.readString(Path.of("examples/phuong-nenh-viet-yen.json"));
    }

    /** A token-only system account of Bắc Giang, created through the API. */
    JsonNode createSystem(String username) {
        Http.Response r = admin.postJson("/api/v1/admin/accounts", """
                {"username": "%s", "displayName": "Hệ thống báo cáo tỉnh Bắc Giang", "password": null,
                 "roles": ["EVALUATOR"], "national": false, "provinces": ["QD124_2004:24"]}""".formatted(username));
        assertEquals(201, r.status(), r::describe);
        assertEquals("/api/v1/admin/accounts/" + username, admin.resolve(r.header("Location").orElseThrow()).getPath(), r::describe);
        return r.json();
    }

    JsonNode issue(String username, String label) {
        Http.Response r = admin.postJson("/api/v1/admin/tokens", """
                {"username": "%s", "label": "%s"}""".formatted(username, label));
        assertEquals(201, r.status(), r::describe);
        return r.json();
    }

    /** {@link Http} has no PUT; the accounts API is the one place that uses it. */
    Http.Response put(String token, String path, String json) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(admin.resolve(path))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", Http.JSON)
                .header("Authorization", "Bearer " + token).build();
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return new Http.Response("PUT", request.uri(), r.statusCode(), r.headers(), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAdministratorGivesASystemATokenThatEvaluatesUntilRevoked() throws Exception {
        JsonNode created = createSystem("hethong.bacgiang");
        assertEquals(List.of("EVALUATOR"), List.of(created.get("roles").get(0).asString()));
        assertFalse(created.get("hasPassword").asBoolean(), created::toString);
        assertFalse(created.get("national").asBoolean());
        assertEquals("QD124_2004:24", created.get("provinces").get(0).asString());
        assertEquals("kiemthu", created.get("createdBy").asString());

        JsonNode issued = issue("hethong.bacgiang", "Máy chủ báo cáo Bắc Giang");
        String secret = issued.get("token").asString();
        String id = issued.get("id").asString();
        assertTrue(secret.length() >= 40, issued::toString);
        assertFalse(issued.get("noteVi").asString().isBlank());
        assertTrue(issued.get("note").asString().contains("only once"), issued::toString);

        // the database keeps the hash of the secret and nothing from which the secret could be read
        assertEquals(Accounts.sha256(secret), jdbc.queryForObject("SELECT token_hash FROM api_token WHERE id = ?",
                String.class, UUID.fromString(id)));
        assertTrue(Accounts.sha256(secret).matches("[0-9a-f]{64}"));
        List<String> dump = jdbc.queryForList("SCRIPT", String.class);
        assertTrue(dump.stream().noneMatch(line -> line.contains(secret)), "the secret is stored somewhere");
        assertTrue(dump.stream().anyMatch(line -> line.contains(Accounts.sha256(secret))), "the dump holds the hash");

        // only the issuing answer shows it
        Http.Response tokens = admin.get("/api/v1/admin/tokens");
        assertEquals(200, tokens.status(), tokens::describe);
        assertTrue(tokens.text().contains(id) && !tokens.text().contains(secret), tokens::describe);
        Http.Response account = admin.get("/api/v1/admin/accounts/hethong.bacgiang");
        assertEquals(id, account.json().get("tokens").get(0).get("id").asString(), account::describe);
        assertTrue(account.json().get("tokens").get(0).get("live").asBoolean());
        assertFalse(account.text().contains(secret), account::describe);

        Http.Response evaluated = admin.as(secret).postJson("/api/v1/evaluations", example());
        assertEquals(201, evaluated.status(), evaluated::describe);
        UUID evaluation = UUID.fromString(evaluated.json().get("id").asString());
        assertEquals("hethong.bacgiang", jdbc.queryForObject("SELECT submitter FROM evaluation WHERE id = ?",
                String.class, evaluation));

        Http.Response revoked = admin.post("/api/v1/admin/tokens/" + id + "/revocation", null, new byte[0]);
        assertEquals(200, revoked.status(), revoked::describe);
        assertFalse(revoked.json().get("live").asBoolean(), revoked::describe);
        assertEquals("kiemthu", revoked.json().get("revokedBy").asString());
        assertFalse(revoked.json().get("revokedAt").isNull());

        Http.Response refused = admin.as(secret).postJson("/api/v1/evaluations", example());
        assertProblem(refused, 401);
        assertTrue(refused.header("WWW-Authenticate").orElse("").startsWith("Bearer"), refused::describe);
        assertEquals(401, admin.as(secret).get("/api/v1/ruleset").status(), "revoked for reading too");

        Http.Response again = admin.post("/api/v1/admin/tokens/" + id + "/revocation", null, new byte[0]);
        assertEquals(200, again.status(), again::describe);
        assertEquals(revoked.json().get("revokedAt").asString(), again.json().get("revokedAt").asString(), "revoked once");
        assertProblem(admin.post("/api/v1/admin/tokens/" + UUID.randomUUID() + "/revocation", null, new byte[0]), 404);
        assertProblem(admin.post("/api/v1/admin/tokens/not-a-uuid/revocation", null, new byte[0]), 404);
        assertProblem(admin.post("/api/v1/admin/tokens/1-1-1-1-1/revocation", null, new byte[0]), 404);

        // who did what, newest first
        Http.Response events = admin.get("/api/v1/admin/events?limit=1000");
        assertEquals(200, events.status(), events::describe);
        List<String> mine = new java.util.ArrayList<>();
        for (JsonNode e : events.json()) {
            if (e.get("username").asString().equals("hethong.bacgiang")) {
                assertEquals("kiemthu", e.get("actor").asString(), e::toString);
                mine.add(e.get("action").asString());
            }
        }
        assertEquals(List.of("TOKEN_REVOKED", "TOKEN_ISSUED", "ACCOUNT_CREATED"), mine);
        assertFalse(events.text().contains(secret));
    }

    @Test
    void disablingAnAccountStopsItsTokensAndEnablingRestoresThem() {
        createSystem("hethong.tam");
        String secret = issue("hethong.tam", "tạm").get("token").asString();
        assertEquals(200, admin.as(secret).get("/api/v1/ruleset").status());

        Http.Response disabled = put(Http.TESTER, "/api/v1/admin/accounts/hethong.tam", """
                {"roles": ["EVALUATOR"], "national": false, "provinces": ["QD124_2004:24"], "enabled": false}""");
        assertEquals(200, disabled.status(), disabled::describe);
        assertFalse(disabled.json().get("enabled").asBoolean());
        Http.Response refused = admin.as(secret).get("/api/v1/ruleset");
        assertProblem(refused, 401);
        assertTrue(refused.header("WWW-Authenticate").orElse("").startsWith("Bearer"), refused::describe);
        assertFieldError(admin.postJson("/api/v1/admin/tokens", "{\"username\": \"hethong.tam\", \"label\": \"x\"}"),
                "username", "invalid_value");

        Http.Response enabled = put(Http.TESTER, "/api/v1/admin/accounts/hethong.tam", """
                {"roles": ["EVALUATOR", "AUDITOR"], "national": true, "enabled": true}""");
        assertEquals(200, enabled.status(), enabled::describe);
        assertEquals(2, enabled.json().get("roles").size());
        assertTrue(enabled.json().get("national").asBoolean());
        assertEquals(200, admin.as(secret).get("/api/v1/ruleset").status(), "a token not revoked works again");
        assertEquals(200, admin.as(secret).get("/api/v1/admin/accounts").status(), "with the roles given since");
    }

    @Test
    void anAuditorReadsAccountsButChangesNothing() {
        Http auditor = admin.as(AUDITOR);
        for (String path : List.of("/api/v1/admin/accounts", "/api/v1/admin/accounts/quantri", "/api/v1/admin/tokens",
                "/api/v1/admin/events")) {
            Http.Response r = auditor.get(path);
            assertEquals(200, r.status(), r::describe);
        }
        int accounts = jdbc.queryForObject("SELECT COUNT(*) FROM account", Integer.class);
        assertProblem(auditor.postJson("/api/v1/admin/accounts", """
                {"username": "ke.gian", "displayName": "x", "roles": ["ADMIN"], "national": true}"""), 403);
        assertProblem(auditor.postJson("/api/v1/admin/tokens", "{\"username\": \"kiemtoan\", \"label\": \"x\"}"), 403);
        assertProblem(put(AUDITOR, "/api/v1/admin/accounts/kiemtoan", "{\"roles\": [\"ADMIN\"], \"national\": true, \"enabled\": true}"), 403);
        assertProblem(auditor.postJson("/api/v1/admin/accounts/quantri/password", "{\"password\": \"mat-khau-cua-ke-gian\"}"), 403);
        String demoToken = jdbc.queryForObject("SELECT id FROM api_token WHERE username = 'kiemtoan'", String.class);
        assertProblem(auditor.post("/api/v1/admin/tokens/" + demoToken + "/revocation", null, new byte[0]), 403);
        assertEquals(accounts, jdbc.queryForObject("SELECT COUNT(*) FROM account", Integer.class));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE revoked_at IS NOT NULL AND username = 'kiemtoan'", Integer.class));

        assertProblem(admin.as(EVALUATOR).get("/api/v1/admin/accounts"), 403);
        Http.Response anonymous = admin.as(null).get("/api/v1/admin/accounts");
        assertProblem(anonymous, 401);
    }

    @Test
    void listsShowNoHashNorSecret() {
        Http.Response accounts = admin.get("/api/v1/admin/accounts");
        assertEquals(200, accounts.status(), accounts::describe);
        assertTrue(accounts.json().size() >= 9, accounts::describe);
        Http.Response tokens = admin.get("/api/v1/admin/tokens");
        for (Http.Response r : List.of(accounts, tokens, admin.get("/api/v1/admin/accounts/kiemthu"))) {
            String text = r.text();
            assertFalse(text.contains("{bcrypt}") || text.contains("$2a$") || text.toLowerCase().contains("hash\""), r::describe);
            assertFalse(text.contains(Http.TESTER) || text.contains(Accounts.sha256(Http.TESTER)), r::describe);
            assertFalse(text.contains(AUDITOR) || text.contains(Accounts.sha256(AUDITOR)), r::describe);
        }
        JsonNode quantri = admin.get("/api/v1/admin/accounts/quantri").json();
        assertTrue(quantri.get("hasPassword").asBoolean());
        assertTrue(quantri.get("demo").asBoolean());
        assertEquals(0, quantri.get("tokens").size());
    }

    @Test
    void everyBadFieldIsNamed() {
        Http.Response r = admin.postJson("/api/v1/admin/accounts", """
                {"username": "Tên Sai", "displayName": "", "password": "ngan", "roles": ["EVALUATOR", "KING", 3],
                 "national": "yes", "provinces": "QD124_2004:24", "isAdmin": true}""");
        JsonNode p = assertProblem(r, 400);
        Set<String> fields = new HashSet<>();
        p.get("errors").forEach(e -> {
            fields.add(e.get("field").asString());
            assertFalse(e.get("messageVi").asString().isBlank(), e::toString);
        });
        assertEquals(Set.of("username", "displayName", "password", "roles[1]", "roles[2]", "national", "provinces", "isAdmin"),
                fields, r::describe);

        assertFieldError(admin.postJson("/api/v1/admin/accounts", "{\"username\": "), null, "malformed_json");
        assertFieldError(admin.postJson("/api/v1/admin/accounts", "[]"), null, "malformed_json");
        assertFieldError(admin.postJson("/api/v1/admin/accounts", ""), null, "malformed_json");
        assertFieldError(admin.postJson("/api/v1/admin/accounts", "{\"username\": \"a\", \"username\": \"b\"}"), null, "malformed_json");
        assertProblem(admin.post("/api/v1/admin/accounts", "text/plain", "x".getBytes(StandardCharsets.UTF_8)), 415);
        assertFieldError(admin.postJson("/api/v1/admin/accounts", """
                {"username": "quantri", "displayName": "Trùng tên", "roles": ["ADMIN"], "national": true}"""),
                "username", "invalid_value");
        assertFieldError(admin.postJson("/api/v1/admin/accounts", """
                {"username": "khong.tinh", "displayName": "Không có tỉnh", "roles": ["AUDITOR"]}"""),
                "provinces", "invalid_value");
        assertFieldError(admin.postJson("/api/v1/admin/accounts", """
                {"username": "ca.hai", "displayName": "Cả hai", "roles": ["AUDITOR"], "national": true, "provinces": ["QD124_2004:24"]}"""),
                "provinces", "invalid_value");
        assertFieldError(admin.postJson("/api/v1/admin/accounts", """
                {"username": "tinh.sai", "displayName": "Tỉnh sai", "roles": ["AUDITOR"], "provinces": ["Bắc Giang"]}"""),
                "provinces", "invalid_value");
        // a province is one of its scheme's official list: no made-up scheme, no code it lacks, no district code
        for (String scope : List.of("XX:99", "QD124_2004:99", "QD124_2004:222", "QD19_2025:02")) {
            assertFieldError(admin.postJson("/api/v1/admin/accounts", """
                    {"username": "tinh.khong.co", "displayName": "x", "roles": ["EVALUATOR"], "provinces": ["QD124_2004:24", "%s"]}"""
                    .formatted(scope)), "provinces[1]", "invalid_value");
        }
        assertFieldError(put(Http.TESTER, "/api/v1/admin/accounts/soanthao.bacgiang",
                "{\"roles\": [\"RULE_EDITOR\"], \"provinces\": [\"ZZ:00\"], \"enabled\": true}"), "provinces[0]", "invalid_value");
        assertEquals("QD124_2004:24", jdbc.queryForObject("SELECT provinces FROM account WHERE username = 'soanthao.bacgiang'",
                String.class), "a refused change changes nothing");
        assertFieldError(admin.postJson("/api/v1/admin/accounts", """
                {"username": "khong.vai", "displayName": "Không vai trò", "roles": [], "national": true}"""),
                "roles", "invalid_value");
        // bcrypt reads 72 bytes at most: a longer password is refused, not silently cut or a 500
        assertFieldError(admin.postJson("/api/v1/admin/accounts", """
                {"username": "mat.khau.dai", "displayName": "Dài", "password": "%s", "roles": ["AUDITOR"], "national": true}"""
                .formatted("đ".repeat(40))), "password", "invalid_value");

        assertProblem(put(Http.TESTER, "/api/v1/admin/accounts/khong.co", "{\"roles\": [\"AUDITOR\"], \"national\": true, \"enabled\": true}"), 404);
        Http.Response update = put(Http.TESTER, "/api/v1/admin/accounts/soanthao", "{\"roles\": \"RULE_EDITOR\", \"national\": true, \"displayName\": \"x\"}");
        Set<String> updateFields = new HashSet<>();
        assertProblem(update, 400).get("errors").forEach(e -> updateFields.add(e.get("field").asString()));
        assertEquals(Set.of("roles", "enabled", "displayName"), updateFields, update::describe);
        assertFieldError(put(Http.TESTER, "/api/v1/admin/accounts/soanthao", "{\"roles\": [\"RULE_EDITOR\"], \"national\": true, \"enabled\": \"no\"}"),
                "enabled", "not_a_boolean");

        assertFieldError(admin.postJson("/api/v1/admin/tokens", "{\"username\": \"khong.co\", \"label\": \"x\"}"), "username", "invalid_value");
        assertFieldError(admin.postJson("/api/v1/admin/tokens", "{\"username\": \"hethong\"}"), "label", "required");
        assertFieldError(admin.postJson("/api/v1/admin/tokens", "{\"username\": \"hethong\", \"label\": \"%s\"}"
                .formatted("x".repeat(201))), "label", "invalid_value");
        assertFieldError(admin.postJson("/api/v1/admin/tokens", "{\"username\": \"hethong\", \"label\": \"   \"}"), "label", "invalid_value");
        assertFieldError(admin.postJson("/api/v1/admin/tokens", "{\"username\": 7, \"label\": \"x\"}"), "username", "wrong_type");

        assertFieldError(admin.postJson("/api/v1/admin/accounts/soanthao/password", "{\"password\": \"ngan\"}"), "password", "invalid_value");
        assertFieldError(admin.postJson("/api/v1/admin/accounts/soanthao/password", "{\"password\": 5}"), "password", "wrong_type");
        assertFieldError(admin.postJson("/api/v1/admin/accounts/soanthao/password", "{}"), "password", "required");
        assertProblem(admin.postJson("/api/v1/admin/accounts/khong.co/password", "{\"password\": \"mot-mat-khau-du-dai\"}"), 404);
        assertProblem(admin.get("/api/v1/admin/accounts/khong.co"), 404);

        assertFieldError(admin.get("/api/v1/admin/events?limit=0"), "limit", "out_of_range");
        assertFieldError(admin.get("/api/v1/admin/events?limit=abc"), "limit", "invalid_value");
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username IN ('khong.tinh', 'ca.hai',"
                + " 'tinh.sai', 'tinh.khong.co', 'khong.vai', 'mat.khau.dai')", Integer.class), "nothing refused was stored");
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        String all = "[\"EVALUATOR\", \"PROGRAMME_OFFICER\", \"RULE_EDITOR\", \"RULE_APPROVER\", \"AUDITOR\", \"ADMIN\"]";
        assertFieldError(put(Http.TESTER, "/api/v1/admin/accounts/kiemthu", "{\"roles\": " + all + ", \"national\": true, \"enabled\": false}"),
                "enabled", "invalid_value");
        assertFieldError(put(Http.TESTER, "/api/v1/admin/accounts/kiemthu", "{\"roles\": [\"AUDITOR\"], \"national\": true, \"enabled\": true}"),
                "roles", "invalid_value");
        assertEquals(200, admin.get("/api/v1/admin/accounts").status(), "still an administrator");
        // another administrator may
        Http.Response other = put(Http.TESTER, "/api/v1/admin/accounts/kiemthu2", "{\"roles\": " + all + ", \"national\": true, \"enabled\": true}");
        assertEquals(200, other.status(), other::describe);
    }

    @Test
    void aPasswordSetIsStoredAsBcryptAndRecorded() {
        Http.Response created = admin.postJson("/api/v1/admin/accounts", """
                {"username": "canbo.bacgiang", "displayName": "Cán bộ tỉnh Bắc Giang", "password": "mat-khau-ban-dau",
                 "roles": ["PROGRAMME_OFFICER"], "provinces": ["QD124_2004:24"]}""");
        assertEquals(201, created.status(), created::describe);
        assertTrue(created.json().get("hasPassword").asBoolean());
        String before = jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'canbo.bacgiang'", String.class);
        Http.Response set = admin.postJson("/api/v1/admin/accounts/canbo.bacgiang/password", "{\"password\": \"mat-khau-moi-dai-hon\"}");
        assertEquals(204, set.status(), set::describe);
        String after = jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'canbo.bacgiang'", String.class);
        assertTrue(after.startsWith("{bcrypt}$2") && !after.equals(before), after);
        assertFalse(after.contains("mat-khau-moi"));
        JsonNode latest = admin.get("/api/v1/admin/events?limit=1").json().get(0);
        assertEquals("PASSWORD_SET", latest.get("action").asString(), latest::toString);
        assertEquals("canbo.bacgiang", latest.get("username").asString());
        assertEquals("kiemthu", latest.get("actor").asString());
    }
}
