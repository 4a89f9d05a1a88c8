package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.MonthDay;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.chuyenhoa.evaluation.PlannedEnd;
import vn.chuyenhoa.evaluation.Policy;
import vn.chuyenhoa.evaluation.ProgrammeSettings;
import vn.chuyenhoa.evaluation.Setting;
import vn.chuyenhoa.support.RuleTree;

/**
 * The programme settings of decision-tables/programme.drl.xlsx through the real Drools build: each profile's values as
 * the seeds give them (domain spec §3.1, §5, §6, §7), the row behind each, the fallback to the national profile, and
 * every kind of broken cell refused with its cell. Rows of the shipped Settings table: 10–15 NATIONAL_CORE
 * (targetTransformedPercent, targetNotRelapsedPercent, plannedEnd, monitoringWindowYears, reportingYearStart,
 * reportingCloseDay), 16–18 VIET_YEN_2024 (plannedEnd, reportingYearStart, reportingCloseDay), 19 NGOC_LAC_2024
 * (plannedEnd); column A profile, B key, C value, D legal basis.
 */
class ProgrammeSettingsTest {

    static final String PROGRAMME = "decision-tables/programme.drl.xlsx";

    @TempDir
    Path dir;

    @Test
    void nationalCoreCarriesTheSeedTargetsAndTheNationalCalendar() throws Exception {
        ProgrammeSettings s = policy(RuleTree.copyInto(dir)).programme("NATIONAL_CORE").orElseThrow();
        assertSetting(s.targetTransformedPercent(), new BigDecimal("60"), "NATIONAL_CORE", "C10");
        assertSetting(s.targetNotRelapsedPercent(), new BigDecimal("85"), "NATIONAL_CORE", "C11");
        assertSetting(s.plannedEnd(), new PlannedEnd(PlannedEnd.Rule.END_OF_YEAR, null), "NATIONAL_CORE", "C12");
        assertSetting(s.monitoringWindowYears(), 3, "NATIONAL_CORE", "C13");
        assertSetting(s.reportingYearStart(), MonthDay.of(12, 15), "NATIONAL_CORE", "C14");
        assertSetting(s.reportingCloseDay(), 14, "NATIONAL_CORE", "C15");
    }

    @Test
    void vietYenClosesOnThe12thAndEndsInDecemberButKeepsTheNationalTargets() throws Exception {
        ProgrammeSettings s = policy(RuleTree.copyInto(dir)).programme("VIET_YEN_2024").orElseThrow();
        assertSetting(s.plannedEnd(), new PlannedEnd(PlannedEnd.Rule.END_OF_YEAR, null), "VIET_YEN_2024", "C16");
        assertSetting(s.reportingYearStart(), MonthDay.of(12, 15), "VIET_YEN_2024", "C17");
        assertSetting(s.reportingCloseDay(), 12, "VIET_YEN_2024", "C18");
        assertSetting(s.targetTransformedPercent(), new BigDecimal("60"), "NATIONAL_CORE", "C10");
        assertSetting(s.monitoringWindowYears(), 3, "NATIONAL_CORE", "C13");
    }

    @Test
    void ngocLacTransformsInThreeMonthsFromTheStart() throws Exception {
        ProgrammeSettings s = policy(RuleTree.copyInto(dir)).programme("NGOC_LAC_2024").orElseThrow();
        assertSetting(s.plannedEnd(), new PlannedEnd(PlannedEnd.Rule.MONTHS_FROM_START, 3), "NGOC_LAC_2024", "C19");
        // seed 000's conference was on 06/9/2024: three months from a start that day end on 05/12/2024
        assertEquals(java.time.LocalDate.of(2024, 12, 5), s.plannedEnd().value().lastDay(2024, java.time.LocalDate.of(2024, 9, 6)));
        assertSetting(s.reportingCloseDay(), 14, "NATIONAL_CORE", "C15");
    }

    @Test
    void aProfileWithoutRowsFallsBackOnTheNationalOneEntirely() throws Exception {
        Policy policy = policy(RuleTree.copyInto(dir));
        ProgrammeSettings s = policy.programme("LAM_DONG_2022").orElseThrow();
        assertSetting(s.targetNotRelapsedPercent(), new BigDecimal("85"), "NATIONAL_CORE", "C11");
        assertSetting(s.plannedEnd(), new PlannedEnd(PlannedEnd.Rule.END_OF_YEAR, null), "NATIONAL_CORE", "C12");
        assertEquals(3, policy.monitoringWindowYears("LAM_DONG_2022").orElseThrow().value());
        assertTrue(policy.programme("NO_SUCH_PROFILE").isEmpty());
    }

    @Test
    void textInATargetCell() {
        assertLocated(single(RuleTree.copyInto(dir).set(PROGRAMME, "Settings", "C10", "sáu mươi")),
                10, "C10", "sáu mươi", "not_a_number");
    }

    @Test
    void aTargetAboveOneHundredPercent() {
        assertLocated(single(RuleTree.copyInto(dir).set(PROGRAMME, "Settings", "C11", "185")), 11, "C11", "185", "out_of_range");
    }

    @Test
    void aPercentFormattedTarget() {
        RuleTree tree = RuleTree.copyInto(dir).edit(PROGRAMME, "Settings", "C10", cell -> {
            CellStyle style = cell.getSheet().getWorkbook().createCellStyle();
            style.setDataFormat(cell.getSheet().getWorkbook().createDataFormat().getFormat("0%"));
            cell.setCellStyle(style);
            cell.setCellValue(0.6);
        });
        assertLocated(single(tree), 10, "C10", "60%", "percent_cell");
    }

