package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.support.Http.assertProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RuleTree;

/**
 * Two drafts made on the same version in force (trial-policy finding 1): once the first is approved, the second no
 * longer says what putting it in force would do, since its files would undo the first. Activating it is refused with
 * both versions named until the approver confirms the change against the version now in force; the page compares with
 * that version and warns. A rollback stays a plain activation of an earlier version.
 */
// a server of its own: it activates rulesets, which would change the rules every other class runs on
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:stale-draft;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false"})
class StaleDraftTest {

    static final String PROFILES = "decision-tables/profiles.drl.xlsx";
    static final String EDITOR = "demo-token-soanthao", EDITOR_BAC_GIANG = "demo-token-soanthao-bacgiang",
            APPROVER = "demo-token-pheduyet";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void aDraftOnAVersionNoLongerInForceIsNotPutInForceUnlessConfirmedAgainstTheVersionInForce() throws Exception {
        Http http = new Http(port);
        String original = active(http);
        // both drafts start from the version in force: Việt Yên crime reduction 10 → 9 (C27), recidivism 15 → 14 (C25)
        String crime = upload(http.as(EDITOR), RuleTree.copyInto(dir.resolve("c27")).set(PROFILES, "Thresholds", "C27", "9"), "Việt Yên 9%");
        String recidivism = upload(http.as(EDITOR_BAC_GIANG), RuleTree.copyInto(dir.resolve("c25")).set(PROFILES, "Thresholds", "C25", "14"), "tái phạm 14%");
        assertEquals(original, http.get("/api/v1/rulesets/" + recidivism).json().get("basedOn").asString());

        Http approver = http.as(APPROVER);
        assertEquals(200, approver.postJson("/api/v1/rulesets/" + crime + "/activate", "{\"comment\":\"Duyệt 9%\"}").status());
        int actions = http.get("/api/v1/ruleset-actions").json().size();

        // the second draft would put C27 back to 10: refused, both versions named, the attempt on the record
        Http.Response stale = approver.postJson("/api/v1/rulesets/" + recidivism + "/activate", "{\"comment\":\"Duyệt tái phạm 14%\"}");
        JsonNode p = assertProblem(stale, 409);
        assertEquals("urn:chuyenhoa:problem:stale-base", p.get("type").asString(), stale::describe);
        assertEquals(original, p.get("basedOn").asString());
        assertEquals(crime, p.get("inForce").asString());
        assertEquals("/api/v1/rulesets/" + crime + "/diff/" + recidivism, p.get("diff").asString());
        assertTrue(p.get("detailVi").asString().contains(crime.substring(0, 12)), stale::describe);
        assertEquals(crime, active(http), "nothing changed");
        JsonNode refused = http.get("/api/v1/ruleset-actions").json().get(0);
        assertEquals(actions + 1, http.get("/api/v1/ruleset-actions").json().size());
        assertEquals("REFUSED", refused.get("action").asString(), refused::toString);
        assertTrue(refused.get("detailsJson").asString().contains("stale-base"), refused::toString);

        // confirming against a version that is not the one in force is refused too (someone activated in between)
        Http.Response wrong = approver.postJson("/api/v1/rulesets/" + recidivism + "/activate",
                "{\"comment\":\"Duyệt\",\"inForce\":\"" + original + "\"}");
        assertEquals("urn:chuyenhoa:problem:in-force-changed", assertProblem(wrong, 409).get("type").asString(), wrong::describe);
        assertEquals(crime, active(http));

        // the page compares with the version in force, warns and asks for the second confirmation
        String page = approver.get("/rulesets/" + recidivism + "/activate").text();
        assertTrue(page.contains("id=\"stale-base\"") && page.contains(original.substring(0, 12)) && page.contains(crime.substring(0, 12))
                && page.contains("C27") && page.contains("name=\"undo\"") && page.contains("value=\"" + crime + "\""), page);
        String english = approver.get("/rulesets/" + recidivism + "/activate?lang=en").text();
        assertTrue(english.contains("id=\"stale-base\"") && english.contains("not on the version in force"), english);
        Http.Response unticked = approver.post("/rulesets/" + recidivism + "/activate", "application/x-www-form-urlencoded",
                ("comment=OK&confirm=yes&inForce=" + crime).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, unticked.status(), unticked::describe);
        assertTrue(unticked.text().contains("id=\"form-errors\"") && unticked.text().contains("bỏ các thay đổi"), unticked::describe);
        assertEquals(crime, active(http));

        // confirmed against the version in force: put in force, and the record says what was confirmed
        Http.Response confirmed = approver.postJson("/api/v1/rulesets/" + recidivism + "/activate",
                "{\"comment\":\"Đã xem so sánh với phiên bản đang áp dụng\",\"inForce\":\"" + crime + "\"}");
        assertEquals(200, confirmed.status(), confirmed::describe);
        assertTrue(confirmed.json().get("staleBase").asBoolean(), confirmed::describe);
        assertEquals(original, confirmed.json().get("basedOn").asString());
        assertFalse(confirmed.json().get("rollback").asBoolean());
        assertEquals(recidivism, active(http));
        JsonNode activated = http.get("/api/v1/ruleset-actions").json().get(0);
        assertEquals("ACTIVATED", activated.get("action").asString());
        assertTrue(activated.get("detailsJson").asString().contains(original), activated::toString);

        // a rollback is what it says: an earlier version put back, no confirmation needed
        Http.Response rollback = approver.postJson("/api/v1/rulesets/" + crime + "/activate", "{\"comment\":\"Quay lại\"}");
        assertEquals(200, rollback.status(), rollback::describe);
        assertTrue(rollback.json().get("rollback").asBoolean());
        assertEquals(crime, active(http));
    }

    private static String upload(Http http, RuleTree tree, String comment) throws Exception {
        Http.Response r = http.postMultipart("/api/v1/rulesets", Map.of("comment", comment),
                Map.of("profiles.drl.xlsx", Files.readAllBytes(tree.file(PROFILES))));
        assertEquals(201, r.status(), r::describe);
        return r.json().get("version").asString();
    }

    private static String active(Http http) {
        return http.get("/api/v1/ruleset").json().get("version").asString();
    }
}
