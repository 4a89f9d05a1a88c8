package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.support.Http.assertProblem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RuleTree;
import vn.chuyenhoa.support.RunningServer;

/**
 * An upload carries policy values, never code (issue 10): a Java/MVEL statement put into a grey template cell, into a
 * data cell written to escape its string, into a formula or into a DRL file is refused with 422 at that cell or file,
 * for a national and a province-limited editor alike, and the statement never runs — the marker file it would create
 * does not exist afterwards. Nothing is stored and the version in force stays.
 */
@RunningServer
class UploadIsDataOnlyTest {

    static final String PROFILES = "decision-tables/profiles.drl.xlsx";
    static final String EDITOR = "demo-token-soanthao", EDITOR_BAC_GIANG = "demo-token-soanthao-bacgiang";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    /** MVEL, the dialect of the table rules; single quotes, since Drools escapes the double ones of a data cell. */
    private String statement(Path marker) {
        return "new java.io.File('" + marker.toAbsolutePath().toString().replace('\\', '/') + "').createNewFile();";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {EDITOR, EDITOR_BAC_GIANG})
    void aStatementInATemplateCellIsRefusedAtThatCellAndNeverRuns(String token) throws Exception {
        Path marker = dir.resolve("template-ran");
        // Thresholds!C8: the grey code cell of the threshold column
        RuleTree tree = RuleTree.copyInto(dir.resolve("t")).set(PROFILES, "Thresholds", "C8",
                "policy.cell(drools.getRule().getName(), \"threshold\", \"$param\"); " + statement(marker));
        JsonNode first = refused(token, tree, "profiles.drl.xlsx", "program_text_changed");
        assertEquals("Thresholds", first.get("sheet").asString());
        assertEquals("C8", first.get("cell").asString());
        assertTrue(first.get("messageVi").asString().contains("policy.cell(drools.getRule().getName(), \"threshold\", \"$param\");"),
                "names what the cell holds in the version in force: " + first);
        assertFalse(Files.exists(marker), "the statement in the template cell ran");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {EDITOR, EDITOR_BAC_GIANG})
    void aDataCellThatWouldEndItsStringIsRefusedAtThatCellAndNeverRuns(String token) throws Exception {
        Path marker = dir.resolve("data-ran");
        // Thresholds!E27: the legal basis of Việt Yên's crime reduction, a cell a Bắc Giang editor may change
        RuleTree tree = RuleTree.copyInto(dir.resolve("d")).set(PROFILES, "Thresholds", "E27",
                "x\\\"); " + statement(marker) + " //");
        JsonNode first = refused(token, tree, "profiles.drl.xlsx", "unsafe_character");
        assertEquals("E27", first.get("cell").asString());
        assertFalse(Files.exists(marker), "the statement in the data cell ran");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {EDITOR, EDITOR_BAC_GIANG})
    void aFormulaWhoseResultWouldEndItsStringIsRefusedAsAFormula(String token) throws Exception {
        Path marker = dir.resolve("formula-ran");
        String payload = "x\\\"); " + statement(marker) + " //";
        RuleTree tree = RuleTree.copyInto(dir.resolve("f")).edit(PROFILES, "Thresholds", "E27",
                c -> c.setCellFormula("\"" + payload.replace("\"", "\"\"") + "\""));
        JsonNode first = refused(token, tree, "profiles.drl.xlsx", "formula_cell");
        assertEquals("E27", first.get("cell").asString());
        assertTrue(first.get("messageVi").asString().contains("nhập giá trị, không nhập công thức"), first::toString);
        assertFalse(Files.exists(marker), "the statement in the formula ran");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {EDITOR, EDITOR_BAC_GIANG})
    void aDrlFileIsRefusedNamingTheFileAndNeverRuns(String token) throws Exception {
        Path marker = dir.resolve("drl-ran");
        RuleTree tree = RuleTree.copyInto(dir.resolve("r"));
        Path drl = tree.file("rules/evaluation.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"marker\" dialect \"mvel\" when then " + statement(marker) + " end\n");
        String before = active();
        Http.Response r = http.as(token).postMultipart("/api/v1/rulesets", Map.of("comment", "drl"),
                Map.of("evaluation.drl", Files.readAllBytes(drl)));
        if (token.equals(EDITOR_BAC_GIANG)) {
            // the caller's provinces are decided first: a DRL file applies everywhere, beyond a provincial editor's reach
            assertTrue(assertProblem(r, 403).get("type").asString().endsWith("outside-scope"), r::describe);
        } else {
            JsonNode first = assertProblem(r, 422).get("report").get("problems").get(0);
            assertEquals("drl_upload", first.get("code").asString(), r::describe);
            assertEquals("rules/evaluation.drl", first.get("file").asString(), r::describe);
        }
        assertFalse(Files.exists(marker), "the statement in the DRL file ran");
        assertEquals(before, active());
    }

    private JsonNode refused(String token, RuleTree tree, String upload, String code) throws Exception {
        String before = active();
        long versions = http.get("/api/v1/rulesets").json().get("totalItems").asLong();
        Http.Response r = http.as(token).postMultipart("/api/v1/rulesets", Map.of("comment", "attempt"),
                Map.of(upload, Files.readAllBytes(tree.file(PROFILES))));
        JsonNode problem = assertProblem(r, 422);
        assertTrue(problem.get("detailVi") != null && !problem.get("detailVi").asString().isBlank(), r::describe);
        JsonNode first = problem.get("report").get("problems").get(0);
        assertEquals(code, first.get("code").asString(), r::describe);
        assertEquals(PROFILES, first.get("file").asString(), r::describe);
        assertEquals(before, active(), "the version in force stays");
        assertEquals(versions, http.get("/api/v1/rulesets").json().get("totalItems").asLong(), "nothing was stored");
        return first;
    }

    private String active() {
        return http.get("/api/v1/ruleset").json().get("version").asString();
    }
}