    @Test
    void aPlannedEndWrittenAsWords() {
        assertLocated(single(RuleTree.copyInto(dir).set(PROGRAMME, "Settings", "C19", "3 tháng")), 19, "C19", "3 tháng", "bad_planned_end");
    }

    @Test
    void aPlannedEndOfZeroMonths() {
        assertLocated(single(RuleTree.copyInto(dir).set(PROGRAMME, "Settings", "C19", "MONTHS_FROM_START:0")),
                19, "C19", "MONTHS_FROM_START:0", "bad_planned_end");
    }

    @Test
    void aMonitoringWindowThatIsNotAWholeNumber() {
        assertLocated(single(RuleTree.copyInto(dir).set(PROGRAMME, "Settings", "C13", "2.5")), 13, "C13", "2.5", "out_of_range");
    }

    @Test
    void aClosingDayThatSomeMonthsDoNotHave() {
        assertLocated(single(RuleTree.copyInto(dir).set(PROGRAMME, "Settings", "C18", "31")), 18, "C18", "31", "out_of_range");
    }

    @Test
    void aYearStartWrittenTheVietnameseWay() {
        assertLocated(single(RuleTree.copyInto(dir).set(PROGRAMME, "Settings", "C14", "15/12")), 14, "C14", "15/12", "bad_month_day");
    }

    @Test
    void aYearStartThatIsNoDay() {
        assertLocated(single(RuleTree.copyInto(dir).set(PROGRAMME, "Settings", "C17", "02-30")), 17, "C17", "02-30", "bad_month_day");
    }

    @Test
    void aMisspeltKey() {
        assertLocated(single(RuleTree.copyInto(dir).set(PROGRAMME, "Settings", "B13", "monitoringWindow")),
                13, "B13", "monitoringWindow", "unknown_setting");
    }

    @Test
    void aProfileThatIsNotInTheProfilesTable() {
        assertLocated(single(RuleTree.copyInto(dir).set(PROGRAMME, "Settings", "A18", "VIET_YEN_2025")),
                18, "A18", "VIET_YEN_2025", "unknown_profile");
    }

    @Test
    void aKeyGivenTwiceForTheSameProfile() {
        LoadProblem p = single(RuleTree.copyInto(dir).row(PROGRAMME, "Settings", 20, "NGOC_LAC_2024", "plannedEnd", "END_OF_YEAR", "test"));
        assertLocated(p, 20, "B20", "plannedEnd", "duplicate");
        assertTrue(p.messageEn().contains("row 19"), p.messageEn());
    }

    @Test
    void anEmptyLegalBasis() {
        assertLocated(single(RuleTree.copyInto(dir).set(PROGRAMME, "Settings", "D16", "")), 16, "D16", null, "required");
    }

    @Test
    void aNationalSettingMovedToAnotherProfileLeavesTheOthersWithoutIt() {
        // NATIONAL_CORE's closing day now belongs to LAM_DONG_2022: NATIONAL_CORE and NGOC_LAC_2024, which falls back
        // on it, have none; VIET_YEN_2024 has its own
        List<LoadProblem> problems = problems(RuleTree.copyInto(dir).set(PROGRAMME, "Settings", "A15", "LAM_DONG_2022"));
        assertEquals(2, problems.size(), problems::toString);
        for (LoadProblem p : problems) {
            assertEquals("setting_missing", p.code());
            assertEquals(PROGRAMME, p.file());
            assertEquals("Settings", p.sheet());
            assertTrue(p.messageEn().contains("\"reportingCloseDay\""), p.messageEn());
            assertNotNull(p.messageVi());
        }
        assertTrue(problems.get(0).messageEn().startsWith("Profile NATIONAL_CORE "), problems.get(0).messageEn());
        assertTrue(problems.get(1).messageEn().startsWith("Profile NGOC_LAC_2024 "), problems.get(1).messageEn());
    }

    private static <T> void assertSetting(Setting<T> s, T value, String fromProfile, String cell) {
        assertEquals(value, s.value());
        assertEquals(fromProfile, s.profileId(), "the row it came from");
        assertEquals(PROGRAMME, s.source().file());
        assertEquals("Settings", s.source().sheet());
        assertEquals(cell, s.source().cell());
        assertEquals(Integer.parseInt(cell.substring(1)), s.source().row());
        assertNotNull(s.legalBasis());
    }

    private static void assertLocated(LoadProblem p, int row, String cell, String value, String code) {
        assertEquals(code, p.code(), p::describe);
        assertEquals(PROGRAMME, p.file());
        assertEquals("Settings", p.sheet());
        assertEquals(row, p.row());
        assertEquals(cell, p.cell());
        assertEquals(value, p.value());
        assertNotNull(p.messageVi());
        assertNotNull(p.messageEn());
    }

    private static Policy policy(RuleTree tree) throws RulesetBuildException {
        return RulesetBuilder.build(RuleFiles.read(tree.root(), ActiveRuleset.FOLDERS), "TEST").engine().policy();
    }

    /** What validation (the checks of the cells, then Drools' build and the staff tests) says about the tree. */
    private static List<LoadProblem> problems(RuleTree tree) {
        RulesetValidator.Validated v = VALIDATOR.validate(RuleFiles.read(tree.root(), ActiveRuleset.FOLDERS), "TEST");
        assertFalse(v.report().valid(), "refused");
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
