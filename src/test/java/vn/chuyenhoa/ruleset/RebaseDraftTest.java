package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.support.Http.assertProblem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Http;

/**
 * A draft made on a version no longer in force (see {@link StaleDraftTest}) made again on the version in force, instead
 * of its editor downloading that version and redoing the edits by hand: what the draft changed is carried onto the
 * version in force as a new draft, which activates without confirming anything; a cell both changed keeps the value in
 * force and is listed, not overwritten. Only who may upload the draft may ask; a draft on the version in force has
 * nothing to rebase. Every edit starts from the file of the version in force, so the tests do not depend on each other.
 */
// a server of its own: it activates rulesets, which would change the rules every other class runs on
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rebase-draft;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false"})
class RebaseDraftTest {

    static final String PROFILES = "decision-tables/profiles.drl.xlsx";
    static final String EDITOR = "demo-token-soanthao", EDITOR_BAC_GIANG = "demo-token-soanthao-bacgiang",
            APPROVER = "demo-token-pheduyet";

    @LocalServerPort
    int port;

    @Test
    void theSecondOfTwoDraftsIsMadeAgainOnTheFirstAndActivatesWithoutConfirmation() throws Exception {
        Http http = new Http(port);
        String original = active(http);
        // both from the version in force: Việt Yên crime reduction (C27) and, by Bắc Giang's editor, recidivism (C25)
        String crime = upload(http.as(EDITOR), edit(http, original, "C27", "9"), "Việt Yên 9%");
        String recidivism = upload(http.as(EDITOR_BAC_GIANG), edit(http, original, "C25", "14"), "tái phạm 14%");
        Http approver = http.as(APPROVER);
        assertEquals(200, approver.postJson("/api/v1/rulesets/" + crime + "/activate", "{\"comment\":\"Duyệt 9%\"}").status());

        // the page with the stale warning offers the editor, and only someone who may upload, to rebase
        String offered = http.as(EDITOR_BAC_GIANG).get("/rulesets/" + recidivism).text();
        assertTrue(offered.contains("id=\"stale-draft\"") && offered.contains("id=\"rebase\"")
                && offered.contains("Cập nhật bản nháp theo phiên bản đang áp dụng"), offered);
        String approverPage = approver.get("/rulesets/" + recidivism).text();
        assertTrue(approverPage.contains("id=\"stale-draft\"") && !approverPage.contains("id=\"rebase\""), approverPage);
        assertProblem(approver.postJson("/api/v1/rulesets/" + recidivism + "/rebase", "{}"), 403);
        // the activation page's stale warning too, for whoever holds both roles (the test account holds all)
        String activation = http.get("/rulesets/" + recidivism + "/activate").text();
        assertTrue(activation.contains("id=\"stale-base\"") && activation.contains("id=\"rebase\""), activation);
        assertFalse(approver.get("/rulesets/" + recidivism + "/activate").text().contains("id=\"rebase\""));

        // the button: a new draft, whose page says so
        Http.Response page = http.as(EDITOR_BAC_GIANG).post("/rulesets/" + recidivism + "/rebase",
                "application/x-www-form-urlencoded", "comment=T%C3%A1i+ph%E1%BA%A1m+14%25".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, page.status(), page::describe);
        assertTrue(page.text().contains("id=\"rebased\"") && page.text().contains("id=\"rebase-carried\"")
                && !page.text().contains("id=\"rebase-conflicts\""), page::describe);
        String rebased = http.get("/api/v1/ruleset-actions").json().get(0).get("toVersion").asString();

        // both changes, on the version in force
        JsonNode detail = http.get("/api/v1/rulesets/" + rebased).json();
        assertEquals(crime, detail.get("basedOn").asString());
        byte[] file = http.get("/api/v1/rulesets/" + rebased + "/files/" + PROFILES).body();
        assertEquals("9", cell(file, "C27"));
        assertEquals("14", cell(file, "C25"));
        // on the record before it can take effect: who asked, which draft it replaces
        JsonNode stored = http.get("/api/v1/ruleset-actions").json().get(0);
        assertEquals("STORED", stored.get("action").asString(), stored::toString);
        assertEquals(rebased, stored.get("toVersion").asString());
        assertEquals("soanthao.bacgiang", stored.get("actor").asString(), stored::toString);
        assertTrue(stored.get("detailsJson").asString().contains("\"rebaseOf\":\"" + recidivism + "\""), stored::toString);

        Http.Response activated = approver.postJson("/api/v1/rulesets/" + rebased + "/activate", "{\"comment\":\"Duyệt tái phạm 14%\"}");
        assertEquals(200, activated.status(), activated::describe);
        assertFalse(activated.json().has("staleBase"), activated::describe);
        assertEquals(rebased, active(http));
    }

