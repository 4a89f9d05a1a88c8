package vn.chuyenhoa.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chuyenhoa.monitoring.RelapsePolicy;
import vn.chuyenhoa.evaluation.Policy;
import vn.chuyenhoa.support.RuleTree;
import vn.chuyenhoa.ruleset.ActiveRuleset;
import vn.chuyenhoa.ruleset.LoadProblem;
import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.ruleset.RulesetBuildException;
import vn.chuyenhoa.ruleset.RulesetBuilder;
import vn.chuyenhoa.ruleset.RulesetSnapshot;
import vn.chuyenhoa.ruleset.RulesetValidator;
import vn.chuyenhoa.support.ShippedRows;

/**
 * A broken cell in the screening or monitoring workbook is refused with its file, sheet, cell and value, never read
 * as a different threshold. The cells below are those of the shipped workbooks: data rows start at row 10; Indicators
 * F is the threshold, DrugCriteria row 15 is criterion (đ), Reasons rows 10–14 are the five national reasons.
 */
class ScreeningTablesBrokenTest {

    static final String SCREENING = "decision-tables/screening.drl.xlsx";
    static final String MONITORING = "decision-tables/monitoring.drl.xlsx";

    @TempDir
    Path dir;

    @Test
    void theShippedWorkbooksBuild() throws Exception {
        Policy p = build(RuleTree.copyInto(dir)).engine().policy();
        assertEquals(1, ScreeningPolicy.of(p).scopes().size());
        assertEquals(4, ScreeningPolicy.of(p).categories().size());
        assertEquals(9, ScreeningPolicy.of(p).indicators().size());
        assertEquals(3, ScreeningPolicy.of(p).drugTypes().size());
        assertEquals(6, ScreeningPolicy.of(p).drugCriteria().size());
        assertEquals(2, ScreeningPolicy.of(p).statuses().size());
        assertEquals(4, ScreeningPolicy.of(p).ranking().size());
        assertEquals(5, RelapsePolicy.of(p).reasons().size());
        // the monitoring window is the programme Settings row, not a table of the monitoring workbook
        assertEquals(1, RelapsePolicy.of(p).settings().size());
        assertEquals(3, RelapsePolicy.of(p).settings().get(0).monitoringWindowYears());
        assertEquals("decision-tables/programme.drl.xlsx", RelapsePolicy.of(p).settings().get(0).source().file());
        assertEquals(ShippedRows.cell("decision-tables/programme.drl.xlsx", "Settings", "C", "NATIONAL_CORE", "monitoringWindowYears"),
                RelapsePolicy.of(p).settings().get(0).source().cell());
        assertEquals(p.monitoringWindowYears("NATIONAL_CORE").orElseThrow().source(), RelapsePolicy.of(p).settings().get(0).source());
    }

    @ParameterizedTest(name = "{0}!{1} = {2} → {3}")
    @CsvSource(delimiter = '|', value = {
        "Indicators   | F10 | mười         | not_a_number",
        "Indicators   | C11 | socialEvils  | unknown_fact",
        "Indicators   | B12 | LOAI_9       | unknown_category",
        "Indicators   | A10 | THANH_HOA    | unknown_scope",
        "Indicators   | F13 | 5.5          | not_an_integer",
        "Indicators   | F10 | -1           | out_of_range",
        "Indicators   | D10 | 0            | out_of_range",
        "Indicators   | E10 | =>           | unknown_value",
        "Scopes       | E10 | 3A           | bad_code",
        "Scopes       | D10 | QD124        | unknown_scheme",
        "DrugTypes    | C10 | 6            | minimum_unreachable",
        "DrugTypes    | B11 | 3            | duplicate",
        "DrugTypes    | C11 | hai          | not_a_number",
        "DrugCriteria | G15 | I            | lower_type_not_lower",
        "DrugCriteria | G15 | IV           | unknown_type",
        "DrugCriteria | E15 | >=           | bad_comparison",
        "DrugCriteria | F15 | có           | not_a_flag",
        "DrugCriteria | D15 | 100          | not_used",
        "DrugCriteria | A13 | I_BIS        | unknown_type",
        "DrugCriteria | B15 | QD28_I_D     | inconsistent_criterion",
        "Statuses     | G11 | 1            | duplicate",
        "Statuses     | B10 | CARRY        | unknown_value",
        "Ranking      | B13 | POPULATION   | unknown_value",
        "Ranking      | E10 | DOWN         | unknown_value",
        "Ranking      | A11 | 1            | duplicate",
    })
    void aBrokenScreeningCellIsReportedAtItsCell(String sheet, String cell, String value, String code) {
        LoadProblem p = single(RuleTree.copyInto(dir).set(SCREENING, sheet, cell, value));
        assertLocated(p, SCREENING, sheet, cell, code);
    }

