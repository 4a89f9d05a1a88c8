package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.support.RuleTree;

/** The test workbooks policy staff wrote (decision-tables/tests/) pass on the shipped rules, and can fail. */
class StaffTestsTest {

    static final String CASES = "decision-tables/tests/cases.drl.xlsx";

    @TempDir
    Path dir;

    final RulesetValidator validator = new RulesetValidator(AreaDirectory.loadBundled(), 5 * 1024 * 1024, 5000, 200);

    @Test
    void everyShippedCasePasses() {
        RulesetValidator.Report report = validator.validate(RuleFiles.read(Path.of(""), ActiveRuleset.FOLDERS), "TEST").report();
        assertEquals(List.of(), report.problems());
        assertTrue(report.valid());
        // the evaluation cases, and the screening and relapse cases their features judge on upload too
        int screening = CaseWorkbook.read("decision-tables/tests/screening-cases.drl.xlsx").size();
        int monitoring = CaseWorkbook.read("decision-tables/tests/monitoring-cases.drl.xlsx").size();
        assertTrue(screening > 0 && monitoring > 0);
        assertEquals(17 + screening + monitoring, report.testCases(), "one row per hand-worked case");
    }

    @Test
    void aWrongExpectationIsReportedAtItsCell() throws Exception {
        RuleTree tree = RuleTree.copyInto(dir);
        String cell = GovernanceTest.column(tree.file(CASES), "expect.verdict") + GovernanceTest.rowOf(tree.file(CASES), "lam_dong_province_profile");
        tree.set(CASES, "Cases", cell, "TRANSFORMED");
        RulesetValidator.Report report = validator.validate(RuleFiles.read(tree.root(), ActiveRuleset.FOLDERS), "TEST").report();
        assertEquals(1, report.problems().size(), report.problems()::toString);
        LoadProblem p = report.problems().get(0);
        assertEquals("test_failed", p.code());
        assertEquals(CASES, p.file());
        assertEquals("Cases", p.sheet());
        assertEquals(cell, p.cell());
        assertEquals("TRANSFORMED", p.value());
        assertTrue(p.messageEn().contains("NOT_TRANSFORMED"), p.messageEn());
        assertEquals(1, report.testFailures());
    }
}
