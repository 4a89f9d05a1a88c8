package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.ChuyenhoaApplication;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RuleTree;

/**
 * The folder watcher in the running application: a policy officer saves a workbook in decision-tables/ and, within
 * seconds and without a restart, the local run puts a clean change in force, refuses a broken one (the version in
 * force stays, health is DEGRADED with the cell) until the file is fixed, and production keeps a clean change as a
 * DRAFT for approval. Files are saved the way editors save them: LibreOffice and Excel write a temporary file in the
 * same folder and rename it over the original; some tools write in place.
 */
class WatcherTest {

    static final String PROFILES = "decision-tables/profiles.drl.xlsx";
    static final String CASES = "decision-tables/tests/cases.drl.xlsx";
    static final Duration WITHIN = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void inTheLocalRunASavedChangeIsInForceWithinSecondsAndABrokenSaveChangesNothingUntilFixed() throws Exception {
        RuleTree watched = RuleTree.copyInto(Files.createDirectories(dir.resolve("watched")));
        // the officer's copy, edited outside the watched folders and saved into them
        RuleTree work = RuleTree.copyInto(Files.createDirectories(dir.resolve("work")));
        try (ConfigurableApplicationContext app = start(watched, true)) {
            Http http = http(app);
            String shipped = versionOf(watched);
            assertEquals(shipped, http.get("/api/v1/ruleset").json().get("version").asString());
            JsonNode before = evaluate(http);
            assertEquals(shipped, before.get("rulesetVersion").asString());
            assertEquals("TRANSFORMED", before.get("verdict").asString(), "10% down meets Việt Yên's ≥ 10%");

            // (a) Việt Yên raises its crime-reduction target to 12% (Thresholds!C27), with the staff test case it
            // moves (exact_boundaries, 10% down, now NOT_MET); both saved as an editor does, by rename
            work.set(PROFILES, "Thresholds", "C27", "12");
            work.set(CASES, "Cases", GovernanceTest.column(work.file(CASES), "expect.CRIME_REDUCTION")
                    + GovernanceTest.rowOf(work.file(CASES), "exact_boundaries"), "NOT_MET");
            String twelve = versionOf(work);
            assertNotEquals(shipped, twelve);
            saveByRename(work, watched, CASES);
            saveByRename(work, watched, PROFILES);

            JsonNode ruleset = poll(http, "/api/v1/ruleset", r -> twelve.equals(r.path("version").asString()),
                    "the saved change in force");
            assertEquals("WATCH", ruleset.get("origin").asString());
            assertTrue(ruleset.path("lastFailedLoad").isMissingNode() || ruleset.get("lastFailedLoad").isNull(), ruleset::toString);
            JsonNode after = evaluate(http);
            assertEquals(twelve, after.get("rulesetVersion").asString(), "the next evaluation records the new version");
            assertEquals("NOT_TRANSFORMED", after.get("verdict").asString());
            JsonNode reduction = criterion(after, "CRIME_REDUCTION");
            assertEquals("NOT_MET", reduction.get("outcome").asString());
            assertEquals("12", reduction.get("threshold").asString());
            assertEquals("C27", reduction.get("source").get("cell").asString());
            JsonNode activated = http.get("/api/v1/ruleset-actions").json().get(0);
            assertEquals("ACTIVATED", activated.get("action").asString(), activated::toString);
            assertEquals("folder-watcher", activated.get("actor").asString(), activated::toString);
            assertEquals(twelve, activated.get("toVersion").asString(), activated::toString);

            // (b) a broken save, written in place: words in Việt Yên's clearance threshold (Thresholds!C23)
            byte[] good = Files.readAllBytes(watched.file(PROFILES));
            work.set(PROFILES, "Thresholds", "C23", "tám mươi");
            String broken = versionOf(work);
            Files.write(watched.file(PROFILES), Files.readAllBytes(work.file(PROFILES)));

            ruleset = poll(http, "/api/v1/ruleset", r -> broken.equals(r.path("lastFailedLoad").path("versionId").asString()),
                    "the broken save reported");
            assertEquals(twelve, ruleset.get("version").asString(), "the version in force stays");
            assertEquals("WATCH", ruleset.get("lastFailedLoad").get("origin").asString());
            assertTheBrokenCell(ruleset.get("lastFailedLoad").get("problems").get(0));
            Http.Response health = http.get("/actuator/health");
            assertEquals(200, health.status(), health::describe);
            assertEquals("DEGRADED", health.json().get("status").asString(), health::describe);
            JsonNode component = health.json().get("components").get("ruleset");
            assertEquals(twelve, component.get("details").get("version").asString());
            assertTheBrokenCell(component.get("details").get("failedLoad").get("problems").get(0));
            assertEquals(twelve, evaluate(http).get("rulesetVersion").asString(), "evaluations go on with the version in force");
            assertEquals("REJECTED", http.get("/api/v1/ruleset-actions").json().get(0).get("action").asString());

            // fixed by putting the last good file back (as an undo or a restored backup would): the failure is gone
            saveByRename(good, watched, PROFILES);
            poll(http, "/actuator/health", h -> "UP".equals(h.path("status").asString()), "health UP after the fix");
            ruleset = http.get("/api/v1/ruleset").json();
            assertEquals(twelve, ruleset.get("version").asString());
            assertTrue(ruleset.path("lastFailedLoad").isMissingNode() || ruleset.get("lastFailedLoad").isNull(), ruleset::toString);
            assertEquals(twelve, evaluate(http).get("rulesetVersion").asString());
        }
    }

