package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        // verdicts in words, as the evaluation page says them (policy trial finding 4), never the enum code
        assertTrue(p.messageVi().contains("mong đợi «Đạt — chuyển hóa thành công» nhưng kết quả là «Chưa đạt»"),
                p.messageVi());
        assertTrue(p.messageEn().contains("expected «Transformed» but the rules gave «Not transformed»"), p.messageEn());
        assertFalse(p.messageVi().contains("TRANSFORMED"), p.messageVi());
        assertEquals(1, report.testFailures());
    }

    /** A start compiles the test workbooks beside the rules (EarlyBuild); a failing case still fails at its cell. */
    @Test
    void theCasesCompiledAtStartAreTheOnesValidated() throws Exception {
        RuleTree tree = RuleTree.copyInto(dir);
        String cell = GovernanceTest.column(tree.file(CASES), "expect.verdict") + GovernanceTest.rowOf(tree.file(CASES), "lam_dong_province_profile");
        tree.set(CASES, "Cases", cell, "TRANSFORMED");
        List<RuleFile> files = RuleFiles.read(tree.root(), ActiveRuleset.FOLDERS);
        var environment = new org.springframework.core.env.StandardEnvironment();
        environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test",
                java.util.Map.of("chuyenhoa.ruleset.root", tree.root().toString())));
        new EarlyBuild().onApplicationEvent(new org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent(
                new org.springframework.boot.bootstrap.DefaultBootstrapContext(), new org.springframework.boot.SpringApplication(),
                new String[0], environment));

        List<LoadProblem> fresh = new java.util.ArrayList<>();
        assertEquals(TableTests.everyCase(files, fresh), EarlyBuild.cases(RuleFiles.versionId(files)).orElseThrow());
        assertEquals(List.of(), fresh);
        RulesetValidator.Report report = validator.validate(files, "TEST").report();
        assertEquals(1, report.testFailures(), report.problems()::toString);
        assertEquals(cell, report.problems().get(0).cell());
    }

    @Test
    void aWrongOutcomeIsSaidWithTheCriterionsNameAndInWords() throws Exception {
        RuleTree tree = RuleTree.copyInto(dir);
        String cell = GovernanceTest.column(tree.file(CASES), "expect.CLEARANCE_RATE") + GovernanceTest.rowOf(tree.file(CASES), "viet_yen_api_example");
        tree.set(CASES, "Cases", cell, "NOT_MET");
        RulesetValidator.Report report = validator.validate(RuleFiles.read(tree.root(), ActiveRuleset.FOLDERS), "TEST").report();
        LoadProblem p = report.problems().stream().filter(x -> x.cell().equals(cell)).findFirst().orElseThrow();
        assertTrue(p.messageVi().matches(".*tiêu chí «[^»]+» \\(CLEARANCE_RATE\\): mong đợi «Chưa đạt» nhưng kết quả là «Đạt»\\..*"),
                p.messageVi());
        assertFalse(p.messageVi().contains("NOT_MET") || p.messageVi().contains(" MET"), p.messageVi());
    }
}