    @Test
    void aCellBothChangedKeepsTheValueInForceAndIsListedForTheEditor() throws Exception {
        Http http = new Http(port);
        String original = active(http);
        Http editor = http.as(EDITOR);
        String mine = upload(editor, edit(http, original, "C27", "8", "C25", "12"), "8% và tái phạm 12%");
        String theirs = upload(editor, edit(http, original, "C27", "7"), "7%");
        assertEquals(200, http.as(APPROVER).postJson("/api/v1/rulesets/" + theirs + "/activate", "{\"comment\":\"Duyệt 7%\"}").status());

        Http.Response r = editor.postJson("/api/v1/rulesets/" + mine + "/rebase", "");
        assertEquals(201, r.status(), r::describe);
        String rebased = r.json().get("version").asString();
        assertEquals("/api/v1/rulesets/" + rebased, r.header("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(null));
        assertEquals("DRAFT", r.json().get("status").asString());
        assertEquals(theirs, r.json().get("basedOn").asString());
        assertEquals(mine, r.json().get("replaces").asString());
        assertEquals(1, r.json().get("conflicts").size(), r::describe);
        JsonNode conflict = r.json().get("conflicts").get(0);
        assertEquals(PROFILES, conflict.get("file").asString());
        assertEquals("Thresholds", conflict.get("sheet").asString());
        assertEquals("C27", conflict.get("cell").asString());
        assertEquals("8", conflict.get("draftValue").asString());
        assertEquals("7", conflict.get("inForceValue").asString());
        assertTrue(conflict.get("reasonVi").asString().contains("Phiên bản đang áp dụng cũng sửa ô này"), r::describe);
        assertEquals("C25", r.json().get("carried").get(0).get("cell").asString());

        // the new draft's page lists it for the editor: file, sheet, cell, both values; Vietnamese first
        String page = editor.get("/rulesets/" + rebased).text();
        String conflicts = page.substring(page.indexOf("id=\"rebase-conflicts\""));
        conflicts = conflicts.substring(0, conflicts.indexOf("</table>"));
        assertTrue(conflicts.contains("Thresholds") && conflicts.contains(">C27<") && conflicts.contains(">8<")
                && conflicts.contains(">7<") && conflicts.contains(PROFILES)
                && conflicts.contains("Phiên bản đang áp dụng cũng sửa ô này") && conflicts.contains("Giá trị đang áp dụng"), conflicts);
        assertTrue(page.contains(mine.substring(0, 12)), page);
        String english = editor.get("/rulesets/" + rebased + "?lang=en").text();
        assertTrue(english.contains("The version in force changed this cell too") && english.contains("Value in force (kept)"), english);

        // not overwritten: the value in force stays, the other change is carried
        byte[] file = http.get("/api/v1/rulesets/" + rebased + "/files/" + PROFILES).body();
        assertEquals("7", cell(file, "C27"));
        assertEquals("12", cell(file, "C25"));
        assertEquals(theirs, http.get("/api/v1/rulesets/" + rebased).json().get("basedOn").asString());
    }

    @Test
    void aProvincialEditorRebasesNoDraftChangingAnotherProvince() throws Exception {
        Http http = new Http(port);
        String original = active(http);
        // Ngọc Lặc is Thanh Hóa's (38); the Bắc Giang editor holds 24 only
        String ngocLac = upload(http.as(EDITOR), edit(http, original, "E33", "Kế hoạch của UBND huyện Ngọc Lặc năm 2024 (sửa đổi)"), "Ngọc Lặc: căn cứ");
        String other = upload(http.as(EDITOR), edit(http, original, "E23", "Kế hoạch của UBND huyện Việt Yên năm 2024 (sửa đổi)"), "Việt Yên: căn cứ");
        assertEquals(200, http.as(APPROVER).postJson("/api/v1/rulesets/" + other + "/activate", "{\"comment\":\"Duyệt\"}").status());
        int versions = http.get("/api/v1/rulesets?size=200").json().get("totalItems").asInt();

        Http.Response r = http.as(EDITOR_BAC_GIANG).postJson("/api/v1/rulesets/" + ngocLac + "/rebase", "{}");
        JsonNode p = assertProblem(r, 403);
        assertEquals("urn:chuyenhoa:problem:outside-scope", p.get("type").asString(), r::describe);
        assertEquals(versions, http.get("/api/v1/rulesets?size=200").json().get("totalItems").asInt(), "nothing stored");
        JsonNode refused = http.get("/api/v1/ruleset-actions").json().get(0);
        assertEquals("REFUSED", refused.get("action").asString(), refused::toString);

        Http.Response page = http.as(EDITOR_BAC_GIANG).post("/rulesets/" + ngocLac + "/rebase",
                "application/x-www-form-urlencoded", new byte[0]);
        assertEquals(403, page.status(), page::describe);
        assertTrue(page.text().contains("id=\"rebase-errors\""), page::describe);
    }

    @Test
    void aDraftOnTheVersionInForceHasNothingToRebase() throws Exception {
        Http http = new Http(port);
        String current = upload(http.as(EDITOR), edit(http, active(http), "C24", "96"), "Việt Yên 96%");
        Http.Response r = http.as(EDITOR).postJson("/api/v1/rulesets/" + current + "/rebase", "{}");
        JsonNode p = assertProblem(r, 409);
        assertEquals("urn:chuyenhoa:problem:not-stale", p.get("type").asString(), r::describe);
        assertEquals(active(http), p.get("inForce").asString());
        assertTrue(p.get("detailVi").asString().contains("không có gì cần cập nhật"), r::describe);
        assertProblem(http.as(EDITOR).postJson("/api/v1/rulesets/" + "0".repeat(64) + "/rebase", "{}"), 404);
        assertProblem(http.as(EDITOR).postJson("/api/v1/rulesets/" + current + "/rebase", "{\"inForce\":\"x\"}"), 400);
    }

    @Test
    void aDraftRebasedTwiceIsAnsweredWithTheDraftTheFirstRebaseMade() throws Exception {
        Http http = new Http(port);
        String original = active(http);
        Http editor = http.as(EDITOR);
        String mine = upload(editor, edit(http, original, "C25", "13"), "tái phạm 13%");
        String theirs = upload(editor, edit(http, original, "C24", "97"), "97%");
        assertEquals(200, http.as(APPROVER).postJson("/api/v1/rulesets/" + theirs + "/activate", "{\"comment\":\"Duyệt 97%\"}").status());

        Http.Response first = editor.postJson("/api/v1/rulesets/" + mine + "/rebase", "{}");
        assertEquals(201, first.status(), first::describe);
        String rebased = first.json().get("version").asString();
        int versions = http.get("/api/v1/rulesets?size=200").json().get("totalItems").asInt();
        int actions = http.get("/api/v1/ruleset-actions").json().size();

        // a call retried seconds later (a zip's entries carry the time they were written, to two seconds: the carried
        // workbook is not the same bytes again): the same draft, as an identical upload is answered
        Thread.sleep(2_100);
        Http.Response again = editor.postJson("/api/v1/rulesets/" + mine + "/rebase", "{}");
        assertEquals(200, again.status(), again::describe);
        assertEquals(rebased, again.json().get("version").asString(), again::describe);
        assertTrue(again.json().get("existing").asBoolean(), again::describe);
        assertEquals("DRAFT", again.json().get("status").asString());
        assertEquals(theirs, again.json().get("basedOn").asString());
        assertEquals(mine, again.json().get("replaces").asString());
        assertEquals("C25", again.json().get("carried").get(0).get("cell").asString(), again::describe);

        // a double click on the page: that draft's page, saying nothing new was stored
        Http.Response page = editor.post("/rulesets/" + mine + "/rebase", "application/x-www-form-urlencoded", new byte[0]);
        assertEquals(200, page.status(), page::describe);
        assertTrue(page.text().contains("id=\"rebased-before\"") && page.text().contains(rebased), page::describe);

        assertEquals(versions, http.get("/api/v1/rulesets?size=200").json().get("totalItems").asInt(), "nothing stored");
        JsonNode log = http.get("/api/v1/ruleset-actions").json();
        assertEquals(actions, log.size(), log::toString);
        int stored = 0;
        for (JsonNode a : log) {
            if ("STORED".equals(a.get("action").asString()) && a.get("detailsJson").asString("").contains("\"rebaseOf\":\"" + mine + "\"")) stored++;
        }
        assertEquals(1, stored, log::toString);
    }

    @Test
    void thePageExplainsThatADraftOnTheVersionInForceHasNothingToRebase() throws Exception {
        Http http = new Http(port);
        Http editor = http.as(EDITOR);
        String current = upload(editor, edit(http, active(http), "C24", "94"), "Việt Yên 94%");

        Http.Response page = editor.post("/rulesets/" + current + "/rebase", "application/x-www-form-urlencoded", new byte[0]);
        assertEquals(409, page.status(), page::describe);
        String errors = page.text().substring(page.text().indexOf("id=\"rebase-errors\""));
        errors = errors.substring(0, errors.indexOf("</ul>"));
        assertTrue(errors.contains("không có gì cần cập nhật") && errors.contains(current.substring(0, 12)), errors);
        assertFalse(page.text().contains("urn:chuyenhoa:problem"), page::describe);

        Http.Response english = editor.post("/rulesets/" + current + "/rebase?lang=en", "application/x-www-form-urlencoded", new byte[0]);
        assertEquals(409, english.status(), english::describe);
        assertTrue(english.text().contains("there is nothing to rebase") && !english.text().contains("không có gì cần cập nhật"),
                english::describe);
    }

    @Test
    void aRebaseWhoseTablesDoNotValidateIsRefusedCellByCellAndStoresNothing() throws Exception {
        Http http = new Http(port);
        String original = active(http);
        Http editor = http.as(EDITOR);
        // both add a criterion to Lâm Đồng in the first empty row: the draft a flag (NO_BLACK_CREDIT, false), the version
        // in force a comparison with the baseline (HOTSPOTS_REDUCED, no threshold). Each is valid; carried onto the row
        // in force, the draft's threshold is a threshold the criterion in force does not use
        String mine = upload(editor, edit(http, original, "A50", "LAM_DONG_2022", "B50", "NO_BLACK_CREDIT", "C50", "false",
                "E50", "Lâm Đồng 2023"), "Lâm Đồng: tín dụng đen");
        String theirs = upload(editor, edit(http, original, "A50", "LAM_DONG_2022", "B50", "HOTSPOTS_REDUCED", "D50", "hotspots",
                "E50", "Lâm Đồng 2023"), "Lâm Đồng: giảm điểm phức tạp");
        assertEquals(200, http.as(APPROVER).postJson("/api/v1/rulesets/" + theirs + "/activate", "{\"comment\":\"Duyệt\"}").status());
        int versions = http.get("/api/v1/rulesets?size=200").json().get("totalItems").asInt();

        Http.Response r = editor.postJson("/api/v1/rulesets/" + mine + "/rebase", "{}");
        JsonNode p = assertProblem(r, 422);
        assertEquals("urn:chuyenhoa:problem:invalid-ruleset", p.get("type").asString(), r::describe);
        JsonNode problem = p.get("report").get("problems").get(0);
        assertEquals(PROFILES, problem.get("file").asString(), r::describe);
        assertEquals("Thresholds", problem.get("sheet").asString(), r::describe);
        assertEquals("C50", problem.get("cell").asString(), r::describe);
        assertEquals("threshold_not_used", problem.get("code").asString(), r::describe);
        assertEquals(versions, http.get("/api/v1/rulesets?size=200").json().get("totalItems").asInt(), "nothing stored");
        assertEquals("REJECTED", http.get("/api/v1/ruleset-actions").json().get(0).get("action").asString());

        Http.Response page = editor.post("/rulesets/" + mine + "/rebase", "application/x-www-form-urlencoded", new byte[0]);
        assertEquals(422, page.status(), page::describe);
        assertTrue(page.text().contains("id=\"rebase-rejected\"") && page.text().contains("C50"), page::describe);
        assertEquals(versions, http.get("/api/v1/rulesets?size=200").json().get("totalItems").asInt(), "nothing stored");
    }

    /** The profiles workbook of {@code version} with cells of its Thresholds sheet set (cell, text, cell, text…), rows added where needed. */
    private static byte[] edit(Http http, String version, String... cells) throws IOException {
        byte[] file = http.get("/api/v1/rulesets/" + version + "/files/" + PROFILES).body();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(file)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.getSheet("Thresholds");
            for (int i = 0; i < cells.length; i += 2) {
                CellReference ref = new CellReference(cells[i]);
                Row row = s.getRow(ref.getRow()) == null ? s.createRow(ref.getRow()) : s.getRow(ref.getRow());
                (row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol())).setCellValue(cells[i + 1]);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static String cell(byte[] file, String ref) throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            CellReference r = new CellReference(ref);
            Cell c = wb.getSheet("Thresholds").getRow(r.getRow()).getCell(r.getCol());
            return new DataFormatter().formatCellValue(c);
        }
    }

    private static String upload(Http http, byte[] profiles, String comment) {
        Http.Response r = http.postMultipart("/api/v1/rulesets", Map.of("comment", comment), Map.of("profiles.drl.xlsx", profiles));
        assertEquals(201, r.status(), r::describe);
        return r.json().get("version").asString();
    }

    private static String active(Http http) {
        return http.get("/api/v1/ruleset").json().get("version").asString();
    }
}
