package vn.chuyenhoa.instances;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RuleTree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the service in two JVMs (two Spring contexts in one JVM would share static state and hide a JVM
 * lock) on one database, each started as an operator would: the application's main class with the test classpath, a
 * port of its own and {@code chuyenhoa.instances.shared=true}. The database is H2 in server mode, started here; what is
 * asserted is what the instances share through it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    static final String NENH = "examples/phuong-nenh-viet-yen.json";

    static vn.chuyenhoa.support.Postgres.Schema schema;
    static Instance a, b;
    static Path dir;

    record Instance(String name, int port, Process process, Path log, Path heads) {
        Http http() {
            return new Http(port);
        }

        String served() {
            return http().get("/actuator/health/ruleset").json().get("details").get("version").asString();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("two-instances");
        schema = vn.chuyenhoa.support.Postgres.freshSchema();
        String url = schema.url();
        // one after the other: the first seeds the empty database (rules, accounts), the second finds them
        a = launch("A", url);
        awaitUp(a);
        b = launch("B", url);
        awaitUp(b);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Instance i : new Instance[] {a, b}) {
            if (i != null) {
                i.process().destroy();
                if (!i.process().waitFor(30, TimeUnit.SECONDS)) i.process().destroyForcibly();
            }
        }
        if (schema != null) schema.close();
    }

    @Test
    @Order(1)
    void writtenOnOneReadOnTheOther() throws Exception {
        String body = Files.readString(Path.of(NENH));
        Http.Response created = a.http().postJson("/api/v1/evaluations", body, "Idempotency-Key", "two-instances-1");
        assertEquals(201, created.status(), created.describe());
        String id = created.json().get("id").asString();

        Http.Response read = b.http().get("/api/v1/evaluations/" + id);
        assertEquals(200, read.status(), read.describe());
        assertEquals(created.json().get("verdict"), read.json().get("verdict"));
        // the key taken on A is taken on B: the same request answers the same evaluation
        Http.Response again = b.http().postJson("/api/v1/evaluations", body, "Idempotency-Key", "two-instances-1");
        assertEquals(id, again.json().get("id").asString(), again.describe());
    }

    @Test
    @Order(2)
    void aTokenRevokedOnOneIsRefusedByTheOther() {
        Http.Response issued = a.http().postJson("/api/v1/admin/tokens", "{\"username\":\"hethong\",\"label\":\"hai phiên bản\"}");
        assertEquals(201, issued.status(), issued.describe());
        Http onB = new Http(b.port(), issued.json().get("token").asString());
        long seen = awaitMillis(() -> onB.get("/api/v1/evaluations?size=1").status() == 200, 10_000);

        Http.Response revoked = a.http().postJson("/api/v1/admin/tokens/" + issued.json().get("id").asString()
                + "/revocation", "");
        assertEquals(200, revoked.status(), revoked.describe());
        long refused = awaitMillis(() -> onB.get("/api/v1/evaluations?size=1").status() == 401, 10_000);
        System.out.printf("TWO INSTANCES: token issued on A accepted by B after %d ms, revoked on A refused by B after"
                + " %d ms%n", seen, refused);
        assertTrue(refused <= 3_000, "revocation reached B after " + refused + " ms");
    }

    @Test
    @Order(3)
    void activatedOnOneServedByTheOtherAndSwitchedUnderLoadWithoutAFailedRequest() throws Exception {
        String original = a.served();
        assertEquals(original, b.served());
        RuleTree tree = RuleTree.copyInto(dir.resolve("tree")).set("decision-tables/profiles.drl.xlsx", "Profiles", "J13",
                "Lâm Đồng 2023 (bản sửa, hai phiên bản)");
        Http.Response upload = a.http().postMultipart("/api/v1/rulesets", Map.of("comment", "hai phiên bản"),
                Map.of("profiles.drl.xlsx", Files.readAllBytes(tree.file("decision-tables/profiles.drl.xlsx"))));
        assertEquals(201, upload.status(), upload.describe());
        String candidate = upload.json().get("version").asString();

        // an impact preview started on A is polled on B
        Http.Response job = a.http().postJson("/api/v1/rulesets/" + candidate + "/impact", "{\"provinceCode\":null}");
        assertEquals(202, job.status(), job.describe());
        String location = job.header("Location").orElseThrow();
        awaitMillis(() -> "DONE".equals(b.http().get(location).json().get("state").asString()), 60_000);
        assertTrue(b.http().get(location).json().get("result").get("evaluated").asInt() >= 1);

        Http.Response activated = a.http().as(Http.SECOND_TESTER).postJson("/api/v1/rulesets/" + candidate + "/activate",
                "{\"comment\":\"trên A\"}");
        assertEquals(200, activated.status(), activated.describe());
        assertEquals(candidate, a.served());
        long followed = awaitMillis(() -> candidate.equals(b.served()), 30_000);
        System.out.printf("TWO INSTANCES: activation on A served by B after %d ms%n", followed);
        assertEquals(candidate, b.http().get("/api/v1/ruleset").json().get("version").asString());

        // requests to both while each in turn switches between the two versions
        String body = Files.readString(Path.of(NENH));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger(), failed = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Http http = (t % 2 == 0 ? a : b).http();
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    Http.Response r = http.postJson("/api/v1/evaluations", body);
                    if (r.status() == 201 && r.json().get("verdict").asString().equals("TRANSFORMED")) ok.incrementAndGet();
                    else {
                        failed.incrementAndGet();
                        failures.add(r.describe());
                    }
                }
            }));
        }
        List<Long> delays = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                String to = i % 2 == 0 ? original : candidate;
                Instance on = i % 2 == 0 ? b : a;
                Http.Response r = on.http().as(Http.SECOND_TESTER).postJson("/api/v1/rulesets/" + to + "/activate",
                        "{\"comment\":\"switch " + i + "\"}");
                assertEquals(200, r.status(), r.describe());
                Instance other = on == a ? b : a;
                delays.add(awaitMillis(() -> to.equals(other.served()), 30_000));
            }
        } finally {
            running.set(false);
            for (Future<?> w : workers) w.get(60, TimeUnit.SECONDS);
            pool.shutdown();
        }
        System.out.printf("TWO INSTANCES: switches under load followed by the other instance after %s ms; %d requests,"
                + " %d failed%n", delays, ok.get(), failed.get());
        assertEquals(0, failed.get(), () -> String.join("\n", failures.subList(0, Math.min(3, failures.size()))));
        assertTrue(ok.get() > 10, "requests ran during the switches: " + ok.get());
        assertEquals(candidate, a.served());
        assertEquals(candidate, b.served());
    }

    @Test
    @Order(4)
    void writesFromBothMakeOneIntactChain() throws Exception {
        String body = Files.readString(Path.of(NENH));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Http http = (t % 2 == 0 ? a : b).http();
            writers.add(pool.submit(() -> {
                int created = 0;
                for (int i = 0; i < 25; i++) if (http.postJson("/api/v1/evaluations", body).status() == 201) created++;
                return created;
            }));
        }
        for (Future<Integer> w : writers) assertEquals(25, w.get(120, TimeUnit.SECONDS));
        pool.shutdown();
        // each instance checks the one chain against the heads it wrote itself
        for (Instance i : new Instance[] {a, b}) {
            JsonNode report = i.http().get("/api/v1/audit/verify").json();
            assertTrue(report.get("intact").asBoolean(), i.name() + ": " + report);
            assertEquals(0, report.get("problemCount").asInt());
        }
        JsonNode onA = a.http().get("/api/v1/audit/verify").json(), onB = b.http().get("/api/v1/audit/verify").json();
        assertEquals(onA.get("batchesChecked"), onB.get("batchesChecked"), "one chain, whichever instance reads it");
        assertNotEquals(0, Files.size(a.heads()));
        assertNotEquals(0, Files.size(b.heads()));
    }

    @Test
    @Order(5)
    void aSessionSignedInOnOneWorksOnTheOther() throws Exception {
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String login = page(browser, a, "/login").body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertTrue(csrf.find(), login);
        java.net.http.HttpResponse<String> signedIn = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + a.port() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=kiemthu&password=kiemthu-matkhau&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode());
        String next = signedIn.headers().firstValue("Location").orElse("");
        assertTrue(!next.isEmpty() && !next.contains("/login"), "signed in, sent on to " + next);

        // the same browser, sent to the other instance by the load balancer
        java.net.http.HttpResponse<String> onB = page(browser, b, "/admin");
        assertEquals(200, onB.statusCode(), onB.body());
        assertTrue(onB.body().contains("kiemthu"), "signed in as kiemthu on B");
        java.net.http.HttpResponse<String> stranger = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + b.port() + "/admin")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, stranger.statusCode(), "without the session B asks to sign in");
    }

    /**
     * The operations trial's finding 4: two approvers activate two drafts at the same moment, one on each instance.
     * One activation wins; the other is refused with 409 naming the version now in force, and the action log holds one
     * activation from the version that was in force, never two.
     */
    @Test
    @Order(6)
    void twoActivationsAtOnceOnTwoInstancesPutOneInForceAndRefuseTheOther() throws Exception {
        for (int round = 0; round < 3; round++) {
            String inForce = a.served();
            awaitMillis(() -> inForce.equals(b.served()), 30_000);
            String[] drafts = new String[2];
            for (int d = 0; d < 2; d++) {
                RuleTree tree = RuleTree.copyInto(dir.resolve("race-" + round + "-" + d))
                        .set("decision-tables/profiles.drl.xlsx", "Profiles", "J13", "Lâm Đồng 2023 (đua " + round + d + ")");
                Http.Response upload = a.http().postMultipart("/api/v1/rulesets", Map.of("comment", "đua " + round + d),
                        Map.of("profiles.drl.xlsx", Files.readAllBytes(tree.file("decision-tables/profiles.drl.xlsx"))));
                assertEquals(201, upload.status(), upload.describe());
                drafts[d] = upload.json().get("version").asString();
            }
            // another instance builds a version stored elsewhere as soon as it sees it: let both have both built, so that
            // the two activations are swaps that meet
            sleep(3_000);
            long since = a.http().get("/api/v1/ruleset-actions").json().get(0).get("seq").asLong();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<Http.Response>> sent = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                Instance on = d == 0 ? a : b;
                String draft = drafts[d];
                sent.add(pool.submit(() -> {
                    go.await();
                    return on.http().as(Http.SECOND_TESTER).postJson("/api/v1/rulesets/" + draft + "/activate",
                            "{\"comment\":\"đua\"}");
                }));
            }
            go.countDown();
            List<Http.Response> answers = new ArrayList<>();
            for (Future<Http.Response> f : sent) answers.add(f.get(120, TimeUnit.SECONDS));
            pool.shutdown();

            // every 200 is true: the activation it reports is on the record, from the version it names as previous
            List<String> won = new ArrayList<>();
            JsonNode actions = a.http().get("/api/v1/ruleset-actions").json();
            for (int d = 0; d < 2; d++) {
                Http.Response r = answers.get(d);
                if (r.status() == 200) {
                    won.add(drafts[d]);
                    String previous = r.json().get("previous").asString();
                    boolean recorded = false;
                    for (JsonNode action : actions) {
                        recorded |= "ACTIVATED".equals(action.get("action").asString())
                                && drafts[d].equals(action.get("toVersion").asString(null))
                                && previous.equals(action.get("fromVersion").asString(null));
                    }
                    assertTrue(recorded, r.describe() + "\n" + actions);
                    continue;
                }
                // refused by the compare-and-set, or, when the winner was recorded before this one looked, as a draft
                // no longer made on the version in force
                JsonNode problem = Http.assertProblem(r, 409);
                assertTrue(List.of("urn:chuyenhoa:problem:activated-meanwhile", "urn:chuyenhoa:problem:stale-base")
                        .contains(problem.get("type").asString()), r.describe());
                assertEquals(drafts[1 - d], problem.get("inForce").asString(), r.describe());
            }
            int fromInForce = 0;
            for (JsonNode action : actions) {
                if (action.get("seq").asLong() > since && "ACTIVATED".equals(action.get("action").asString())
                        && inForce.equals(action.get("fromVersion").asString(null))) fromInForce++;
            }
            assertEquals(1, fromInForce, "round " + round + ": one activation from " + inForce + ": " + actions);
            String last = null;
            for (JsonNode action : actions) {
                if (last == null && "ACTIVATED".equals(action.get("action").asString())) last = action.get("toVersion").asString();
            }
            String inForceNow = last;
            assertTrue(won.contains(inForceNow), "the version in force is one a 200 reported: " + inForceNow);
            // the other instance learns of the activation by following the log, within its poll interval
            awaitMillis(() -> inForceNow.equals(a.served()) && inForceNow.equals(b.served())
                    && inForceNow.equals(b.http().get("/api/v1/ruleset").json().get("version").asString()), 30_000);
        }
    }

    /**
     * The operations trial's finding 3, across instances: the same supersession sent to both, with a withdrawal of the
     * same evaluation racing them; one change is made, the others are answered 409 not-in-force, never 500.
     */
    @Test
    @Order(7)
    void concurrentSupersessionsAndAWithdrawalOnTwoInstancesAnswer409ToTheLosers() throws Exception {
        String body = Files.readString(Path.of(NENH));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 4; round++) {
                Http.Response created = a.http().postJson("/api/v1/evaluations", body);
                assertEquals(201, created.status(), created.describe());
                String id = created.json().get("id").asString();
                String superseding = body.replaceFirst("\\{", "{\"supersedes\": \"" + id + "\", \"reason\": \"sửa\",");
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<Future<Http.Response>> sent = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Http http = (i % 2 == 0 ? a : b).http();
                    boolean withdrawal = round % 2 == 1 && i == 3;
                    sent.add(pool.submit(() -> {
                        go.await();
                        return withdrawal ? http.postJson("/api/v1/evaluations/" + id + "/withdrawal", "{\"reason\":\"sai\"}")
                                : http.postJson("/api/v1/evaluations", superseding);
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<Http.Response> f : sent) {
                    Http.Response r = f.get(120, TimeUnit.SECONDS);
                    if (r.status() == 200 || r.status() == 201) won++;
                    else assertEquals("urn:chuyenhoa:problem:not-in-force",
                            Http.assertProblem(r, 409).get("type").asString(), r.describe());
                }
                assertEquals(1, won, "round " + round);
                assertEquals(1, b.http().get("/api/v1/evaluations/" + id + "/status").json().get("events").size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.net.http.HttpResponse<String> page(java.net.http.HttpClient browser, Instance on, String path)
            throws IOException, InterruptedException {
        return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + on.port() + path))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static Instance launch(String name, String url) throws IOException {
        int port = freePort();
        Path log = dir.resolve(name + ".log");
        Path heads = dir.resolve(name + "-heads.log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", classpath, "vn.chuyenhoa.ChuyenhoaApplication",
                "--server.port=" + port, "--spring.datasource.url=" + url, "--spring.profiles.active=postgres",
                "--chuyenhoa.access.seed=classpath:access/demo-accounts.csv,classpath:access/test-accounts.csv",
                "--chuyenhoa.instances.shared=true", "--chuyenhoa.instances.name=" + name,
                "--chuyenhoa.warmup.evaluations=0", "--chuyenhoa.audit.head-file=" + heads,
                "--chuyenhoa.audit.head-interval=500ms");
        Process p = new ProcessBuilder(command).directory(new File(".").getAbsoluteFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Instance(name, port, p, log, heads);
    }

    private static void awaitUp(Instance i) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!i.process().isAlive()) {
                throw new AssertionError("instance " + i.name() + " stopped:\n" + tail(i.log()));
            }
            try {
                if (i.http().get("/actuator/health").status() == 200) return;
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            sleep(250);
        }
        throw new AssertionError("instance " + i.name() + " did not start:\n" + tail(i.log()));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** How long until the condition held; fails after {@code boundMillis}. */
    private static long awaitMillis(BooleanSupplier condition, long boundMillis) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (elapsed > boundMillis) throw new AssertionError("not within " + boundMillis + " ms");
            sleep(50);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
