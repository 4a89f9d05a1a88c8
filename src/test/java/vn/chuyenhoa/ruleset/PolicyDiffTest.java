package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.chuyenhoa.support.RuleTree;

/**
 * The approver sees every change (issue 10): the diff between the shipped tables and an edit of every workbook names
 * the changed programme target, screening threshold, relapse reason and staff test expectation, old → new, at its
 * cell, and a changed threshold comes with the legal-basis cell of its row, unchanged or not.
 */
class PolicyDiffTest {

    @TempDir
    Path dir;

    @Test
    void everyWorkbookIsInTheDiffWithTheLegalBasisBesideAChangedValue() throws Exception {
        RulesetSnapshot shipped = build(RuleTree.copyInto(dir.resolve("a")));
        RuleTree edited = RuleTree.copyInto(dir.resolve("b"))
                .set("decision-tables/programme.drl.xlsx", "Settings", "C10", "65")        // NATIONAL_CORE target 60 → 65
                .set("decision-tables/screening.drl.xlsx", "DrugCriteria", "F10", "2")     // a drug-area threshold
                .set("decision-tables/monitoring.drl.xlsx", "Reasons", "C10", "false")     // a relapse reason switched off
                .set("decision-tables/tests/cases.drl.xlsx", "Cases", "AO10", "NOT_MET")   // a staff expectation
                .set("decision-tables/profiles.drl.xlsx", "Thresholds", "C27", "12");      // Việt Yên crime reduction 10 → 12
        List<PolicyDiff.Change> changes = PolicyDiff.between(shipped, build(edited)).changes();

        PolicyDiff.Change target = only(changes, "SETTING_CHANGED");
        assertEquals("NATIONAL_CORE / targetTransformedPercent", target.subject());
        assertEquals("60", target.from());
        assertEquals("65", target.to());
        assertEquals("C10", target.source().cell());
        assertEquals("D10", target.legalBasisCell());
        assertFalse(target.legalBasisChanged());
        assertTrue(target.legalBasis().contains("Kế hoạch số 75/KH-BCĐ"), target::toString);
        assertEquals("Giá trị", target.fieldVi());
        assertEquals("Value", target.fieldEn());
        // a row is said by the names its tables give it, the codes staying in subject and profileId for the page
        String national = shipped.engine().policy().profile("NATIONAL_CORE").orElseThrow().labelVi();
        assertTrue(target.descriptionVi().startsWith("Thiết lập chương trình «Chỉ tiêu: tỷ lệ địa bàn được lựa chọn chuyển hóa"
                + " thành công trong năm (≥)» của bộ tiêu chí «" + national + "»: Giá trị «60%» → «65%»."), target.descriptionVi());
        assertTrue(target.descriptionEn().startsWith("Programme setting «Target: share of selected areas transformed in the year"
                + " (at least)» of profile «"), target.descriptionEn());

        PolicyDiff.Change expectation = only(changes, "TEST_EXPECTATION_CHANGED");
        assertEquals("viet_yen_api_example", expectation.subject());
        assertEquals("expect.CLEARANCE_RATE", expectation.field());
        assertEquals("MET", expectation.from());
        assertEquals("NOT_MET", expectation.to());
        assertEquals("AO10", expectation.source().cell());
        String clearance = shipped.engine().policy().criterion("CLEARANCE_RATE").orElseThrow().labelVi();
        assertEquals("«" + clearance + "» (CLEARANCE_RATE)", expectation.fieldVi());
        // the cells keep their codes; what the approver reads says the outcome in words (policy trial finding 4)
        assertTrue(expectation.descriptionVi().startsWith("Ca kiểm thử «viet_yen_api_example»: «" + clearance
                + "» (CLEARANCE_RATE) «Đạt» → «Chưa đạt»."), expectation.descriptionVi());
        assertFalse(expectation.descriptionVi().contains("MET"), expectation.descriptionVi());
        assertTrue(expectation.descriptionEn().contains("«Met» → «Not met»"), expectation.descriptionEn());

        PolicyDiff.Change screening = only(changes, "SCREENING_CHANGED");
        assertEquals("F10", screening.source().cell());
        assertEquals("2", screening.to());
        assertTrue(screening.descriptionVi().startsWith("Tiêu chí địa bàn ma túy «(a) Người sử dụng trái phép chất ma túy"), screening.descriptionVi());
        assertTrue(screening.descriptionEn().startsWith("Drug-area criterion «(a) Drug users and addicts"),
                screening.descriptionEn());

        PolicyDiff.Change reason = only(changes, "RELAPSE_REASON_CHANGED");
        assertEquals("true", reason.from());
        assertEquals("false", reason.to());
        assertTrue(reason.descriptionVi().startsWith("Lý do phức tạp trở lại «Xuất hiện trở lại dấu hiệu tội phạm có tổ chức"),
                reason.descriptionVi());
        assertTrue(reason.descriptionVi().contains("» của bộ tiêu chí «" + national + "»: "), reason.descriptionVi());
        assertTrue(reason.descriptionVi().contains("«có» → «không»."), reason.descriptionVi());
        assertTrue(reason.descriptionEn().contains("«yes» → «no»."), reason.descriptionEn());

        PolicyDiff.Change threshold = only(changes, "THRESHOLD_CHANGED");
        assertEquals("VIET_YEN_2024", threshold.profileId());
        assertEquals("E27", threshold.legalBasisCell());
        assertFalse(threshold.legalBasisChanged(), "the legal basis beside the new 12% did not change, and says so");
        assertTrue(threshold.descriptionVi().contains("không đổi"), threshold.descriptionVi());
        assertTrue(threshold.descriptionVi().contains("≥ 10% → ≥ 12%") && !threshold.descriptionVi().contains(">="),
                "the comparison as a sentence writes it (policy trial finding 11): " + threshold.descriptionVi());
        assertEquals(">= 12", threshold.to(), "the API keeps its text");

        assertEquals(List.of(), PolicyDiff.between(shipped, shipped).changes(), "no change, no line");
    }