    @Test
    void inProductionASavedChangeWaitsAsADraftAndTheVersionInForceStays() throws Exception {
        RuleTree watched = RuleTree.copyInto(Files.createDirectories(dir.resolve("watched")));
        RuleTree work = RuleTree.copyInto(Files.createDirectories(dir.resolve("work")));
        try (ConfigurableApplicationContext app = start(watched, false)) {
            Http http = http(app);
            String shipped = http.get("/api/v1/ruleset").json().get("version").asString();
            assertEquals(versionOf(watched), shipped);

            // a clean edit: the legal basis of LAM_DONG_2022 (Profiles!J13); no verdict and no test case moves
            work.set(PROFILES, "Profiles", "J13", "Quyết định đưa địa bàn ra khỏi danh sách trọng điểm, Lâm Đồng 2023 (bản sửa)");
            String draft = versionOf(work);
            saveByRename(work, watched, PROFILES);

            JsonNode listed = poll(http, "/api/v1/rulesets", page -> find(page, draft) != null, "the saved change stored");
            JsonNode version = find(listed, draft);
            assertEquals("DRAFT", version.get("status").asString(), version::toString);
            assertEquals("WATCH", version.get("origin").asString(), version::toString);
            assertEquals("folder-watcher", version.get("author").asString(), version::toString);
            assertEquals(shipped, version.get("basedOn").asString(), version::toString);
            assertEquals("ACTIVE", find(listed, shipped).get("status").asString());

            JsonNode ruleset = http.get("/api/v1/ruleset").json();
            assertEquals(shipped, ruleset.get("version").asString(), "nothing is put in force without approval");
            assertTrue(ruleset.path("lastFailedLoad").isMissingNode() || ruleset.get("lastFailedLoad").isNull(), ruleset::toString);
            assertEquals("UP", http.get("/actuator/health").json().get("status").asString());
            assertEquals(shipped, evaluate(http).get("rulesetVersion").asString());
            JsonNode stored = http.get("/api/v1/ruleset-actions").json().get(0);
            assertEquals("STORED", stored.get("action").asString(), stored::toString);
            assertEquals(draft, stored.get("toVersion").asString(), stored::toString);
        }
    }

    /** The application as the local run or production starts it, watching the tree, on an H2 file of its own. */
    private ConfigurableApplicationContext start(RuleTree tree, boolean activateFiles) throws IOException {
        Path db = Files.createDirectories(dir.resolve("db-" + activateFiles));
        return new SpringApplicationBuilder(ChuyenhoaApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // arguments, not default properties, so that they win over application.properties
                .run("--server.port=0",
                        "--chuyenhoa.ruleset.root=" + tree.root().toAbsolutePath(),
                        "--spring.datasource.url=jdbc:h2:file:" + db.toAbsolutePath().resolve("chuyenhoa"),
                        "--chuyenhoa.warmup.evaluations=0",
                        "--chuyenhoa.ruleset.watch=true",
                        "--chuyenhoa.ruleset.activate-files=" + activateFiles);
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    /** As LibreOffice and Excel save: a temporary file in the same folder, renamed over the original. */
    private static void saveByRename(RuleTree from, RuleTree to, String relative) throws IOException {
        saveByRename(Files.readAllBytes(from.file(relative)), to, relative);
    }

    private static void saveByRename(byte[] content, RuleTree to, String relative) throws IOException {
        Path target = to.file(relative);
        Path temp = Files.createTempFile(target.getParent(), "lu", ".tmp");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Polls a GET until its JSON satisfies the condition; the watcher works in the background, so nothing else waits. */
    private static JsonNode poll(Http http, String path, Predicate<JsonNode> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = http.get(path).json();
            if (done.test(last)) return last;
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + WITHIN.toSeconds() + " s: " + what + "; last answer " + last);
    }

    private static JsonNode evaluate(Http http) {
        Http.Response r = http.postJson("/api/v1/evaluations", GovernanceTest.NENH_TEN_PERCENT);
        assertEquals(201, r.status(), r::describe);
        return r.json();
    }

    private static JsonNode criterion(JsonNode doc, String id) {
        for (JsonNode c : doc.get("criteria")) if (c.get("id").asString().equals(id)) return c;
        throw new AssertionError("no " + id + " in " + doc);
    }

    private static JsonNode find(JsonNode page, String version) {
        for (JsonNode v : page.get("items")) if (v.get("version").asString().equals(version)) return v;
        return null;
    }

    private static String versionOf(RuleTree tree) {
        return RuleFiles.versionId(RuleFiles.read(tree.root(), ActiveRuleset.FOLDERS));
    }

    private static void assertTheBrokenCell(JsonNode problem) {
        assertEquals(PROFILES, problem.get("file").asString(), problem::toString);
        assertEquals("Thresholds", problem.get("sheet").asString(), problem::toString);
        assertEquals("C23", problem.get("cell").asString(), problem::toString);
        assertEquals("tám mươi", problem.get("value").asString(), problem::toString);
        assertEquals("not_a_number", problem.get("code").asString(), problem::toString);
    }
}
