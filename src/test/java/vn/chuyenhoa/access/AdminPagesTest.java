package vn.chuyenhoa.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RunningServer;

/**
 * The administration pages: the forms an administrator uses (posted with a bearer token, which skips CSRF, and once
 * as a signed-in person with the CSRF field the page carries), the token shown once, the confirmation a revocation
 * needs, errors on the form, and the read-only view an auditor gets.
 */
@RunningServer
class AdminPagesTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final Pattern SECRET = Pattern.compile("<code id=\"issued-token\">([^<]+)</code>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http admin;

    @BeforeEach
    void setUp() {
        admin = new Http(port);
    }

    static byte[] form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!b.isEmpty()) b.append('&');
            b.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAdministratorGivesASystemATokenAndTakesItBack() {
        Http.Response overview = admin.get("/admin");
        assertEquals(200, overview.status(), overview::describe);
        for (String id : new String[]{"id=\"accounts\"", "id=\"tokens\"", "id=\"events\"", "id=\"new-account-form\"",
                "id=\"issue-token-form\"", "Hệ thống gửi đánh giá", "Tài khoản và mã truy cập", "account-quantri",
                "id=\"demo-warning\"", "Tài khoản: "}) {
            assertTrue(overview.text().contains(id), id);
        }
        assertFalse(overview.text().contains(Http.TESTER), "no secret on the page");
        assertTrue(admin.get("/admin?lang=en").text().contains("Accounts and tokens"));

        Http.Response created = admin.post("/admin/accounts", FORM, form("username", "hethong.trang", "displayName",
                "Hệ thống của Trang", "password", "", "roles", "EVALUATOR", "provinces", "QD124_2004:24, QD124_2004:11"));
        assertEquals(200, created.status(), created::describe);
        assertTrue(created.text().contains("<code id=\"username\">hethong.trang</code>"), created::describe);
        assertTrue(created.text().contains("Đã tạo tài khoản."), created::describe);
        assertEquals("EVALUATOR", jdbc.queryForObject("SELECT roles FROM account WHERE username = 'hethong.trang'", String.class));
        assertEquals("QD124_2004:11,QD124_2004:24", jdbc.queryForObject("SELECT provinces FROM account WHERE username = 'hethong.trang'", String.class));
        assertEquals(null, jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'hethong.trang'", String.class),
                "an empty password field means a token-only system");

        Http.Response issued = admin.post("/admin/tokens", FORM, form("username", "hethong.trang", "label", "Máy chủ của Trang"));
        assertEquals(200, issued.status(), issued::describe);
        assertTrue(issued.text().contains("Chỉ hiển thị một lần") && issued.text().contains("shown only once"), issued::describe);
        assertTrue(issued.header("Cache-Control").orElse("").contains("no-store"), issued::describe);
        Matcher m = SECRET.matcher(issued.text());
        assertTrue(m.find(), issued::describe);
        String secret = m.group(1);
        assertEquals(200, admin.as(secret).get("/api/v1/ruleset").status());
        String id = jdbc.queryForObject("SELECT id FROM api_token WHERE username = 'hethong.trang'", String.class);

        Http.Response page = admin.get("/admin/accounts/hethong.trang");
        assertTrue(page.text().contains("token-" + id) && page.text().contains("Máy chủ của Trang"), page::describe);
        assertFalse(page.text().contains(secret), "shown once means not on the account page");
        assertFalse(admin.get("/admin").text().contains(secret));

        Http.Response unconfirmed = admin.post("/admin/tokens/" + id + "/revocation", FORM, form());
        assertEquals(400, unconfirmed.status(), unconfirmed::describe);
        assertTrue(unconfirmed.text().contains("id=\"form-errors\"") && unconfirmed.text().contains("Đánh dấu ô xác nhận"), unconfirmed::describe);
        assertEquals(200, admin.as(secret).get("/api/v1/ruleset").status(), "not revoked without the confirmation");

        Http.Response revoked = admin.post("/admin/tokens/" + id + "/revocation", FORM, form("confirm", "yes"));
        assertEquals(200, revoked.status(), revoked::describe);
        assertTrue(revoked.text().contains("Đã thu hồi mã truy cập"), revoked::describe);
        Http.Response refused = admin.as(secret).get("/api/v1/ruleset");
        assertEquals(401, refused.status(), refused::describe);
        assertTrue(refused.header("WWW-Authenticate").orElse("").startsWith("Bearer"));

        Http.Response events = admin.get("/admin");
        assertTrue(events.text().contains("Thu hồi mã truy cập") && events.text().contains("Cấp mã truy cập"), events::describe);
    }

    /**
     * Issue 14: an account limited to old provinces is not widened by itself. Old Bắc Giang (24) is part of the new Bắc
     * Ninh (24) and old Gia Lai (64) of the new Gia Lai (52): the page suggests them, the administrator grants them.
     */
    @Test
    void theAccountPageSuggestsTheNewProvincesOfAnOldOneAndTheAdministratorGrantsThem() {
        Http.Response created = admin.post("/admin/accounts", FORM, form("username", "canbo.bacgiang", "displayName",
                "Cán bộ Bắc Giang", "password", "", "roles", "PROGRAMME_OFFICER", "provinces", "QD124_2004:24, QD124_2004:64"));
        assertEquals(200, created.status(), created::describe);
        String page = created.text();
        assertTrue(page.contains("id=\"reform-suggestions\""), created::describe);
        assertTrue(page.contains("Tỉnh Bắc Ninh (24)</b>"), created::describe);
        assertTrue(page.contains("Tỉnh Gia Lai (52)</b>"), created::describe);
        assertEquals("QD124_2004:24,QD124_2004:64",
                jdbc.queryForObject("SELECT provinces FROM account WHERE username = 'canbo.bacgiang'", String.class),
                "suggested, not granted");
        assertTrue(admin.get("/admin/accounts/canbo.bacgiang?lang=en").text().contains("an account is never widened by itself"));

        Http.Response granted = admin.post("/admin/accounts/canbo.bacgiang", FORM, form("roles", "PROGRAMME_OFFICER",
                "provinces", "QD124_2004:24, QD124_2004:64, QD19_2025:24, QD19_2025:52", "enabled", "yes"));
        assertEquals(200, granted.status(), granted::describe);
        assertEquals("QD124_2004:24,QD124_2004:64,QD19_2025:24,QD19_2025:52",
                jdbc.queryForObject("SELECT provinces FROM account WHERE username = 'canbo.bacgiang'", String.class));
        assertFalse(granted.text().contains("id=\"reform-suggestions\""), "nothing left to suggest");
        assertTrue(jdbc.queryForObject("SELECT COUNT(*) FROM account_event WHERE username = 'canbo.bacgiang'", Integer.class) >= 2,
                "the grant is logged like any change");
    }

    @Test
    void anAdministratorDisablesAnAccountAndSetsAPassword() {
        assertEquals(200, admin.post("/admin/accounts", FORM, form("username", "canbo.thu", "displayName", "Cán bộ thử",
                "password", "mat-khau-ban-dau", "roles", "PROGRAMME_OFFICER", "roles", "AUDITOR", "national", "yes")).status());
        String secret = admin.postJson("/api/v1/admin/tokens", "{\"username\": \"canbo.thu\", \"label\": \"thử\"}").json()
                .get("token").asString();
        assertEquals(200, admin.as(secret).get("/api/v1/ruleset").status());

        // no "enabled" box ticked: disabled
        Http.Response disabled = admin.post("/admin/accounts/canbo.thu", FORM, form("roles", "AUDITOR", "national", "yes"));
        assertEquals(200, disabled.status(), disabled::describe);
        assertTrue(disabled.text().contains("Đã lưu thay đổi.") && disabled.text().contains("Đã khóa"), disabled::describe);
        assertEquals(401, admin.as(secret).get("/api/v1/ruleset").status(), "a disabled account's token is refused");
        assertEquals("AUDITOR", jdbc.queryForObject("SELECT roles FROM account WHERE username = 'canbo.thu'", String.class));

        Http.Response differ = admin.post("/admin/accounts/canbo.thu/password", FORM,
                form("password", "mat-khau-moi-dai-hon", "passwordRepeat", "mat-khau-khac-han"));
        assertEquals(400, differ.status(), differ::describe);
        assertTrue(differ.text().contains("Hai lần nhập mật khẩu không giống nhau."), differ::describe);
        Http.Response tooShort = admin.post("/admin/accounts/canbo.thu/password", FORM, form("password", "ngan", "passwordRepeat", "ngan"));
        assertEquals(400, tooShort.status());
        assertTrue(tooShort.text().contains("Mật khẩu phải dài ít nhất 12 ký tự."), tooShort::describe);
        String before = jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'canbo.thu'", String.class);
        Http.Response set = admin.post("/admin/accounts/canbo.thu/password", FORM,
                form("password", "mat-khau-moi-dai-hon", "passwordRepeat", "mat-khau-moi-dai-hon"));
        assertEquals(200, set.status(), set::describe);
        assertTrue(set.text().contains("Đã đặt mật khẩu mới."), set::describe);
        assertFalse(before.equals(jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'canbo.thu'", String.class)));

        Http.Response noToken = admin.post("/admin/tokens", FORM, form("username", "canbo.thu", "label", "x"));
        assertEquals(400, noToken.status(), noToken::describe);
        assertTrue(noToken.text().contains("đã bị khóa") && !SECRET.matcher(noToken.text()).find(), noToken::describe);
    }

    @Test
    void badFormsAreAnsweredOnTheFormWithWhatWasTyped() {
        Http.Response bad = admin.post("/admin/accounts", FORM, form("username", "Tên Sai", "displayName", "Người thử",
                "password", "ngan", "provinces", "Bắc Giang"));
        assertEquals(400, bad.status(), bad::describe);
        String t = bad.text();
        assertTrue(t.contains("id=\"form-errors\""), t);
        for (String shown : new String[]{"Tên đăng nhập dài 2–64 ký tự", "Mật khẩu phải dài ít nhất 12 ký tự",
                "Cần ít nhất một vai trò", "không phải &#39;Bắc Giang&#39;", "value=\"Người thử\""}) {
            assertTrue(t.contains(shown), shown + " in " + t);
        }
        assertTrue(admin.post("/admin/accounts", FORM, form("username", "Tên Sai", "displayName", "x", "roles", "EVALUATOR",
                "national", "yes", "lang", "en")).text().contains("A user name is 2 to 64 characters"));
        assertEquals(400, admin.post("/admin/accounts", FORM, form("username", "ke.gian", "displayName", "x", "roles", "KING",
                "national", "yes")).status());
        assertEquals(400, admin.post("/admin/accounts", FORM, form("username", "quantri", "displayName", "x", "roles", "ADMIN",
                "national", "yes")).status(), "an existing name");

        // the administrator cannot lock themselves out
        Http.Response self = admin.post("/admin/accounts/kiemthu", FORM, form("roles", "ADMIN", "roles", "AUDITOR", "national", "yes"));
        assertEquals(400, self.status(), self::describe);
        assertTrue(self.text().contains("không thể tự khóa"), self::describe);
        assertEquals(Boolean.TRUE, jdbc.queryForObject("SELECT enabled FROM account WHERE username = 'kiemthu'", Boolean.class));

        Http.Response missing = admin.get("/admin/accounts/khong.co");
        assertEquals(404, missing.status());
        assertTrue(missing.text().contains("Không có tài khoản khong.co."), missing::describe);
        assertEquals(404, admin.post("/admin/tokens/khong-phai-uuid/revocation", FORM, form("confirm", "yes")).status());
        assertEquals(404, admin.post("/admin/accounts/khong.co", FORM, form("roles", "ADMIN")).status());
        assertEquals(400, admin.post("/admin/tokens", FORM, form("username", "khong.co", "label", "x")).status());
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username IN ('ke.gian', 'khong.co')", Integer.class));
    }

    @Test
    void theDemoLoaderTheLogAndTheDemoWarningAreSaidInWords() {
        for (Http who : java.util.List.of(admin, admin.as(AdminApiTest.AUDITOR))) {
            String overview = who.get("/admin").text();
            String account = who.get("/admin/accounts/canbo.dienbien").text();
            for (String page : java.util.List.of(overview, account)) {
                assertFalse(Pattern.compile("\\bseed\\b").matcher(page).find(), "the loader's internal name: " + page);
                assertTrue(page.contains("Trình nạp tài khoản mẫu"), page);
                assertFalse(page.contains("tỉnh Tỉnh") || Pattern.compile(">token [0-9a-f]{8}").matcher(page).find(), page);
                assertFalse(page.contains("danh mục:mã tỉnh"), "the picker is no longer typed in: " + page);
            }
            assertTrue(account.contains("phạm vi Tỉnh Điện Biên (11)"), account);
            assertTrue(overview.contains("Mã truy cập của tài khoản: ") && overview.contains("Tài khoản: ")
                    && !overview.contains("account quantri") && !overview.contains(" of kiemtoan"), overview);
            assertTrue(Pattern.compile(">mã truy cập [0-9a-f]{8}-").matcher(overview).find(), overview);
        }
        assertTrue(admin.get("/admin/accounts/canbo.dienbien?lang=en").text().contains("Demo-account loader"));
    }

    @Test
    void anAuditorSeesTheListsWithoutAnyForm() {
        Http auditor = admin.as(AdminApiTest.AUDITOR);
        Http.Response overview = auditor.get("/admin");
        assertEquals(200, overview.status(), overview::describe);
        assertTrue(overview.text().contains("id=\"accounts\"") && overview.text().contains("id=\"tokens\"")
                && overview.text().contains("id=\"events\""), overview::describe);
        for (String form : new String[]{"new-account-form", "issue-token-form", "revoke-form", "method=\"post\" action=\"/admin"}) {
            assertFalse(overview.text().contains(form), form);
        }
        Http.Response account = auditor.get("/admin/accounts/quantri");
        assertEquals(200, account.status(), account::describe);
        assertFalse(account.text().contains("account-form") || account.text().contains("password-form"), account::describe);
        assertEquals(403, auditor.post("/admin/accounts", FORM, form("username", "ke.gian", "displayName", "x",
                "roles", "ADMIN", "national", "yes")).status());
        assertEquals(403, admin.as(AdminApiTest.EVALUATOR).get("/admin").status());
    }

    @Test
    void aFormPostWithoutSessionOrTokenChangesNothing() {
        Http anonymous = admin.as(null);
        Http.Response r = anonymous.post("/admin/accounts", FORM, form("username", "ke.gian", "displayName", "x",
                "roles", "ADMIN", "national", "yes"));
        assertTrue(r.status() == 403 || r.text().contains("id=\"login-form\""), r::describe);
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username = 'ke.gian'", Integer.class));
        Http.Response page = anonymous.get("/admin");
        assertTrue(page.text().contains("id=\"login-form\"") && !page.text().contains("id=\"accounts\""), page::describe);
    }

    /** As a person does it: sign in with the form, then post the page's own form with the CSRF field it carries. */
    @Test
    void aSignedInAdministratorUsesTheFormsWithTheirCsrfField() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        URI base = URI.create("http://localhost:" + port);
        String login = get(browser, base.resolve("/login")).body();
        HttpResponse<String> signedIn = post(browser, base.resolve("/login"), Map.of("username", "quantri",
                "password", "chuyenhoa-demo", "_csrf", csrf(login)));
        assertFalse(signedIn.uri().toString().contains("error"), signedIn.uri()::toString);

        String overview = get(browser, base.resolve("/admin")).body();
        assertTrue(overview.contains("new-account-form"), overview);
        HttpResponse<String> noCsrf = post(browser, base.resolve("/admin/accounts"), Map.of("username", "ban.doc",
                "displayName", "Bạn đọc", "roles", "AUDITOR", "national", "yes"));
        assertEquals(403, noCsrf.statusCode(), "a session's form needs its CSRF field");
        HttpResponse<String> created = post(browser, base.resolve("/admin/accounts"), Map.of("username", "ban.doc",
                "displayName", "Bạn đọc", "roles", "AUDITOR", "national", "yes", "_csrf", csrf(overview)));
        assertEquals(200, created.statusCode(), created::body);
        assertEquals("/admin/accounts/ban.doc", created.uri().getPath());
        assertEquals("quantri", jdbc.queryForObject("SELECT created_by FROM account WHERE username = 'ban.doc'", String.class));
    }

    /** A disabled account's session ends at its next request; a changed one acts with its new roles at once. */
    @Test
    void aSignedInPersonIsSignedOutWhenDisabledAndActsAsChangedWhenChanged() throws Exception {
        for (String name : new String[]{"nguoi.khoa", "nguoi.doi"}) {
            assertEquals(201, admin.postJson("/api/v1/admin/accounts", """
                    {"username": "%s", "displayName": "Người thử", "password": "mat-khau-nguoi-thu", "roles": ["AUDITOR"],
                     "national": true}""".formatted(name)).status());
        }
        URI base = URI.create("http://localhost:" + port);
        HttpClient locked = signIn(base, "nguoi.khoa"), changed = signIn(base, "nguoi.doi");
        for (HttpClient person : new HttpClient[]{locked, changed}) {
            HttpResponse<String> reads = get(person, base.resolve("/evaluations"));
            assertEquals(200, reads.statusCode());
            assertTrue(reads.body().contains("id=\"logout-form\""), reads::body);
        }
        assertEquals(403, get(changed, base.resolve("/rulesets/upload")).statusCode(), "an auditor uploads nothing");

        admin.post("/admin/accounts/nguoi.khoa", FORM, form("roles", "AUDITOR", "national", "yes"));
        admin.post("/admin/accounts/nguoi.doi", FORM, form("roles", "RULE_EDITOR", "national", "yes", "enabled", "yes"));

        HttpResponse<String> after = get(locked, base.resolve("/evaluations"));
        assertTrue(after.body().contains("id=\"login-form\"") && after.uri().getPath().equals("/login"), after::body);
        assertEquals(401, get(locked, base.resolve("/api/v1/ruleset")).statusCode(), "the session is gone");

        assertEquals(200, get(changed, base.resolve("/rulesets/upload")).statusCode(), "the same session, the new role");
    }

    HttpClient signIn(URI base, String username) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = get(browser, base.resolve("/login")).body();
        HttpResponse<String> signedIn = post(browser, base.resolve("/login"), Map.of("username", username,
                "password", "mat-khau-nguoi-thu", "_csrf", csrf(login)));
        assertFalse(signedIn.uri().toString().contains("error"), signedIn.uri()::toString);
        return browser;
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(HttpClient client, URI uri, Map<String, String> fields) throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
