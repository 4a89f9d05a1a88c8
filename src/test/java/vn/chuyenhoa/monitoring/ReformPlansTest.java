package vn.chuyenhoa.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.ruleset.RulesetBuilder;
import vn.chuyenhoa.support.RuleTree;

/**
 * Plans on both sides of the reform (issue 14, items 3 and 5), through the real Drools build of a copy of the real
 * tables with two rows the README shows and the bundled tables must never hold: a Thanh Hóa plan for 2026 on the new
 * list (province scope), and an illustrative 2024 plan of one old commune, Xã Mỹ Tân (15067), which with Thị trấn Ngọc
 * Lặc (15061, Ngọc Lặc plan) and Xã Thúy Sơn went into Xã Ngọc Lặc (15061): old communes under different plans.
 */
class ReformPlansTest {

    static final String PROFILES = "decision-tables/profiles.drl.xlsx";
    static final Area XA_NGOC_LAC = new Area("QD19_2025", "15061", "Xã Ngọc Lặc", null, "38");
    static final Area XA_KIEN_THO = new Area("QD19_2025", "15112", "Xã Kiên Thọ", null, "38");
    static final LocalDate RECOGNISED = LocalDate.of(2024, 12, 20);

    @TempDir
    static Path dir;

    static Engine engine;
    static AreaDirectory areas;

    @BeforeAll
    static void build() throws Exception {
        RuleTree tree = RuleTree.copyInto(dir)
                .row(PROFILES, "Profiles", 14, "THANH_HOA_2026", "Kế hoạch chuyển hóa tỉnh Thanh Hóa năm 2026 (VÍ DỤ KIỂM THỬ)",
                        "Thanh Hóa province plan 2026 (TEST EXAMPLE)", "QD19_2025", "38", null, null, "2026-01-01", "2026-12-31",
                        "Ví dụ kiểm thử, không phải văn bản thật / test example, not a real document")
                .row(PROFILES, "Profiles", 15, "MY_TAN_2024", "Kế hoạch chuyển hóa xã Mỹ Tân năm 2024 (VÍ DỤ KIỂM THỬ)",
                        "Mỹ Tân commune plan 2024 (TEST EXAMPLE)", "QD124_2004", "38", "389", "15067", "2024-01-01", "2024-12-31",
                        "Ví dụ kiểm thử, không phải văn bản thật / test example, not a real document")
                .row(PROFILES, "Thresholds", 50, "THANH_HOA_2026", "CLEARANCE_RATE", "85", null, "Ví dụ kiểm thử / test example")
                .row(PROFILES, "Thresholds", 51, "MY_TAN_2024", "CLEARANCE_RATE", "90", null, "Ví dụ kiểm thử / test example");
        engine = RulesetBuilder.build(RuleFiles.read(tree.root(), List.of("rules", "decision-tables")), "TEST").engine();
        areas = AreaDirectory.loadBundled();
    }

    @Test
    void aProvincesPlanFor2026OnTheNewListGovernsItsCommunesFrom2026() {
        assertEquals("THANH_HOA_2026", engine.policy().resolve(XA_KIEN_THO, LocalDate.of(2026, 3, 14)).map(Profile::id).orElseThrow());
        assertEquals("NATIONAL_CORE", engine.policy().resolve(XA_KIEN_THO, LocalDate.of(2025, 12, 14)).map(Profile::id).orElseThrow());
        // the old commune's plan does not reach the new list
        assertEquals("NATIONAL_CORE", engine.policy().resolve(XA_NGOC_LAC, RECOGNISED).map(Profile::id).orElseThrow());
    }

    @Test
    void oldCommunesUnderDifferentPlansNeedTheCallerToSayWhichOne() {
        Predecessors.Resolution r = Predecessors.resolve(engine.policy(), areas.reform(), XA_NGOC_LAC, RECOGNISED, null, null);
        assertNull(r.predecessor());
        assertEquals("predecessor_required", r.refusal().code());
        assertEquals("predecessorCode", r.refusal().field());
        assertTrue(r.refusal().messageVi().contains("Thị Trấn Ngọc Lặc (15061): NGOC_LAC_2024"), r.refusal()::messageVi);
        assertTrue(r.refusal().messageVi().contains("Xã Mỹ Tân (15067): MY_TAN_2024"), r.refusal()::messageVi);
    }

    @Test
    void theNamedPredecessorDecidesAndTheAnswerSaysSo() {
        MonitoringJudgement j = judge(null, "15061");
        assertEquals("NGOC_LAC_2024", j.chain().first().id());
        assertEquals("CALLER", j.input().predecessor().selectedBy());
        var doc = MonitoringReport.render(java.util.UUID.randomUUID(), "TEST", java.time.Instant.now(), "test", j, null);
        assertEquals("15061", doc.profile().predecessor().code());
        assertTrue(doc.profile().reasonVi().contains("bên gửi chỉ định xã cũ này (predecessorCode)"), doc.profile()::reasonVi);

        MonitoringJudgement myTan = judge(null, "15067");
        assertEquals("MY_TAN_2024", myTan.chain().first().id());
    }

    @Test
    void aNamedProfilePicksThePredecessorItCovered() {
        MonitoringJudgement j = judge("MY_TAN_2024", null);
        assertEquals("MY_TAN_2024", j.chain().first().id());
        assertEquals("PROFILE", j.input().predecessor().selectedBy());
        assertEquals("15067", j.input().predecessor().area().code());
    }

    private static MonitoringJudgement judge(String profileId, String predecessorCode) {
        Predecessors.Resolution r = Predecessors.resolve(engine.policy(), areas.reform(), XA_NGOC_LAC, RECOGNISED, profileId,
                predecessorCode);
        assertNull(r.refusal());
        EvaluationInput report = new EvaluationInput(XA_NGOC_LAC, profileId, new Period(LocalDate.of(2026, 3, 15),
                LocalDate.of(2026, 6, 14)), MonitoringRulesTest.BASELINE, MonitoringRulesTest.calm());
        return Monitor.judge(engine, new MonitoringInput(report, RECOGNISED, null, false, r.predecessor()));
    }
}
