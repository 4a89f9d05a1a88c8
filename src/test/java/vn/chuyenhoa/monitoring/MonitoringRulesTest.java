package vn.chuyenhoa.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.monitoring.MonitoringDocument.ReasonView;
import vn.chuyenhoa.programme.AreaState;
import vn.chuyenhoa.programme.AreaStatus;
import vn.chuyenhoa.programme.Lifecycle;
import vn.chuyenhoa.programme.Move;
import vn.chuyenhoa.programme.ProgrammeArea;
import vn.chuyenhoa.programme.ProgrammeService;
import vn.chuyenhoa.programme.Step;
import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.ruleset.RulesetBuilder;
import vn.chuyenhoa.support.RuleTree;
import vn.chuyenhoa.support.ShippedRows;
import vn.chuyenhoa.support.ShippedRules;

/**
 * Every relapse reason on and off, the window boundary and the table rows that switch a reason off or set a threshold,
 * through the real Drools build of the real files. A report starts from {@link #calm()}: Thị trấn Ngọc Lặc, recognised
 * on 2024-12-20 (profile NGOC_LAC_2024, which sets no relapse rows, so NATIONAL_CORE's apply), with nothing wrong.
 */
class MonitoringRulesTest {

    static final Area NGOC_LAC = new Area("QD124_2004", "15061", "Thị trấn Ngọc Lặc", "389", "38");
    static final Area NENH = new Area("QD124_2004", "07795", "Phường Nếnh", "222", "24");
    static final LocalDate RECOGNISED = LocalDate.of(2024, 12, 20);
    static final Period BASELINE = new Period(LocalDate.of(2024, 6, 6), LocalDate.of(2024, 9, 5));
    static final Period QUARTER = new Period(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 6, 14));

    static final Engine engine = ShippedRules.engine();

    @TempDir
    Path dir;

    static Map<Fact, Object> calm() {
        Map<Fact, Object> facts = new EnumMap<>(Fact.class);
        facts.put(Fact.ORGANIZED_CRIME_SIGNS, false);
        facts.put(Fact.BLACK_CREDIT_ACTIVITY, false);
        facts.put(Fact.NEW_HOTSPOTS_FORMED, 0L);
        facts.put(Fact.CRIMES_BASELINE, 22L);
        facts.put(Fact.CRIMES_CURRENT, 15L);
        return facts;
    }

    static MonitoringJudgement judge(Engine e, Area area, Period period, Period baseline, Map<Fact, Object> facts,
                                     Boolean proposedAgain) {
        return Monitor.judge(e, new MonitoringInput(new EvaluationInput(area, null, period, baseline, facts),
                RECOGNISED, null, proposedAgain, null));
    }

    static MonitoringJudgement judge(Map<Fact, Object> facts, Boolean proposedAgain) {
        return judge(engine, NGOC_LAC, QUARTER, BASELINE, facts, proposedAgain);
    }

    static Map<String, String> outcomes(MonitoringJudgement j) {
        Map<String, String> out = new LinkedHashMap<>();
        j.reasons().forEach(f -> out.put(f.check().getReason().id(), f.outcome().name()));
        return out;
    }

    static ReasonView view(MonitoringJudgement j, String id) {
        return MonitoringReport.render(UUID.randomUUID(), "v", Instant.EPOCH, null, j, null).reasons().stream()
                .filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aCalmReportIsStableByTheRuleThatSaysSo() {
        MonitoringJudgement j = judge(calm(), false);
        assertEquals(RelapseVerdict.STABLE, j.verdict());
        assertEquals("Stable when no relapse reason applies", j.verdictRule());
        assertEquals(List.of("NGOC_LAC_2024", "NATIONAL_CORE"), j.chain().ids());
    }

    // Which reason applies alone, above the baseline and at the window's edges: decision-tables/tests/
    // monitoring-cases.drl.xlsx (MonitoringCasesTest). Here: what a reason that applies says, and where from.

    @Test
    void aReasonThatAppliesSaysSoAndNamesItsRow() {
        Map<Fact, Object> facts = calm();
        facts.put(Fact.CRIMES_CURRENT, 23L);
        ReasonView v = view(judge(facts, false), "CRIME_ABOVE_BASELINE");
        assertEquals("NATIONAL_CORE", v.profileId());
        assertEquals("Reasons", v.source().sheet());
        assertTrue(v.explanationEn().endsWith("→ a relapse reason."), v.explanationEn());
        assertTrue(v.explanationVi().endsWith("→ là lý do tái phức tạp."), v.explanationVi());
    }

    @Test
    void theAbsentFactsAreListedInOrder() {
        Map<Fact, Object> facts = calm();
        facts.remove(Fact.NEW_HOTSPOTS_FORMED);
        MonitoringJudgement j = judge(engine, NGOC_LAC, QUARTER, null, facts, null);
        assertEquals(List.of("baselinePeriod", "newHotspotsFormed", "proposedAgain"),
                MonitoringReport.render(UUID.randomUUID(), "v", Instant.EPOCH, null, j, null).missingFacts());
    }

    // ---- The window: from the day after recognition to the same date three years later, inclusive ------------------

    @Test
    void aReportAfterTheWindowIsNotJudgedAndSaysWhichWindow() {
        Period p = new Period(LocalDate.of(2027, 9, 21), LocalDate.of(2027, 12, 21));
        MonitoringJudgement j = judge(engine, NGOC_LAC, p, BASELINE, calm(), false);
        assertEquals(LocalDate.of(2027, 12, 20), j.windowEnd());
        assertEquals(LocalDate.of(2024, 12, 21), j.windowStart());
        assertEquals(List.of(), j.reasons(), "nothing is judged outside the window");
        MonitoringDocument doc = MonitoringReport.render(UUID.randomUUID(), "v", Instant.EPOCH, null, j, null);
        assertTrue(doc.recommendationEn().contains("3-year monitoring window after recognition on 2024-12-20 (2024-12-21 to 2027-12-20 inclusive; " + PROGRAMME + " · Settings · " + NATIONAL_WINDOW + ", NATIONAL_CORE)"),
                doc.recommendationEn());
        // officers read dd/mm/yyyy (domain spec §1.1)
        assertTrue(doc.recommendationVi().contains("kỳ báo cáo 21/09/2027 – 21/12/2027 không nằm trọn trong thời gian theo dõi 3 năm"
                + " sau ngày công nhận 20/12/2024 (từ 21/12/2024 đến hết ngày 20/12/2027;"), doc.recommendationVi());
        assertTrue(!doc.window().periodInside());
    }

    @Test
    void aWindowFromTheTwentyNinthOfFebruaryEndsOnTheLastDayOfFebruary() {
        MonitoringJudgement j = Monitor.judge(engine, new MonitoringInput(new EvaluationInput(NGOC_LAC, null,
                new Period(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 28)), null, calm()), LocalDate.of(2024, 2, 29), null, false, null));
        assertEquals(LocalDate.of(2027, 2, 28), j.windowEnd());
        assertEquals(RelapseVerdict.INSUFFICIENT_DATA, j.verdict(), "inside: judged (no baseline period given)");
    }

    @Test
    void anOlderRulesetWithoutTheMonitoringRulesIsKnownToLackThem() throws Exception {
        RuleTree tree = RuleTree.copyInto(dir);
        java.nio.file.Files.delete(tree.file("rules/monitoring.drl"));
        Engine older = RulesetBuilder.build(RuleFiles.read(tree.root(), List.of("rules", "decision-tables")), "TEST").engine();
        assertEquals(false, Monitor.available(older));
        assertEquals(true, Monitor.available(engine));
    }

    // ---- Table rows: a province switches a reason off, sets a threshold ---------------------------------------------

    static final String BOOK = "decision-tables/monitoring.drl.xlsx";

    @Test
    void aProvinceSwitchesAReasonOffWithARowOfItsOwnProfile() throws Exception {
        RuleTree tree = RuleTree.copyInto(dir).row(BOOK, "Reasons", 15, "NGOC_LAC_2024", "PROPOSED_AGAIN", "false", "FLAG",
                "proposedAgain", "=", "true", "Đề xuất lại", "Proposed again", "test: Ngọc Lặc does not count it");
        Engine e = RulesetBuilder.build(RuleFiles.read(tree.root(), List.of("rules", "decision-tables")), "TEST").engine();

        MonitoringJudgement ngocLac = judge(e, NGOC_LAC, QUARTER, BASELINE, calm(), true);
        assertEquals(RelapseVerdict.STABLE, ngocLac.verdict());
        assertEquals("SWITCHED_OFF", outcomes(ngocLac).get("PROPOSED_AGAIN"));
        ReasonView v = view(ngocLac, "PROPOSED_AGAIN");
        assertEquals("C15", v.source().cell(), "the cell that switched it off");
        assertEquals("NGOC_LAC_2024", v.profileId());
        // the profile by the name its table gives it, the code beside it, in both languages (policy trial finding 11)
        vn.chuyenhoa.evaluation.Profile ngocLacProfile = e.policy().profile("NGOC_LAC_2024").orElseThrow();
        assertTrue(v.explanationEn().contains("not checked because cell Reasons C15 of profile «" + ngocLacProfile.labelEn()
                + "» (NGOC_LAC_2024) sets enabled = false"), v.explanationEn());
        assertTrue(v.explanationVi().contains("không xét vì ô Reasons C15 của bộ tiêu chí «" + ngocLacProfile.labelVi()
                + "» (NGOC_LAC_2024) tắt lý do này"), v.explanationVi());
        assertFalse(v.explanationVi().contains("enabled"), v.explanationVi());

        // Việt Yên's area is not covered by the Ngọc Lặc row: the national row still applies
        Period nenhQuarter = new Period(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 6, 14));
        assertEquals(RelapseVerdict.RELAPSED, judge(e, NENH, nenhQuarter, BASELINE, calm(), true).verdict());
    }

    @Test
    void aProvinceSetsAThresholdAboveTheBaseline() throws Exception {
        RuleTree tree = RuleTree.copyInto(dir).row(BOOK, "Reasons", 15, "NGOC_LAC_2024", "CRIME_ABOVE_BASELINE", "true",
                "ABOVE_BASELINE", "crimes", ">", "10", "Tăng quá 10%", "More than 10% up", "test");
        Engine e = RulesetBuilder.build(RuleFiles.read(tree.root(), List.of("rules", "decision-tables")), "TEST").engine();
        Map<Fact, Object> facts = calm();
        facts.put(Fact.CRIMES_BASELINE, 20L);
        facts.put(Fact.CRIMES_CURRENT, 22L); // exactly 10% up: not more than 10%
        assertEquals("DOES_NOT_APPLY", outcomes(judge(e, NGOC_LAC, QUARTER, BASELINE, facts, false)).get("CRIME_ABOVE_BASELINE"));
        facts.put(Fact.CRIMES_CURRENT, 23L); // 15% up
        MonitoringJudgement j = judge(e, NGOC_LAC, QUARTER, BASELINE, facts, false);
        assertEquals("APPLIES", outcomes(j).get("CRIME_ABOVE_BASELINE"));
        assertEquals("G15", view(j, "CRIME_ABOVE_BASELINE").source().cell());
        assertEquals("15.00", view(j, "CRIME_ABOVE_BASELINE").actual());
    }

    // ---- The window is the programme Settings row (programme.drl.xlsx, Settings, 3 on NATIONAL_CORE) ----------

    static final String PROGRAMME = "decision-tables/programme.drl.xlsx";
    /** The shipped monitoring window, NATIONAL_CORE's row of the programme Settings, wherever that row is. */
    static final String NATIONAL_WINDOW =
            ShippedRows.cell(PROGRAMME, "Settings", "C", "NATIONAL_CORE", "monitoringWindowYears");
    /** Phường 7, Thành phố Đà Lạt, Lâm Đồng (68): profile LAM_DONG_2022 (province, 2022–2023) covers it. */
    static final Area PHUONG_7 = new Area("QD124_2004", "24769", "Phường 7", "672", "68");

    @Test
    void theWindowIsTheProgrammeSettingsRow() {
        MonitoringJudgement j = judge(calm(), false);
        assertEquals(3, j.window().monitoringWindowYears());
        assertEquals("NATIONAL_CORE", j.window().profileId());
        assertEquals(PROGRAMME, j.window().source().file());
        assertEquals("Settings", j.window().source().sheet());
        assertEquals(NATIONAL_WINDOW, j.window().source().cell());
    }

    @Test
    void aDistrictRowOfItsOwnInProgrammeSettingsSetsItsWindow() throws Exception {
        RuleTree tree = RuleTree.copyInto(dir).row(PROGRAMME, "Settings", 20, "NGOC_LAC_2024", "monitoringWindowYears", "1",
                "test: one year");
        Engine e = RulesetBuilder.build(RuleFiles.read(tree.root(), List.of("rules", "decision-tables")), "TEST").engine();
        // recognised 2024-12-20, one year: the last day is 2025-12-20
        assertEquals(RelapseVerdict.STABLE, judge(e, NGOC_LAC, new Period(LocalDate.of(2025, 9, 21),
                LocalDate.of(2025, 12, 20)), BASELINE, calm(), false).verdict());
        MonitoringJudgement after = judge(e, NGOC_LAC, new Period(LocalDate.of(2025, 9, 21), LocalDate.of(2025, 12, 21)),
                BASELINE, calm(), false);
        assertEquals(RelapseVerdict.OUTSIDE_WINDOW, after.verdict());
        assertEquals("NGOC_LAC_2024", after.window().profileId());
        assertEquals("C20", after.window().source().cell());
        assertEquals(PROGRAMME, after.window().source().file());
    }

    @Test
    void aProvinceRowOfItsOwnInProgrammeSettingsChangesTheWindowOfItsReportsOnly() throws Exception {
        Period baseline = new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 31));
        LocalDate recognised = LocalDate.of(2023, 6, 30);
        // shipped tables: LAM_DONG_2022 has no row, NATIONAL_CORE's 3 years apply: 2023-07-01 to 2026-06-30
        MonitoringJudgement shipped = Monitor.judge(engine, new MonitoringInput(new EvaluationInput(PHUONG_7, null,
                new Period(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1)), baseline, calm()), recognised, null, false, null));
        assertEquals(List.of("LAM_DONG_2022", "NATIONAL_CORE"), shipped.chain().ids());
        assertEquals(LocalDate.of(2026, 6, 30), shipped.windowEnd());
        assertEquals(RelapseVerdict.STABLE, shipped.verdict());

        RuleTree tree = RuleTree.copyInto(dir).row(PROGRAMME, "Settings", 20, "LAM_DONG_2022", "monitoringWindowYears", "2",
                "test: Lâm Đồng monitors two years");
        Engine e = RulesetBuilder.build(RuleFiles.read(tree.root(), List.of("rules", "decision-tables")), "TEST").engine();
        // two years: 2023-07-01 to 2025-06-30 inclusive
        MonitoringJudgement lastDay = Monitor.judge(e, new MonitoringInput(new EvaluationInput(PHUONG_7, null,
                new Period(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30)), baseline, calm()), recognised, null, false, null));
        assertEquals(RelapseVerdict.STABLE, lastDay.verdict());
        assertEquals(LocalDate.of(2025, 6, 30), lastDay.windowEnd());
        assertEquals(2, lastDay.window().monitoringWindowYears());
        assertEquals("LAM_DONG_2022", lastDay.window().profileId());
        assertEquals("C20", lastDay.window().source().cell());
        MonitoringJudgement dayAfter = Monitor.judge(e, new MonitoringInput(new EvaluationInput(PHUONG_7, null,
                new Period(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1)), baseline, calm()), recognised, null, false, null));
        assertEquals(RelapseVerdict.OUTSIDE_WINDOW, dayAfter.verdict());

        // Ngọc Lặc (Thanh Hóa) is not covered by the Lâm Đồng row: still NATIONAL_CORE's 3 years
        MonitoringJudgement ngocLac = judge(e, NGOC_LAC, QUARTER, BASELINE, calm(), false);
        assertEquals(LocalDate.of(2027, 12, 20), ngocLac.windowEnd());
        assertEquals(NATIONAL_WINDOW, ngocLac.window().source().cell());
    }

    /**
     * The programme record of an area pinned to NGOC_LAC_2024, recognised 2024-12-20 and in MONITORING, and a
     * monitoring report on that area: one cell (Settings, NATIONAL_CORE's monitoringWindowYears 3 → 2) moves both to
     * end on 2026-12-20.
     */
    @Test
    void theLifecycleAndAMonitoringReportSeeTheSameWindowAfterOneCellChange() throws Exception {
        RuleTree tree = RuleTree.copyInto(dir).set(PROGRAMME, "Settings", NATIONAL_WINDOW, "2");
        Engine e = RulesetBuilder.build(RuleFiles.read(tree.root(), List.of("rules", "decision-tables")), "TEST").engine();
        LocalDate asOf = LocalDate.of(2025, 6, 20);
        for (Engine which : List.of(engine, e)) {
            int years = which == engine ? 3 : 2;
            LocalDate end = LocalDate.of(2024 + years, 12, 20);
            AreaStatus lifecycle = new ProgrammeService(null, null, null, null, null).status(which, monitoredNgocLacArea(), asOf, false);
            assertEquals(AreaState.MONITORING, lifecycle.state());
            MonitoringJudgement report = judge(which, NGOC_LAC, QUARTER, BASELINE, calm(), false);

            assertEquals(years, lifecycle.monitoringWindow().value());
            assertEquals(years, report.window().monitoringWindowYears());
            // one window (monitoring.Window): the record's last day monitored is the report's, to the day
            assertEquals(end, lifecycle.monitoringLastDay());
            assertEquals(end, report.windowEnd());
            assertEquals(lifecycle.monitoringWindow().source(), report.window().source());
            assertEquals(NATIONAL_WINDOW, report.window().source().cell());
            // STABLE becomes possible the day after the report's window ends (issue 15: it was allowed on its last day)
            Move stable = Lifecycle.moves(which, AreaState.MONITORING, asOf, lifecycle.monitoringEnds(), false, false, false, false).stream()
                    .filter(m -> m.to() == AreaState.STABLE).findFirst().orElseThrow();
            assertEquals(end.plusDays(1), stable.availableFrom());
        }
        // a report ending the day after the new window is outside it, on the day STABLE is allowed
        assertEquals(RelapseVerdict.OUTSIDE_WINDOW, judge(e, NGOC_LAC, new Period(LocalDate.of(2026, 9, 21),
                LocalDate.of(2026, 12, 21)), BASELINE, calm(), false).verdict());
    }

    private static ProgrammeArea monitoredNgocLacArea() {
        List<Step> steps = List.of(
                step(1, null, AreaState.CANDIDATE, "2024-01-10", null),
                step(2, AreaState.CANDIDATE, AreaState.PROPOSED, "2024-02-01", null),
                step(3, AreaState.PROPOSED, AreaState.APPROVED, "2024-03-01", "NGOC_LAC_2024"),
                step(4, AreaState.APPROVED, AreaState.IN_TRANSFORMATION, "2024-09-06", null),
                step(5, AreaState.IN_TRANSFORMATION, AreaState.TRANSFORMED, "2024-12-20", null),
                step(6, AreaState.TRANSFORMED, AreaState.MONITORING, "2024-12-21", null));
        return new ProgrammeArea(UUID.randomUUID(), "QD124_2004", "38", 2024, NGOC_LAC.code(), NGOC_LAC.name(),
                NGOC_LAC.districtCode(), null, Instant.EPOCH, steps);
    }

    private static Step step(int n, AreaState from, AreaState to, String on, String profileId) {
        return new Step(n, from, to, LocalDate.parse(on), Instant.EPOCH, null, "test", null, null, null, profileId, "TEST", "test", null);
    }
}