    @Test
    void aFactOnARankingKeyThatTakesNoneIsReported() {
        LoadProblem p = single(RuleTree.copyInto(dir).set(SCREENING, "Ranking", "C12", "residents"));
        assertLocated(p, SCREENING, "Ranking", "C12", "not_used");
        assertEquals("residents", p.value());
    }

    @Test
    void aCompoundCriterionWithoutItsMinimumIsReported() {
        LoadProblem p = single(RuleTree.copyInto(dir).set(SCREENING, "DrugCriteria", "H15", ""));
        assertLocated(p, SCREENING, "DrugCriteria", "H15", "required");
        assertNull(p.value());
    }

    @Test
    void twoScopesForOneProvinceAreAmbiguous() {
        LoadProblem p = single(RuleTree.copyInto(dir).row(SCREENING, "Scopes", 11, "THANH_HOA_2", "Bản sao", "Copy",
                "QD124_2004", "38", "test"));
        assertLocated(p, SCREENING, "Scopes", "A11", "ambiguous_scopes");
    }

    @Test
    void aPercentFormattedThresholdIsRefused() {
        RuleTree tree = RuleTree.copyInto(dir).edit(SCREENING, "DrugCriteria", "F10", cell -> {
            CellStyle style = cell.getSheet().getWorkbook().createCellStyle();
            style.setDataFormat(cell.getSheet().getWorkbook().createDataFormat().getFormat("0.0%"));
            cell.setCellStyle(style);
            cell.setCellValue(0.005);
        });
        assertLocated(single(tree), SCREENING, "DrugCriteria", "F10", "percent_cell");
    }

    @Test
    void anUnknownScreeningTableIsReported() {
        LoadProblem p = single(RuleTree.copyInto(dir).set(SCREENING, "Scopes", "A5", "RuleTable ScreeningThings"));
        assertEquals("unknown_table", p.code(), p::describe);
        assertEquals("Scopes", p.sheet());
        assertEquals(10, p.row());
    }

    @Test
    void aDecimalCommaIsReadAsTheSameNumber() throws Exception {
        Policy p = build(RuleTree.copyInto(dir).set(SCREENING, "DrugCriteria", "F10", "0,5")).engine().policy();
        assertEquals(0, new BigDecimal("0.5").compareTo(ScreeningPolicy.of(p).drugCriteria().get(0).condition().threshold()));
    }

    @ParameterizedTest(name = "{0}!{1} = {2} → {3}")
    @CsvSource(delimiter = '|', value = {
        "Reasons  | G12 | một           | not_a_number",
        "Reasons  | G12 | 1.5           | not_an_integer",
        "Reasons  | A10 | NGOC_LAC      | unknown_profile",
        "Reasons  | C10 | yes           | not_a_flag",
        "Reasons  | D10 | BOOLEAN       | unknown_value",
        "Reasons  | E13 | crime         | unknown_basis",
        "Reasons  | E12 | newHotspots   | unknown_fact",
        "Reasons  | E10 | crimesCurrent | unknown_fact",
        "Reasons  | F13 | <             | bad_comparison",
        "Reasons  | G14 | maybe         | not_a_flag",
        "Reasons  | B11 | ORGANIZED_CRIME_BACK | duplicate",
    })
    void aBrokenMonitoringCellIsReportedAtItsCell(String sheet, String cell, String value, String code) {
        LoadProblem p = single(RuleTree.copyInto(dir).set(MONITORING, sheet, cell, value));
        assertLocated(p, MONITORING, sheet, cell, code);
    }