    /**
     * Policy trial finding 11: the approver read "ngưỡng … >= 80 → >= 0.8". Each changed value is said as the pages
     * say it, the change's from/to staying the API's text.
     */
    @Test
    void changedValuesAreSaidAsThePagesWriteThem() throws Exception {
        RulesetSnapshot shipped = build(RuleTree.copyInto(dir.resolve("a")));
        RuleTree edited = RuleTree.copyInto(dir.resolve("b"))
                .set("decision-tables/profiles.drl.xlsx", "Thresholds", "C15", "0.8")      // national clearance 80% → 0.8%
                .set("decision-tables/profiles.drl.xlsx", "Profiles", "H10", "2017-02-01") // national core valid from
                .set("decision-tables/programme.drl.xlsx", "Settings", "C19", "MONTHS_FROM_START:4"); // Ngọc Lặc: 3 → 4 months
        List<PolicyDiff.Change> changes = PolicyDiff.between(shipped, build(edited)).changes();

        PolicyDiff.Change clearance = only(changes, "THRESHOLD_CHANGED");
        assertEquals(">= 80", clearance.from());
        assertEquals(">= 0.8", clearance.to());
        assertTrue(clearance.descriptionVi().contains("≥ 80% → ≥ 0,8%."), clearance.descriptionVi());
        assertTrue(clearance.descriptionEn().contains("≥ 80% → ≥ 0.8%."), clearance.descriptionEn());

        PolicyDiff.Change validFrom = only(changes, "PROFILE_CHANGED");
        assertEquals("2017-01-01", validFrom.from());
        assertTrue(validFrom.descriptionVi().endsWith("Hiệu lực từ \"01/01/2017\" → \"01/02/2017\"."), validFrom.descriptionVi());

        PolicyDiff.Change plannedEnd = only(changes, "SETTING_CHANGED");
        assertEquals("MONTHS_FROM_START:4", plannedEnd.to());
        assertTrue(plannedEnd.descriptionVi().contains("«3 tháng kể từ ngày bắt đầu» → «4 tháng kể từ ngày bắt đầu»"),
                plannedEnd.descriptionVi());
        assertTrue(plannedEnd.descriptionEn().contains("«3 months from the start» → «4 months from the start»"),
                plannedEnd.descriptionEn());
    }

