package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.chuyenhoa.support.RuleTree;

/**
 * Broken edits of the real decision tables are refused with the file, sheet, cell and value that are wrong. The row
 * numbers below are those of the shipped profiles.drl.xlsx: Thresholds row 27 is VIET_YEN_2024's CRIME_REDUCTION
 * (B criterion id, C threshold), Profiles rows 10–13 are the four profiles.
 */
class BrokenTablesTest {

    static final String PROFILES = "decision-tables/profiles.drl.xlsx";
    static final String CRITERIA = "decision-tables/criteria.drl.xlsx";

    @TempDir
    Path dir;

    @Test
    void theShippedTablesBuild() throws Exception {
        RulesetSnapshot s = build(RuleTree.copyInto(dir));
        assertEquals(4, s.engine().policy().profiles().size());
        assertEquals(13, s.engine().policy().criteria().size());
    }

    @Test
    void textInAThresholdCell() {
        LoadProblem p = single(RuleTree.copyInto(dir).set(PROFILES, "Thresholds", "C27", "mười"));
        assertLocated(p, PROFILES, "Thresholds", 27, "C27", "mười", "not_a_number");
    }

    @Test
    void unknownCriterionId() {
        LoadProblem p = single(RuleTree.copyInto(dir).set(PROFILES, "Thresholds", "B27", "CRIME_REDUCTON"));
        assertLocated(p, PROFILES, "Thresholds", 27, "B27", "CRIME_REDUCTON", "unknown_criterion");
    }

    @Test
    void twoEquallySpecificScopesOverlappingInTime() {
        RuleTree tree = RuleTree.copyInto(dir)
                .row(PROFILES, "Profiles", 14, "VIET_YEN_2024_B", "Bản sao", "Copy", "QD124_2004", "24", "222", null,
                        "2024-06-01", "2025-06-30", "test")
                .row(PROFILES, "Thresholds", 50, "VIET_YEN_2024_B", "CLEARANCE_RATE", "85");
        LoadProblem p = single(tree);
        assertLocated(p, PROFILES, "Profiles", 14, "A14", "VIET_YEN_2024_B", "ambiguous_profiles");
        assertTrue(p.messageEn().contains("VIET_YEN_2024"), p.messageEn());
    }

    @Test
    void aWholeCountryProfileThatEndsLeavesAreasWithoutAProfileAfterItsEndDate() {
        LoadProblem p = single(RuleTree.copyInto(dir).set(PROFILES, "Profiles", "I10", "2025-12-31"));
        assertLocated(p, PROFILES, "Profiles", 10, "I10", "2025-12-31", "no_profile_coverage");
    }

    @Test
    void percentFormattedThreshold() {
        RuleTree tree = RuleTree.copyInto(dir).edit(PROFILES, "Thresholds", "C23", cell -> {
            CellStyle style = cell.getSheet().getWorkbook().createCellStyle();
            style.setDataFormat(cell.getSheet().getWorkbook().createDataFormat().getFormat("0%"));
            cell.setCellStyle(style);
            cell.setCellValue(0.8);
        });
        LoadProblem p = single(tree);
        assertLocated(p, PROFILES, "Thresholds", 23, "C23", "80%", "percent_cell");
        // numbers as Vietnamese write them (policy trial finding 11)
        assertTrue(p.messageVi().contains("thành 0,8;"), p.messageVi());
        assertTrue(p.messageEn().contains("as 0.8;"), p.messageEn());
    }

    @Test
    void anOversizedFileIsMeasuredInMegabytesAsPeopleWriteThem() {
        List<RuleFile> files = new java.util.ArrayList<>(RuleFiles.read(RuleTree.copyInto(dir).root(), ActiveRuleset.FOLDERS));
        files.replaceAll(f -> f.path().equals(PROFILES) ? new RuleFile(PROFILES, new byte[12_000_000]) : f);
        LoadProblem p = VALIDATOR.validate(files, "TEST").report().problems().stream()
                .filter(x -> x.code().equals("file_too_large")).findFirst().orElseThrow();
        assertEquals("Tệp lớn 11,4 MB, vượt giới hạn 5 MB. Hãy xóa các trang tính, hình ảnh không cần thiết.", p.messageVi());
        assertTrue(p.messageEn().startsWith("The file is 11.4 MB, over the limit of 5 MB."), p.messageEn());
    }

    @Test
    void dateFormattedValidity() {
        RuleTree tree = RuleTree.copyInto(dir).edit(PROFILES, "Profiles", "H11", cell -> {
            CellStyle style = cell.getSheet().getWorkbook().createCellStyle();
            style.setDataFormat(cell.getSheet().getWorkbook().createDataFormat().getFormat("dd/mm/yyyy"));
            cell.setCellStyle(style);
            cell.setCellValue(java.time.LocalDate.of(2024, 1, 1));
        });
        LoadProblem p = problems(tree).get(0);
        assertLocated(p, PROFILES, "Profiles", 11, "H11", "01/01/2024", "date_cell");
    }

    @Test
    void smartQuotesInACodeCell() {
        String code = "policy.cell(drools.getRule().getName(), “threshold”, “$param”);";
        LoadProblem p = problems(RuleTree.copyInto(dir).set(PROFILES, "Thresholds", "C8", code)).get(0);
        assertLocated(p, PROFILES, "Thresholds", 8, "C8", code, "smart_quotes");
    }

