package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RuleTree;

/**
 * Issue 10 items 1 and 5 at start-up: the version in force stays the one last activated. A restart of the local run
 * used to put the files on disk back in force over an approved activation. Files that changed since last seen are a
 * new release: what a province uploaded is carried onto it where its column is unchanged, and the version lists the
 * cells to enter again where the release changed them too; outside the local run it waits for approval.
 */
class ReleaseStartTest {

    static final String PROFILES = RecordFirstTest.PROFILES;
    static final String NATIONAL_BASIS = "Quyết định số 1960/QĐ-BCA ngày 08/9/2017 (bản phát hành mới)";

    @TempDir
    Path dir;

    @Test
    void aRestartKeepsTheApprovedVersionAndANewReleaseCarriesTheUploadedCells() throws Exception {
        RuleTree tree = RuleTree.copyInto(Files.createDirectories(dir.resolve("tree")));
        RuleTree uploads = RuleTree.copyInto(Files.createDirectories(dir.resolve("edits")));
        Path db = dir.resolve("db");
        String uploaded;
        String uploadedBasis;
        try (ConfigurableApplicationContext app = RecordFirstTest.start(tree, db)) {
            Http http = RecordFirstTest.http(app);
            uploaded = RecordFirstTest.uploadLegalBasisChange(http, uploads);
            uploadedBasis = cell(http, uploaded, "E27");
            Http.Response approved = http.as(Http.SECOND_TESTER).postJson("/api/v1/rulesets/" + uploaded + "/activate",
                    "{\"comment\":\"Phê duyệt căn cứ mới\"}");
            assertEquals(200, approved.status(), approved::describe);
        }

        // the finding: the local run restarted with the same files on disk
        try (ConfigurableApplicationContext app = RecordFirstTest.start(tree, db)) {
            assertEquals(uploaded, RecordFirstTest.inForce(RecordFirstTest.http(app)), "the approval stands");
        }

        // a new release changes another cell: in the local run it is put in force at once, with the upload carried
        tree.set(PROFILES, "Thresholds", "E10", NATIONAL_BASIS);
        try (ConfigurableApplicationContext app = RecordFirstTest.start(tree, db)) {
            Http http = RecordFirstTest.http(app);
            String release = RecordFirstTest.inForce(http);
            assertEquals(release(http), release, "the version with the carried cells is the one in force");
            JsonNode diff = http.get("/api/v1/rulesets/" + RuleFiles.versionId(RuleFiles.read(tree.root(),
                    java.util.List.of("rules", "decision-tables"))) + "/diff/" + release).json();
            assertTrue(diff.toString().contains(uploadedBasis) && !diff.toString().contains(NATIONAL_BASIS),
                    "the release as shipped is kept, and differs from the draft by the carried cell only: " + diff);
            assertNotEquals(uploaded, release);
            assertEquals(NATIONAL_BASIS, cell(http, release, "E10"), "the release's own change");
            assertEquals(uploadedBasis, cell(http, release, "E27"), "the province's upload, carried");
            JsonNode details = stored(http, release);
            assertEquals("E27", details.path("carried").get(0).path("cell").asString(), details::toString);
            assertEquals(0, details.path("reenter").size(), details::toString);
        }

        // outside the local run a release that changes the very cell the province uploaded waits for approval and
        // says which cell to enter again
        tree.set(PROFILES, "Thresholds", "E27", "Kế hoạch của bản phát hành mới");
        try (ConfigurableApplicationContext app = RecordFirstTest.start(tree, db, "--chuyenhoa.ruleset.activate-files=false")) {
            Http http = RecordFirstTest.http(app);
            String inForce = RecordFirstTest.inForce(http);
            String draft = null;
            for (JsonNode a : http.get("/api/v1/ruleset-actions").json()) {
                if (draft == null && "STORED".equals(a.path("action").asString()) && !a.path("detailsJson").isNull()) {
                    draft = a.path("toVersion").asString();
                }
            }
            assertEquals("DRAFT", http.get("/api/v1/rulesets/" + draft).json().path("status").asString());
            assertNotEquals(draft, inForce);
            JsonNode details = stored(http, draft);
            JsonNode again = details.path("reenter").get(0);
            assertEquals("E27", again.path("cell").asString(), details::toString);
            assertEquals(uploadedBasis, again.path("value").asString());
            assertEquals("Kế hoạch của bản phát hành mới", cell(http, draft, "E27"), "the release wins where both changed it");
            String page = http.get("/rulesets/" + draft).text();
            assertTrue(page.contains("id=\"release-reenter\"") && page.contains("Thresholds!E27"), page);
        }
    }

    /** The newest version stored with what a release carried over. */
    private static String release(Http http) {
        for (JsonNode a : http.get("/api/v1/ruleset-actions").json()) {
            if ("STORED".equals(a.path("action").asString()) && !a.path("detailsJson").isNull()) return a.path("toVersion").asString();
        }
        throw new AssertionError("no release stored");
    }

    /** The details recorded with the version's STORED action: what the release carried and what is to enter again. */
    private static JsonNode stored(Http http, String version) {
        for (JsonNode a : http.get("/api/v1/rulesets/" + version).json().path("actions")) {
            if ("STORED".equals(a.path("action").asString()) && version.equals(a.path("toVersion").asString())) return vn.chuyenhoa.support.Scenarios.JSON.readTree(a.path("detailsJson").asString());
        }
        throw new AssertionError("no STORED action for " + version);
    }

    private static String cell(Http http, String version, String ref) throws Exception {
        byte[] xlsx = http.get("/api/v1/rulesets/" + version + "/files/" + PROFILES).body();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            CellReference r = new CellReference(ref);
            return new DataFormatter().formatCellValue(wb.getSheet("Thresholds").getRow(r.getRow()).getCell(r.getCol()));
        }
    }
}
