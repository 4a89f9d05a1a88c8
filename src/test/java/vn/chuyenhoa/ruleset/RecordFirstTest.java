package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

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
 * Issue 10 item 5, "record first, then act": an activation is on the record before the version decides anything.
 * A comment too long for its column is refused up front (it used to answer 500 with the version already in force and
 * no ACTIVATED record); a failure while recording changes nothing; a crash between recording and switching leaves the
 * recorded version in force after the restart; activating the version in force again is a no-op on the pages too.
 */
class RecordFirstTest {

    static final String PROFILES = "decision-tables/profiles.drl.xlsx";

    @TempDir
    Path dir;

    @Test
    void anActivationIsRecordedBeforeItTakesEffect() throws Exception {
        RuleTree tree = RuleTree.copyInto(Files.createDirectories(dir.resolve("tree")));
        Path db = dir.resolve("db");
        String original, candidate;
        try (ConfigurableApplicationContext app = start(tree, db)) {
            Http editor = http(app), approver = editor.as(Http.SECOND_TESTER);
            original = inForce(editor);
            candidate = uploadLegalBasisChange(editor, tree);

            // the finding: a comment longer than its column. Refused before anything happens, naming the field.
            String tooLong = "lý do ".repeat(800);
            Http.Response api = approver.postJson("/api/v1/rulesets/" + candidate + "/activate",
                    "{\"comment\":\"" + tooLong + "\"}");
            Http.assertFieldError(api, "comment", "too_long");
            assertEquals(original, inForce(editor), "nothing was put in force");
            assertEquals(0, activations(editor, candidate), "and nothing recorded");

            Http.Response page = approver.post("/rulesets/" + candidate + "/activate", "application/x-www-form-urlencoded",
                    ("comment=" + URLEncoder.encode(tooLong, StandardCharsets.UTF_8) + "&confirm=yes").getBytes(StandardCharsets.UTF_8));
            assertEquals(400, page.status(), page::describe);
            assertTrue(page.text().contains("tối đa " + ActiveRuleset.MAX_COMMENT + " ký tự"), page::describe);
            assertEquals(original, inForce(editor));

            Http.Response upload = editor.postMultipart("/api/v1/rulesets", Map.of("comment", tooLong),
                    Map.of("profiles.drl.xlsx", Files.readAllBytes(tree.file(PROFILES))));
            Http.assertFieldError(upload, "comment", "too_long");

            // recording itself fails (here: the column refuses what the API would have refused): nothing changes
            ActiveRuleset active = app.getBean(ActiveRuleset.class);
            Changer approverAccount = Changer.person("kiemthu2", true, Set.of());
            assertThrows(ActiveRuleset.NotRecorded.class, () -> active.activate(candidate, approverAccount, tooLong));
            assertEquals(original, active.versionId());
            assertEquals(0, activations(editor, candidate));

            // a crash right after the action row is committed: the process never switched ...
            active.afterRecording = () -> {
                throw new IllegalStateException("simulated crash between recording and switching");
            };
            assertThrows(IllegalStateException.class, () -> active.activate(candidate, approverAccount, "Áp dụng căn cứ mới"));
            assertEquals(original, active.versionId());
            assertEquals(1, activations(editor, candidate), "the activation was recorded first");
        }
        // ... and the restart puts in force what was recorded: both, never one without the other
        try (ConfigurableApplicationContext app = start(tree, db)) {
            Http http = http(app);
            assertEquals(candidate, inForce(http));
            JsonNode verify = http.get("/api/v1/audit/verify").json();
            assertTrue(verify.path("intact").asBoolean(), verify::toString);

            // activating the version in force again records nothing, on the pages as on the API
            Http approver = http.as(Http.SECOND_TESTER);
            Http.Response again = approver.post("/rulesets/" + candidate + "/activate", "application/x-www-form-urlencoded",
                    "comment=l%E1%BA%A7n+n%E1%BB%AFa&confirm=yes".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, again.status(), again::describe);
            assertTrue(again.text().contains("id=\"already-active\""), again::describe);
            Http.Response apiAgain = approver.postJson("/api/v1/rulesets/" + candidate + "/activate", "{\"comment\":\"lần nữa\"}");
            assertTrue(apiAgain.json().path("alreadyActive").asBoolean(), apiAgain::describe);
            assertEquals(1, activations(http, candidate));
            assertNotEquals(original, candidate);
        }
    }

    /** Việt Yên's crime-reduction legal basis (Thresholds!E27) reworded: a data cell, valid, decides nothing. */
    static String uploadLegalBasisChange(Http editor, RuleTree tree) throws Exception {
        tree.set(PROFILES, "Thresholds", "E27", "Kế hoạch số 12/KH-UBND ngày 15/01/2024 của UBND thị xã Việt Yên (sửa đổi)");
        Http.Response r = editor.postMultipart("/api/v1/rulesets", Map.of("comment", "Sửa căn cứ của ngưỡng"),
                Map.of("profiles.drl.xlsx", Files.readAllBytes(tree.file(PROFILES))));
        assertEquals(201, r.status(), r::describe);
        return r.json().path("version").asString();
    }

    static String inForce(Http http) {
        return http.get("/api/v1/ruleset").json().path("version").asString();
    }

    static long activations(Http http, String version) {
        JsonNode actions = http.get("/api/v1/ruleset-actions").json();
        long n = 0;
        for (JsonNode a : actions) {
            if ("ACTIVATED".equals(a.path("action").asString()) && version.equals(a.path("toVersion").asString())) n++;
        }
        return n;
    }

    static ConfigurableApplicationContext start(RuleTree tree, Path db, String... more) {
        String[] args = {"--server.port=0", "--chuyenhoa.ruleset.root=" + tree.root().toAbsolutePath(),
                "--spring.datasource.url=jdbc:h2:file:" + db.toAbsolutePath().resolve("chuyenhoa"),
                "--chuyenhoa.warmup.evaluations=0", "--chuyenhoa.ruleset.watch=false"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return new SpringApplicationBuilder(ChuyenhoaApplication.class).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(all);
    }

    static Http http(ConfigurableApplicationContext app) {
        return new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    }
}