    @Test
    void aLineBreakInsideAValue() {
        LoadProblem p = single(RuleTree.copyInto(dir).set(CRITERIA, "Criteria", "J17", "Seed 000;\nSeed 003"));
        assertLocated(p, CRITERIA, "Criteria", 17, "J17", "Seed 000;\nSeed 003", "unsafe_character");
    }

    @Test
    void aBackslashAtTheEndOfAValue() {
        LoadProblem p = single(RuleTree.copyInto(dir).set(CRITERIA, "Criteria", "J17", "Seed 000\\"));
        assertLocated(p, CRITERIA, "Criteria", 17, "J17", "Seed 000\\", "unsafe_character");
    }

    @Test
    void aCodeCellEditedIntoInvalidJavaIsTracedToItsRow() {
        // the action of the threshold column no longer compiles: Drools reports generated-DRL lines, mapped back here
        LoadProblem p = problems(RuleTree.copyInto(dir).set(PROFILES, "Thresholds", "C8",
                "policy.cell(drools.getRule().getName(), \"threshold\", $param);")).get(0);
        assertEquals(PROFILES, p.file());
        assertEquals("Thresholds", p.sheet());
        assertEquals("table_error", p.code());
        assertNotNull(p.row(), p::describe);
        assertTrue(p.row() >= 10 && p.row() <= 49, p::describe);
    }

    @Test
    void aThresholdAboveOneHundredPercent() {
        LoadProblem p = single(RuleTree.copyInto(dir).set(PROFILES, "Thresholds", "C23", "800"));
        assertLocated(p, PROFILES, "Thresholds", 23, "C23", "800", "out_of_range");
    }

    @Test
    void aRequiredCellLeftEmpty() {
        LoadProblem p = single(RuleTree.copyInto(dir).set(CRITERIA, "Criteria", "B17", ""));
        assertLocated(p, CRITERIA, "Criteria", 17, "B17", null, "required");
        // the column by the title staff read above it, never the template's field name (policy trial finding 11)
        assertTrue(p.messageVi().startsWith("Ô bắt buộc «") && p.messageVi().endsWith("» đang trống."), p.messageVi());
        assertFalse(java.util.regex.Pattern.compile("\\b[a-z]+[A-Z]\\w*").matcher(p.messageVi()).find(), p.messageVi());
    }

    @Test
    void aFileThatIsNotAWorkbook() {
        LoadProblem p = single(RuleTree.copyInto(dir).write(PROFILES, "id,threshold\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(PROFILES, p.file());
        assertEquals("unreadable_workbook", p.code());
    }

    @Test
    void aBrokenDrlNamesTheFileAndLine() {
        LoadProblem p = problems(RuleTree.copyInto(dir).write("rules/evaluation.drl",
                "package x;\nrule \"broken\"\nwhen\n  Nothing( \nthen\nend\n".getBytes(StandardCharsets.UTF_8))).get(0);
        assertEquals("rules/evaluation.drl", p.file());
        assertEquals("drl_error", p.code());
    }

    @Test
    void editorLockFilesAreNotPartOfTheVersion() throws Exception {
        RuleTree tree = RuleTree.copyInto(dir);
        String before = build(tree).versionId();
        tree.write("decision-tables/.~lock.profiles.drl.xlsx#", "lock".getBytes(StandardCharsets.UTF_8));
        tree.write("decision-tables/~$profiles.drl.xlsx", "lock".getBytes(StandardCharsets.UTF_8));
        assertEquals(before, build(tree).versionId());
        tree.set(PROFILES, "Thresholds", "C27", "12");
        assertTrue(!before.equals(build(tree).versionId()), "a changed cell is a new version");
    }

    private static void assertLocated(LoadProblem p, String file, String sheet, int row, String cell, String value, String code) {
        assertEquals(code, p.code(), p::describe);
        assertEquals(file, p.file());
        assertEquals(sheet, p.sheet());
        assertEquals(row, p.row());
        assertEquals(cell, p.cell());
        assertEquals(value, p.value());
        assertNotNull(p.messageVi());
        assertNotNull(p.messageEn());
    }

    private static RulesetSnapshot build(RuleTree tree) throws RulesetBuildException {
        return RulesetBuilder.build(RuleFiles.read(tree.root(), ActiveRuleset.FOLDERS), "TEST");
    }

    /** What validation (the checks of the cells, then Drools' build and the staff tests) says about the tree. */
    private static List<LoadProblem> problems(RuleTree tree) {
        RulesetValidator.Validated v = VALIDATOR.validate(RuleFiles.read(tree.root(), ActiveRuleset.FOLDERS), "TEST");
        assertTrue(!v.report().valid(), "refused");
        return v.report().problems();
    }

    private static final RulesetValidator VALIDATOR = new RulesetValidator(vn.chuyenhoa.area.AreaDirectory.loadBundled(),
            5 * 1024 * 1024, 5000, 200);

    private static LoadProblem single(RuleTree tree) {
        List<LoadProblem> problems = problems(tree);
        assertEquals(1, problems.size(), () -> problems.stream().map(LoadProblem::describe).toList().toString());
        return problems.get(0);
    }
}
