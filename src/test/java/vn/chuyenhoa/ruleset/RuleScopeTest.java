package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.support.Http.assertProblem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.access.Accounts;
import vn.chuyenhoa.access.Role;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RuleTree;

/**
 * Who may change which rules, through the running server and the real tables: an editor of Bắc Giang changes Việt
 * Yên's profile but not NATIONAL_CORE nor the rules every province shares; nobody approves their own upload; an
 * approver of Bắc Giang approves only changes within it. Every refusal stores nothing, keeps the version in force and
 * is logged with the caller's name.
 */
// a server of its own: it activates rulesets of its own, which would change the rules every other class runs on
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rule-scope;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false"})
class RuleScopeTest {

    static final String PROFILES = "decision-tables/profiles.drl.xlsx";
    /** Demo accounts (src/main/resources/access/demo-accounts.csv). */
    static final String EDITOR_BAC_GIANG = "demo-token-soanthao-bacgiang", EDITOR = "demo-token-soanthao",
            APPROVER = "demo-token-pheduyet";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @TempDir
    Path dir;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aProvincialEditorChangesOnlyTheProfilesOfTheirProvince() throws Exception {
        String active = active();
        long versions = versions();

        // Thresholds!C27: Việt Yên (Bắc Giang, 24) crime reduction 10 → 9
        Http.Response own = upload(EDITOR_BAC_GIANG, RuleTree.copyInto(dir.resolve("vy")).set(PROFILES, "Thresholds", "C27", "9"), "Việt Yên 9%");
        assertEquals(201, own.status(), own::describe);
        String vietYen = own.json().get("version").asString();
        assertEquals("soanthao.bacgiang", http.get("/api/v1/rulesets/" + vietYen).json().get("author").asString());

        // Thresholds!E15: the legal basis of NATIONAL_CORE's clearance rate, a profile of the whole country
        Http.Response national = upload(EDITOR_BAC_GIANG, RuleTree.copyInto(dir.resolve("nc"))
                .set(PROFILES, "Thresholds", "E15", "QĐ 1960/QĐ-BCA ngày 08/9/2017 (sửa)"), "sửa căn cứ");
        JsonNode p = assertProblem(national, 403);
        assertEquals("urn:chuyenhoa:problem:outside-scope", p.get("type").asString());
        assertTrue(p.get("items").toString().contains("NATIONAL_CORE"), national::describe);
        assertTrue(p.get("detailVi").asString().contains("không có gì được lưu"), national::describe);
        JsonNode logged = http.get("/api/v1/ruleset-actions").json().get(0);
        assertEquals("REFUSED", logged.get("action").asString(), logged::toString);
        assertEquals("soanthao.bacgiang", logged.get("actor").asString(), logged::toString);

        // a district's profile of another province: named by its province and district, codes beside the names
        // (policy trial finding 12: "tỉnh 38, huyện 389")
        String ngocLac = vn.chuyenhoa.support.ShippedRows.cell(PROFILES, "Thresholds", "C", "NGOC_LAC_2024", "CLEARANCE_RATE");
        Http.Response thanhHoa = upload(EDITOR_BAC_GIANG, RuleTree.copyInto(dir.resolve("nl")).set(PROFILES, "Thresholds", ngocLac, "81"),
                "Ngọc Lặc 81%");
        String items = assertProblem(thanhHoa, 403).get("items").toString();
        assertTrue(items.contains("Bộ tiêu chí NGOC_LAC_2024 (Tỉnh Thanh Hóa (38), Huyện Ngọc Lặc (389)"), items);

        // a rule file every province shares, even a change that moves no decision, is the whole country's: 403 before
        // anything else (to the national editor, it is 422: logic is never uploaded)
        RuleTree drl = RuleTree.copyInto(dir.resolve("drl"));
        Path evaluation = drl.file("rules/evaluation.drl");
        Files.writeString(evaluation, Files.readString(evaluation) + "\n// chú thích\n");
        Http.Response shared = http.as(EDITOR_BAC_GIANG).postMultipart("/api/v1/rulesets", Map.of("comment", "chú thích"),
                Map.of("evaluation.drl", Files.readAllBytes(evaluation)));
        assertTrue(assertProblem(shared, 403).get("items").toString().contains("rules/evaluation.drl"), shared::describe);
        Http.Response sharedByNational = http.as(EDITOR).postMultipart("/api/v1/rulesets", Map.of("comment", "chú thích"),
                Map.of("evaluation.drl", Files.readAllBytes(evaluation)));
        assertTrue(assertProblem(sharedByNational, 422).get("report").toString().contains("rules/evaluation.drl"), sharedByNational::describe);

        assertEquals(versions + 1, versions(), "only the Việt Yên change was stored");
        assertEquals(active, active(), "nothing was put in force");

        // the national editor may make the NATIONAL_CORE change
        Http.Response byNational = upload(EDITOR, RuleTree.copyInto(dir.resolve("nc2"))
                .set(PROFILES, "Thresholds", "E15", "QĐ 1960/QĐ-BCA ngày 08/9/2017 (sửa)"), "sửa căn cứ");
        assertEquals(201, byNational.status(), byNational::describe);
    }