    /**
     * No enum code or camelCase name on a Vietnamese page: a criterion's basis ("crimes + socialEvils") names each
     * count by its term, and the code cells of the relapse and screening tables (ABOVE_BASELINE, DESC, EXCLUDE, a code
     * list) are said in the words the pages use, English on ?lang=en; from/to keep the cells' codes (the API).
     */
    @Test
    void basesAndTheRelapseAndScreeningCodesAreSaidInWords() throws Exception {
        RulesetSnapshot shipped = build(RuleTree.copyInto(dir.resolve("a")));
        RuleTree edited = RuleTree.copyInto(dir.resolve("b"))
                .set("decision-tables/criteria.drl.xlsx", "Criteria", "E20", "crimes+socialEvils") // CRIME_REDUCTION basis
                .set("decision-tables/monitoring.drl.xlsx", "Reasons", "D12", "ABOVE_BASELINE")    // new hotspot: COUNT → above baseline
                .set("decision-tables/monitoring.drl.xlsx", "Reasons", "E12", "hotspots")
                .set("decision-tables/screening.drl.xlsx", "Ranking", "E13", "ASC")                // an indicator ranked low first
                .set("decision-tables/screening.drl.xlsx", "Statuses", "B11", "CARRY_OVER")        // new rural: excluded → carried over
                .set("decision-tables/screening.drl.xlsx", "Scopes", "D10", "QD19_2025");          // the code list after the reform
        List<PolicyDiff.Change> changes = PolicyDiff.between(shipped, build(edited)).changes();

        PolicyDiff.Change basis = changes.stream().filter(c -> c.kind().equals("CRITERION_CHANGED") && "basis".equals(c.field()))
                .findFirst().orElseThrow(() -> new AssertionError(changes.toString()));
        assertEquals("[crimes, socialEvils]", basis.to(), "the API keeps the stems");
        // each stem by its baseline count's term, as the profile's BASIS_CHANGED says its facts
        assertTrue(basis.descriptionVi().contains(" kỳ gốc + Vụ việc tệ nạn xã hội kỳ gốc\"."), basis.descriptionVi());
        assertTrue(basis.descriptionEn().contains(" + Social-evil incidents in the baseline period\"."), basis.descriptionEn());

        List<PolicyDiff.Change> coded = changes.stream()
                .filter(c -> c.kind().equals("RELAPSE_REASON_CHANGED") || c.kind().equals("SCREENING_CHANGED")).toList();
        assertEquals(5, coded.size(), coded::toString);
        PolicyDiff.Change kind = coded.stream().filter(c -> "kind".equals(c.field())).findFirst().orElseThrow();
        assertEquals("ABOVE_BASELINE", kind.to());
        assertTrue(kind.descriptionVi().contains("«số lượng» → «tăng so với trước chuyển hóa (%)»"), kind.descriptionVi());
        assertTrue(kind.descriptionEn().contains("«count» → «increase over the period before transformation (%)»"), kind.descriptionEn());
        PolicyDiff.Change stems = coded.stream().filter(c -> "fact".equals(c.field())).findFirst().orElseThrow();
        assertTrue(stems.descriptionVi().contains("→ «Điểm, tụ điểm tệ nạn xã hội trước chuyển hóa»"), stems.descriptionVi());
        PolicyDiff.Change direction = coded.stream().filter(c -> "direction".equals(c.field())).findFirst().orElseThrow();
        assertTrue(direction.descriptionVi().contains("«giảm dần (lớn trước)» → «tăng dần (nhỏ trước)»"), direction.descriptionVi());
        assertTrue(direction.descriptionEn().contains("«descending (largest first)» → «ascending (smallest first)»"), direction.descriptionEn());
        PolicyDiff.Change effect = coded.stream().filter(c -> "effect".equals(c.field())).findFirst().orElseThrow();
        assertEquals("CARRY_OVER", effect.to());
        assertTrue(effect.descriptionVi().contains("«Loại trừ» → «Chuyển tiếp»"), effect.descriptionVi());
        assertTrue(effect.descriptionEn().contains("«Excluded» → «Carried over»"), effect.descriptionEn());

        PolicyDiff.Change scheme = coded.stream().filter(c -> "codeScheme".equals(c.field())).findFirst().orElseThrow();
        assertTrue(scheme.descriptionVi().contains("«QĐ 124/2004/QĐ-TTg» → «QĐ 19/2025/QĐ-TTg»"), scheme.descriptionVi());

        for (PolicyDiff.Change c : changes) {
            for (String code : List.of("ABOVE_BASELINE", "QD19_2025", "COUNT", "DESC", "ASC", "EXCLUDE", "CARRY_OVER", "socialEvils",
                    "crimes ", "hotspots", "newHotspotsFormed")) {
                assertFalse(c.descriptionVi().contains(code), code + " in " + c.descriptionVi());
            }
        }
    }

    private static PolicyDiff.Change only(List<PolicyDiff.Change> changes, String kind) {
        List<PolicyDiff.Change> of = changes.stream().filter(c -> c.kind().equals(kind)).toList();
        assertEquals(1, of.size(), () -> kind + " in " + changes);
        return of.get(0);
    }

    private static RulesetSnapshot build(RuleTree tree) throws RulesetBuildException {
        return RulesetBuilder.build(RuleFiles.read(tree.root(), ActiveRuleset.FOLDERS), "TEST");
    }
}
