package vn.chuyenhoa.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RunningServer;

/**
 * Issue 10 item 7: a user name is read one way for signing in and for counting wrong passwords. The finding: " name"
 * (a leading blank) signed in as "name" but its failures never counted, so a guesser adding a blank was never locked
 * out. An administrator sees a locked account with when it unlocks, and unlocks it; both are in the account events.
 */
@RunningServer
class SignInLockTest {

    static final String PASSWORD = "mat-khau-dung-12";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void everyWayOfTypingANameCountsTowardsItsLockout() {
        accounts.create("thu.chuan", "Thử chuẩn hóa", PASSWORD, Set.of(Role.AUDITOR), true, Set.of(), "test");
        // the finding: a leading blank. Then the other spellings that sign in as the same account.
        String[] typed = {" thu.chuan", "THU.CHUAN", "thu.chuan\u00A0", "\tThu.Chuan", "thu.chuan\u3000"};
        for (String name : typed) {
            assertEquals("error", new Browser().signIn(name, "sai-mat-khau").getQuery(), "wrong password as '" + name + "'");
        }
        assertEquals("locked", new Browser().signIn("thu.chuan", PASSWORD).getQuery(),
                "five wrong passwords, however the name was typed, lock it");

        accounts.create("thu.dangnhap", "Thử đăng nhập", PASSWORD, Set.of(Role.AUDITOR), true, Set.of(), "test");
        URI signedIn = new Browser().signIn("  Thu.DangNhap\u00A0", PASSWORD);
        assertEquals("/", signedIn.getPath(), "the same reading authenticates: " + signedIn);
    }

    @Test
    void anAdministratorSeesALockAndLiftsIt() {
        accounts.create("thu.mokhoa", "Thử mở khóa", PASSWORD, Set.of(Role.AUDITOR), true, Set.of(), "test");
        accounts.create("thu.mokhoa2", "Thử mở khóa 2", PASSWORD, Set.of(Role.AUDITOR), true, Set.of(), "test");
        lock("thu.mokhoa");
        lock("thu.mokhoa2");
        Http admin = new Http(port);

        JsonNode account = admin.get("/api/v1/admin/accounts/thu.mokhoa").json();
        Instant until = Instant.parse(account.path("lockedUntil").asString());
        assertTrue(until.isAfter(Instant.now().plus(Duration.ofMinutes(14))) && until.isBefore(Instant.now().plus(Duration.ofMinutes(16))),
                account::toString);
        boolean listed = false;
        for (JsonNode a : admin.get("/api/v1/admin/accounts").json()) {
            if (a.path("username").asString().equals("thu.mokhoa")) listed = !a.path("lockedUntil").isNull();
        }
        assertTrue(listed, "the list shows the lock too");
        String page = admin.get("/admin").text();
        assertTrue(page.contains("id=\"locked-thu.mokhoa\"") && page.contains("id=\"unlock-thu.mokhoa\""), page);

        // through the API
        Http.Response unlocked = admin.post("/api/v1/admin/accounts/thu.mokhoa/unlock", null, new byte[0]);
        assertEquals(200, unlocked.status(), unlocked::describe);
        assertTrue(unlocked.json().path("unlocked").asBoolean(), unlocked::describe);
        assertTrue(admin.get("/api/v1/admin/accounts/thu.mokhoa").json().path("lockedUntil").isNull());
        assertEquals("/", new Browser().signIn("thu.mokhoa", PASSWORD).getPath());

        // through the page
        Http.Response form = admin.post("/admin/accounts/thu.mokhoa2/unlock", "application/x-www-form-urlencoded", new byte[0]);
        assertEquals(200, form.status(), form::describe);
        assertTrue(form.text().contains("id=\"unlocked\""), form::describe);
        assertFalse(form.text().contains("id=\"locked-thu.mokhoa2\""), form::describe);
        assertEquals("/", new Browser().signIn("thu.mokhoa2", PASSWORD).getPath());

        // both are on the record
        JsonNode events = admin.get("/api/v1/admin/events").json();
        assertTrue(has(events, "LOCKED", "thu.mokhoa", "system"), events::toString);
        assertTrue(has(events, "UNLOCKED", "thu.mokhoa", "kiemthu"), events::toString);
        assertTrue(has(events, "UNLOCKED", "thu.mokhoa2", "kiemthu"), events::toString);

        // no one else may lift a lock
        Http.Response auditor = admin.as("demo-token-kiemtoan").post("/api/v1/admin/accounts/thu.mokhoa/unlock", null, new byte[0]);
        assertEquals(403, auditor.status(), auditor::describe);
    }

    private void lock(String name) {
        for (int i = 0; i < 5; i++) new Browser().signIn(name, "sai-" + i);
        assertEquals("locked", new Browser().signIn(name, PASSWORD).getQuery());
    }

    private static boolean has(JsonNode events, String action, String username, String actor) {
        for (JsonNode e : events) {
            if (e.path("action").asString().equals(action) && e.path("username").asString().equals(username)
                    && e.path("actor").asString().equals(actor)) return true;
        }
        return false;
    }

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"_csrf\"");

    /** A browser that opens the sign-in form and posts it; where it is sent next is the answer. */
    final class Browser {
        final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

        URI signIn(String username, String password) {
            HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/login")).GET().build());
            Matcher m = CSRF.matcher(form.body());
            assertTrue(m.find(), form::body);
            String csrf = (m.group(1) != null ? m.group(1) : m.group(2)).replace("&#45;", "-").replace("&amp;", "&");
            String body = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertEquals(302, r.statusCode(), r::body);
            return URI.create(r.headers().firstValue("Location").orElseThrow());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
