package vn.chuyenhoa.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chuyenhoa.ChuyenhoaApplication;

/**
 * The prod profile as an operator starts it: it refuses to run while anyone who read the README could sign in, and
 * starts with a first administrator whose password comes from the environment, who can then sign in.
 */
class ProductionStartTest {

    static final String PASSWORD = "mat-khau-quan-tri-that-dai";

    @TempDir
    Path dir;

    /**
     * The prod profile on a fresh in-memory database, with what a test start must not share with the local run: a
     * random port, no file watcher, no warm-up, its own audit head file.
     */
    ConfigurableApplicationContext start(String database, String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=prod", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "--chuyenhoa.warmup.evaluations=0", "--chuyenhoa.ruleset.watch=false",
                "--chuyenhoa.audit.head-file=" + dir.resolve(database + "-heads.log")));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ChuyenhoaApplication.class).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) b.append(c.getMessage()).append(" | ");
        return b.toString();
    }

    @Test
    void productionRefusesToCreateTheDemoAccounts() {
        Exception e = assertThrows(Exception.class, () -> start("prod-" + UUID.randomUUID(),
                "--chuyenhoa.access.seed=classpath:access/demo-accounts.csv").close());
        assertTrue(messages(e).contains("published demo accounts"), () -> messages(e));
    }

    @Test
    void productionRefusesADatabaseWhereDemoCredentialsAreStillUsable() {
        String database = "prod-" + UUID.randomUUID();
        // the local run (no profile) first: it creates the published demo accounts and tokens
        try (ConfigurableApplicationContext local = new SpringApplicationBuilder(ChuyenhoaApplication.class)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                        "--chuyenhoa.warmup.evaluations=0", "--chuyenhoa.ruleset.watch=false",
                        "--chuyenhoa.audit.head-file=" + dir.resolve("local-heads.log"))) {
            assertTrue(local.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM account WHERE demo", Integer.class) > 0);
        }
        Exception e = assertThrows(Exception.class, () -> start(database).close());
        String m = messages(e);
        assertTrue(m.contains("published demo credentials are still usable") && m.contains("account quantri")
                && m.contains("token demo of hethong"), m);
    }

    @Test
    void aBootstrapAdministratorNeedsALongPasswordFromTheEnvironment() {
        Exception e = assertThrows(Exception.class, () -> start("prod-" + UUID.randomUUID(),
                "--chuyenhoa.access.bootstrap-admin=admin1", "--CHUYENHOA_ADMIN_PASSWORD=ngan").close());
        assertTrue(messages(e).contains("CHUYENHOA_ADMIN_PASSWORD"), () -> messages(e));
    }

    @Test
    void productionStartsWithABootstrapAdministratorWhoSignsIn() throws Exception {
        // the session cookie is Secure in production; this test speaks plain HTTP to localhost
        try (ConfigurableApplicationContext app = start("prod-" + UUID.randomUUID(), "--chuyenhoa.access.seed=",
                "--chuyenhoa.access.bootstrap-admin=admin1", "--CHUYENHOA_ADMIN_PASSWORD=" + PASSWORD,
                "--server.servlet.session.cookie.secure=false")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertEquals(List.of("admin1"), jdbc.queryForList("SELECT username FROM account", String.class), "no demo account");
            String hash = jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'admin1'", String.class);
            assertTrue(hash.startsWith("{bcrypt}") && !hash.contains(PASSWORD), hash);
            assertEquals("bootstrap", jdbc.queryForObject("SELECT created_by FROM account WHERE username = 'admin1'", String.class));

            URI base = URI.create("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort());
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            // anyone may ask whether the service is up; which ruleset is in force only someone signed in
            HttpResponse<String> health = AdminPagesTest.get(browser, base.resolve("/actuator/health"));
            assertEquals(200, health.statusCode(), health::body);
            assertTrue(health.body().contains("\"status\":\"UP\""), health::body);
            assertFalse(health.body().contains("components") || health.body().contains("ruleset"), health::body);
            String login = AdminPagesTest.get(browser, base.resolve("/login")).body();
            assertFalse(login.contains("id=\"demo-accounts\""), "production lists no demo account");
            HttpResponse<String> wrong = AdminPagesTest.post(browser, base.resolve("/login"), Map.of("username", "admin1",
                    "password", "chuyenhoa-demo", "_csrf", AdminPagesTest.csrf(login)));
            assertTrue(wrong.uri().toString().contains("/login?error"), wrong.uri()::toString);

            login = AdminPagesTest.get(browser, base.resolve("/login")).body();
            HttpResponse<String> signedIn = AdminPagesTest.post(browser, base.resolve("/login"), Map.of("username", "admin1",
                    "password", PASSWORD, "_csrf", AdminPagesTest.csrf(login)));
            assertFalse(signedIn.uri().toString().contains("error"), signedIn.uri()::toString);
            HttpResponse<String> signedInHealth = AdminPagesTest.get(browser, base.resolve("/actuator/health"));
            assertTrue(signedInHealth.body().contains("components"), signedInHealth::body);
            HttpResponse<String> admin = AdminPagesTest.get(browser, base.resolve("/admin"));
            assertEquals(200, admin.statusCode());
            assertTrue(admin.body().contains("new-account-form") && admin.body().contains("admin1"), admin::body);
        }
    }
}