    /**
     * The caller's provinces come before anything else about the upload (trial-policy findings 2 and 17): bytes that
     * are already a stored draft, or cells another province's rows hold wrongly, answer 403 and are logged as refused,
     * never with a version id or a cell-by-cell report about rows that are not the caller's.
     */
    @Test
    void aProvincialEditorIsRefusedBeforeTheirUploadIsMatchedOrChecked() throws Exception {
        // Thresholds!E17: a legal basis of NATIONAL_CORE, changed by the national editor: a draft
        RuleTree national = RuleTree.copyInto(dir.resolve("nat")).set(PROFILES, "Thresholds", "E17", "QĐ 1960/QĐ-BCA (bản sửa lần hai)");
        Http.Response draft = upload(EDITOR, national, "căn cứ");
        assertEquals(201, draft.status(), draft::describe);
        String version = draft.json().get("version").asString();

        // the same bytes from the editor of Bắc Giang
        int actions = http.get("/api/v1/ruleset-actions").json().size();
        Http.Response same = upload(EDITOR_BAC_GIANG, national, "căn cứ");
        JsonNode p = assertProblem(same, 403);
        assertEquals("urn:chuyenhoa:problem:outside-scope", p.get("type").asString(), same::describe);
        assertFalse(same.text().contains(version), "no version id is confirmed: " + same.describe());
        JsonNode logged = http.get("/api/v1/ruleset-actions").json().get(0);
        assertEquals(actions + 1, http.get("/api/v1/ruleset-actions").json().size());
        assertEquals("REFUSED", logged.get("action").asString(), logged::toString);
        assertEquals("soanthao.bacgiang", logged.get("actor").asString(), logged::toString);

        // Thresholds!C30, a Ngọc Lặc (Thanh Hóa) threshold, holding text: no report on Thanh Hóa's cells for Bắc Giang
        Http.Response ngocLac = upload(EDITOR_BAC_GIANG, RuleTree.copyInto(dir.resolve("nl")).set(PROFILES, "Thresholds", "C30", "false"), "sửa");
        JsonNode q = assertProblem(ngocLac, 403);
        assertEquals("urn:chuyenhoa:problem:outside-scope", q.get("type").asString(), ngocLac::describe);
        assertTrue(q.get("items").toString().contains("NGOC_LAC_2024") && q.get("report") == null, ngocLac::describe);
        assertEquals("REFUSED", http.get("/api/v1/ruleset-actions").json().get(0).get("action").asString());
        // the national editor is told what is wrong with the cell
        Http.Response nationalNgocLac = upload(EDITOR, RuleTree.copyInto(dir.resolve("nl2")).set(PROFILES, "Thresholds", "C30", "false"), "sửa");
        assertTrue(assertProblem(nationalNgocLac, 422).get("report").toString().contains("C30"), nationalNgocLac::describe);
    }

    @Test
    void nobodyApprovesTheirOwnUploadAndAProvincialApproverStaysInTheirProvince() throws Exception {
        String active = active();
        // 8%, not the other test's 9%: an identical set would be that test's version, uploaded by someone else
        Http.Response uploaded = upload(Http.TESTER, RuleTree.copyInto(dir.resolve("vy")).set(PROFILES, "Thresholds", "C27", "8"), "Việt Yên 8%");
        assertEquals(201, uploaded.status(), uploaded::describe);
        String vietYen = uploaded.json().get("version").asString();
        String national = upload(EDITOR, RuleTree.copyInto(dir.resolve("nc"))
                .set(PROFILES, "Thresholds", "E16", "QĐ 1960/QĐ-BCA (sửa)"), "căn cứ").json().get("version").asString();

        // the all-role test account uploaded it, so it may not approve it, though it holds RULE_APPROVER
        Http.Response ownApproval = http.postJson("/api/v1/rulesets/" + vietYen + "/activate", "{\"comment\":\"tự duyệt\"}");
        assertEquals("urn:chuyenhoa:problem:own-upload", assertProblem(ownApproval, 403).get("type").asString());
        assertEquals(active, active());

        // an editor is not an approver at all
        assertProblem(http.as(EDITOR).postJson("/api/v1/rulesets/" + vietYen + "/activate", "{\"comment\":\"x\"}"), 403);

        accounts.create("pheduyet.bacgiang", "Người phê duyệt tỉnh Bắc Giang", null, Set.of(Role.RULE_APPROVER), false,
                Set.of("QD124_2004:24"), "test");
        Http bacGiang = http.as(accounts.issueToken("pheduyet.bacgiang", "test", "test").secret());
        Http.Response outside = bacGiang.postJson("/api/v1/rulesets/" + national + "/activate", "{\"comment\":\"duyệt\"}");
        assertTrue(assertProblem(outside, 403).get("items").toString().contains("NATIONAL_CORE"), outside::describe);
        assertEquals(active, active());

        Http.Response inside = bacGiang.postJson("/api/v1/rulesets/" + vietYen + "/activate", "{\"comment\":\"duyệt\"}");
        assertEquals(200, inside.status(), inside::describe);
        assertEquals(vietYen, active());
        JsonNode logged = http.get("/api/v1/ruleset-actions").json().get(0);
        assertEquals("ACTIVATED", logged.get("action").asString(), logged::toString);
        assertEquals("pheduyet.bacgiang", logged.get("actor").asString(), logged::toString);

        // the national approver rolls back
        assertEquals(200, http.as(APPROVER).postJson("/api/v1/rulesets/" + active + "/activate", "{\"comment\":\"quay lại\"}").status());
        assertEquals(active, active());
    }

    private Http.Response upload(String token, RuleTree tree, String comment) throws Exception {
        return http.as(token).postMultipart("/api/v1/rulesets", Map.of("comment", comment),
                Map.of("profiles.drl.xlsx", Files.readAllBytes(tree.file(PROFILES))));
    }

    private String active() {
        return http.get("/api/v1/ruleset").json().get("version").asString();
    }

    private long versions() {
        return http.get("/api/v1/rulesets").json().get("totalItems").asLong();
    }
}