    /**
     * The window moved to programme.drl.xlsx Settings: a RelapseSettings table put back into the monitoring workbook
     * (here the sheet as it was shipped before, with 2 years) would be a second value that counts for nothing, so it is
     * refused at its cell rather than ignored.
     */
    @Test
    void aRelapseSettingsTableIsNoLongerAPlaceForTheWindow() {
        RuleTree tree = RuleTree.copyInto(dir).edit(MONITORING, "Reasons", "A1", any -> {
            org.apache.poi.ss.usermodel.Sheet s = any.getSheet().getWorkbook().createSheet("Settings");
            String[][] cells = {
                {"A1", "RuleSet"}, {"B1", "chuyenhoa.policy.relapse"},
                {"A2", "Variables"}, {"B2", "vn.chuyenhoa.ruleset.PolicyRows policy"},
                {"A5", "RuleTable RelapseSettings"},
                {"A6", "ACTION"}, {"B6", "ACTION"}, {"C6", "ACTION"},
                {"A8", "policy.cell(drools.getRule().getName(), \"profileId\", \"$param\");"},
                {"B8", "policy.cell(drools.getRule().getName(), \"monitoringWindowYears\", \"$param\");"},
                {"C8", "policy.cell(drools.getRule().getName(), \"legalBasis\", \"$param\");"},
                {"A9", "Profile id"}, {"B9", "Monitoring window (years)"}, {"C9", "Legal basis"},
                {"A10", "NATIONAL_CORE"}, {"B10", "2"}, {"C10", "test: the old place of the window"},
            };
            for (String[] c : cells) {
                org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(c[0]);
                org.apache.poi.ss.usermodel.Row row = s.getRow(ref.getRow()) == null ? s.createRow(ref.getRow()) : s.getRow(ref.getRow());
                row.createCell(ref.getCol()).setCellValue(c[1]);
            }
        });
        LoadProblem p = single(tree);
        assertLocated(p, MONITORING, "Settings", "B10", "unknown_table");
        assertEquals("2", p.value());
        assertTrue(p.messageEn().contains("programme.drl.xlsx (sheet Settings)"), p.messageEn());
        assertTrue(p.messageVi().contains("programme.drl.xlsx"), p.messageVi());
    }

    private static void assertLocated(LoadProblem p, String file, String sheet, String cell, String code) {
        assertEquals(code, p.code(), p::describe);
        assertEquals(file, p.file());
        assertEquals(sheet, p.sheet());
        assertEquals(cell, p.cell(), p::describe);
        assertEquals(Integer.parseInt(cell.substring(1)), p.row());
        assertNotNull(p.messageVi());
        assertNotNull(p.messageEn());
    }

    private static final RulesetValidator VALIDATOR = new RulesetValidator(vn.chuyenhoa.area.AreaDirectory.loadBundled(),
            5 * 1024 * 1024, 5000, 200);

    private static RulesetSnapshot build(RuleTree tree) throws RulesetBuildException {
        return RulesetBuilder.build(RuleFiles.read(tree.root(), ActiveRuleset.FOLDERS), "TEST");
    }

    /** What validation (the checks of the cells, then Drools' build and the staff tests) says about the tree. */
    private static LoadProblem single(RuleTree tree) {
        RulesetValidator.Validated v = VALIDATOR.validate(RuleFiles.read(tree.root(), ActiveRuleset.FOLDERS), "TEST");
        assertTrue(!v.report().valid(), "refused");
        List<LoadProblem> problems = v.report().problems();
        assertEquals(1, problems.size(), () -> problems.stream().map(LoadProblem::describe).toList().toString());
        return problems.get(0);
    }
}
