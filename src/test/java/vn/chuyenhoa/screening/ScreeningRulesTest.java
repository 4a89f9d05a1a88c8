package vn.chuyenhoa.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.ruleset.RulesetBuilder;
import vn.chuyenhoa.screening.ScreeningDocument.CategoryView;
import vn.chuyenhoa.screening.ScreeningDocument.CommuneView;
import vn.chuyenhoa.screening.ScreeningDocument.ConditionView;
import vn.chuyenhoa.screening.ScreeningDocument.DrugCriterionView;
import vn.chuyenhoa.screening.ScreeningDocument.DrugTypeView;
import vn.chuyenhoa.support.RuleTree;
import vn.chuyenhoa.support.ShippedRows;
import vn.chuyenhoa.support.ShippedRules;

/**
 * Every screening rule through the real Drools build of the real files in rules/ and decision-tables/. Expected values
 * are worked out by hand from the tables as shipped: the example Thanh Hóa rows (sheet Indicators), QĐ 28/2025 type I
 * criteria (a)–(đ) (sheet DrugCriteria), the two status rules and the four ranking keys.
 *
 * <p>A commune starts from {@link #quiet()}: 10,000 residents, every count 0 and every flag false, so that the one
 * fact a case changes is the only thing that can flag, meet or decide.
 */
class ScreeningRulesTest {

    static final Area KIEN_THO = new Area("QD124_2004", "15118", "Xã Kiên Thọ", "389", "38");
    static final Area NGUYET_AN = new Area("QD124_2004", "15115", "Xã Nguyệt Ấn", "389", "38");
    static final Area MINH_SON = new Area("QD124_2004", "15124", "Xã Minh Sơn", "389", "38");
    static final Area CAO_NGOC = new Area("QD124_2004", "15079", "Xã Cao Ngọc", "389", "38");

    static final Engine engine = ShippedRules.engine();

    @TempDir
    Path dir;

    static Map<ScreeningFact, Object> quiet() {
        Map<ScreeningFact, Object> facts = new EnumMap<>(ScreeningFact.class);
        for (ScreeningFact f : ScreeningFact.values()) {
            facts.put(f, f.type() == vn.chuyenhoa.evaluation.Fact.Type.FLAG ? (Object) false : (Object) 0L);
        }
        facts.put(ScreeningFact.RESIDENTS, 10_000L);
        return facts;
    }

    static CommuneView screen(Engine e, Area area, Map<ScreeningFact, Object> facts) {
        return screenAll(e, List.of(new Candidate(area, facts))).communes().get(0);
    }

    static ScreeningDocument screenAll(Engine e, List<Candidate> candidates) {
        Area first = candidates.get(0).area();
        return ScreeningService.screen(e, new ScreeningInput(2025, null, first.codeScheme(), first.provinceCode(),
                "Tỉnh", candidates), UUID.randomUUID(), Instant.parse("2024-12-20T00:00:00Z"), null);
    }

    static CategoryView category(CommuneView c, String id) {
        return c.categories().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    static DrugCriterionView criterion(CommuneView c, String id) {
        return c.drugArea().criteria().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    static DrugTypeView type(CommuneView c, String id) {
        return c.drugArea().types().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    // ---- Categories and drug criteria at and around each threshold of the shipped rows, the status rules and a type I
    // commune: decision-tables/tests/screening-cases.drl.xlsx (ScreeningCasesTest). Here: what the results say.

    @Test
    void aFlagShowsTheIndicatorActualValueThresholdAndRow() {
        Map<ScreeningFact, Object> facts = quiet();
        facts.put(ScreeningFact.RESIDENTS, 12_000L);
        facts.put(ScreeningFact.SOCIAL_ORDER_CRIMES, 12L);
        CategoryView v = category(screen(engine, KIEN_THO, facts), "LOAI_1");
        ConditionView i = v.indicators().get(0);
        assertEquals("socialOrderCrimes", i.fact());
        assertEquals("10.00", i.actual());
        assertEquals(12L, i.value());
        assertEquals(12_000L, i.residents());
        assertEquals(10_000L, i.per());
        assertEquals(">=", i.comparison());
        assertEquals("10", i.threshold());
        assertEquals("decision-tables/screening.drl.xlsx", i.source().file());
        assertEquals("Indicators", i.source().sheet());
        assertEquals(ShippedRows.cell("decision-tables/screening.drl.xlsx", "Indicators", "F", "VI_DU_THANH_HOA", "LOAI_1", "socialOrderCrimes"), i.source().cell());
        assertEquals("Screening condition holds", i.rule());
        assertEquals("Số vụ tội phạm xâm phạm trật tự xã hội trên 10.000 dân: 10,00 trên 10.000 dân (12/12.000 dân), "
                + "đạt ngưỡng ≥ 10 trên 10.000 dân.", i.explanationVi());
        assertEquals("Social-order crimes per 10,000 residents: 10.00 per 10,000 residents (12 of 12,000 residents), "
                + "meets the threshold ≥ 10 per 10,000 residents.", i.explanationEn());
        // the row is the example's, and says so wherever it is shown
        assertEquals("VI_DU_THANH_HOA", v.scope().id());
        assertTrue(v.scope().labelEn().startsWith("EXAMPLE — not official"), v.scope().labelEn());
        assertTrue(i.legalBasis().contains("EXAMPLE"), i.legalBasis());
        assertTrue(v.explanationVi().startsWith("Gắn cờ LOAI_1"), v.explanationVi());
    }

    @Test
    void aProvinceWithoutRowsHasItsCategoriesReportedAsNotAssessed() {
        // Phường Nếnh, Bắc Giang (24): no scope row for the province and no national row
        Area nenh = new Area("QD124_2004", "07795", "Phường Nếnh", "222", "24");
        Map<ScreeningFact, Object> facts = quiet();
        facts.put(ScreeningFact.SOCIAL_ORDER_CRIMES, 500L);
        CommuneView c = screen(engine, nenh, facts);
        for (CategoryView v : c.categories()) {
            assertEquals("NOT_ASSESSED", v.outcome().name(), v.id());
            assertNull(v.scope());
            assertTrue(v.explanationEn().contains("no thresholds for this category in province 24"), v.explanationEn());
        }
        assertEquals(List.of(), c.categoriesFlagged());
        // the drug-area criteria are national (QĐ 28/2025) and still apply
        assertEquals("NOT_MET", type(c, "I").outcome().name());
    }

    @Test
    void aRateWithoutResidentsLacksData() {
        Map<ScreeningFact, Object> facts = quiet();
        facts.remove(ScreeningFact.RESIDENTS);
        CommuneView c = screen(engine, KIEN_THO, facts);
        // LOAI_1: two of its three rows are per 10,000 residents, the third (hotspots 0) is not met
        assertEquals("MISSING_DATA", category(c, "LOAI_1").outcome().name());
        assertEquals(List.of("residents"), category(c, "LOAI_1").indicators().get(0).missingFacts());
        assertTrue(c.missingFacts().contains("residents"));
        // (a) and (c) are percentages of residents, so type I cannot be ruled out: 0 met, 2 open, 3 needed → not met
        assertEquals("MISSING_DATA", criterion(c, "QD28_I_A").outcome().name());
        assertEquals("NOT_MET", type(c, "I").outcome().name());
    }

    @Test
    void criterionDHoldsOnEitherOfItsAlternatives() {
        Map<ScreeningFact, Object> facts = quiet();
        facts.put(ScreeningFact.NARCOTIC_PLANT_AREA_M2, 750L);
        facts.remove(ScreeningFact.NARCOTIC_PLANTS_DESTROYED);
        DrugCriterionView d = criterion(screen(engine, KIEN_THO, facts), "QD28_I_D");
        assertEquals("MET", d.outcome().name(), "750 m² is enough even though the plant count is missing");
        assertEquals(List.of("MISSING_DATA", "MET"), d.conditions().stream().map(x -> x.outcome().name()).toList());
    }

    // ---- Type I: at least 3 criteria --------------------------------------------------------------------------------

    /** (a) 50, (b) 2, (c) 10 of 10,000 residents: exactly three criteria. */
    static Map<ScreeningFact, Object> threeCriteria() {
        Map<ScreeningFact, Object> facts = quiet();
        facts.put(ScreeningFact.DRUG_USERS_RECORDED, 50L);
        facts.put(ScreeningFact.DRUG_USE_PLACES, 2L);
        facts.put(ScreeningFact.DRUG_OFFENDERS_ARRESTED, 10L);
        return facts;
    }

    @Test
    void exactlyThreeCriteriaMakeTypeI() {
        CommuneView c = screen(engine, KIEN_THO, threeCriteria());
        assertEquals("I", c.drugArea().type());
        DrugTypeView i = type(c, "I");
        assertEquals("MET", i.outcome().name());
        assertEquals(3, i.criteriaMet());
        assertEquals(5, i.criteria());
        assertEquals(3, i.minimum());
        assertEquals(ShippedRows.cell("decision-tables/screening.drl.xlsx", "DrugTypes", "C", "I"), i.source().cell());
        assertEquals("Drug key area, type I: met, 3 of 5 criteria hold (QD28_I_A, QD28_I_B, QD28_I_C), at least 3 needed.",
                i.explanationEn());
        assertEquals("Drug-area type of the commune is the most severe type met", c.drugArea().rule());
    }

    @Test
    void twoCriteriaOffARouteAreNotTypeI() {
        Map<ScreeningFact, Object> facts = threeCriteria();
        facts.put(ScreeningFact.DRUG_OFFENDERS_ARRESTED, 9L);
        CommuneView c = screen(engine, KIEN_THO, facts);
        // (đ) fails on its own condition (not on a route), so 2 met and nothing open: fewer than 3
        assertEquals("NOT_MET", criterion(c, "QD28_I_DD").outcome().name());
        assertEquals("NOT_MET", type(c, "I").outcome().name());
        assertNull(c.drugArea().type());
    }

    @Test
    void twoCriteriaOnARouteLeaveTypeIUndeterminedWhileCriterionDdIsNotAssessed() {
        Map<ScreeningFact, Object> facts = threeCriteria();
        facts.put(ScreeningFact.DRUG_OFFENDERS_ARRESTED, 9L);
        facts.put(ScreeningFact.ON_COMPLEX_DRUG_ROUTE, true);
        CommuneView c = screen(engine, KIEN_THO, facts);
        DrugCriterionView dd = criterion(c, "QD28_I_DD");
        assertEquals("NOT_ASSESSED", dd.outcome().name());
        assertTrue(dd.explanationEn().contains("not assessed; type II has no criteria in the tables yet, at least 2 needed"), dd.explanationEn());
        // the criterion by its name in the table, never its id (QD28_I_DD)
        assertTrue(dd.explanationVi().contains("Chưa đánh giá tiêu chí (đ) Nằm trên tuyến, địa bàn phức tạp về ma túy"
                + " và đáp ứng ít nhất 2 tiêu chí của loại thấp hơn; loại II chưa có tiêu chí nào trong bảng"), dd.explanationVi());
        assertFalse(dd.explanationVi().contains("QD28_"), dd.explanationVi());
        DrugTypeView i = type(c, "I");
        assertEquals("UNDETERMINED", i.outcome().name());
        assertEquals(2, i.criteriaMet());
        assertEquals(1, i.criteriaOpen());
        assertNull(c.drugArea().type());
        assertTrue(c.drugArea().explanationEn().contains("Type I could not be decided"), c.drugArea().explanationEn());
    }

    @Test
    void typesIIAndIIIAreSaidToBeNotAssessedUntilFilledIn() {
        CommuneView c = screen(engine, KIEN_THO, quiet());
        for (String t : List.of("II", "III")) {
            DrugTypeView v = type(c, t);
            assertEquals("NOT_ASSESSED", v.outcome().name());
            assertEquals(0, v.criteria());
            assertNull(v.minimum());
            assertTrue(v.explanationEn().contains("not assessed, the tables have no criteria for this type yet"), v.explanationEn());
            assertTrue(v.explanationVi().contains("chưa đánh giá, bảng chưa có tiêu chí"), v.explanationVi());
            assertEquals("Drug-area type is not assessed while its criteria are not in the tables", v.rule());
        }
        assertTrue(c.drugArea().explanationVi().contains("Loại II chưa được đánh giá; Loại III chưa được đánh giá"),
                c.drugArea().explanationVi());
    }

    /**
     * Once a province fills in type II (minimum 1, two criteria), (đ) is judged: on a route with both type II criteria
     * it holds, and with (a) and (c) that is three type I criteria.
     */
    @Test
    void fillingInTypeIILetsCriterionDdDecide() throws Exception {
        String book = "decision-tables/screening.drl.xlsx";
        RuleTree tree = RuleTree.copyInto(dir)
                .set(book, "DrugTypes", "C11", "1")
                .row(book, "DrugCriteria", 16, "II", "QD28_II_A", "drugUsePlaces", null, ">=", "1", null, null, "II (a)", "II (a)", "test")
                .row(book, "DrugCriteria", 17, "II", "QD28_II_B", "drugOffendersArrested", null, ">=", "3", null, null, "II (b)", "II (b)", "test");
        Engine filled = RulesetBuilder.build(RuleFiles.read(tree.root(), List.of("rules", "decision-tables")), "TEST").engine();

        Map<ScreeningFact, Object> facts = quiet();
        facts.put(ScreeningFact.DRUG_USERS_RECORDED, 50L);      // (a)
        facts.put(ScreeningFact.DRUG_USE_PLACES, 1L);           // II (a); (b) needs 2
        facts.put(ScreeningFact.DRUG_OFFENDERS_ARRESTED, 10L);  // (c) and II (b)
        facts.put(ScreeningFact.ON_COMPLEX_DRUG_ROUTE, true);
        CommuneView c = screen(filled, KIEN_THO, facts);
        DrugCriterionView dd = criterion(c, "QD28_I_DD");
        assertEquals("MET", dd.outcome().name(), dd.explanationEn());
        assertEquals(2, dd.lowerTypeCriteriaMet());
        assertEquals("MET", type(c, "II").outcome().name());
        assertEquals("I", c.drugArea().type(), "(a), (c) and (đ): three criteria");

        facts.put(ScreeningFact.DRUG_OFFENDERS_ARRESTED, 2L);   // neither (c) nor II (b): one type II criterion
        CommuneView fewer = screen(filled, KIEN_THO, facts);
        assertEquals("NOT_MET", criterion(fewer, "QD28_I_DD").outcome().name());
        assertEquals("II", fewer.drugArea().type(), "type I fails, type II holds with 1 of 1 needed");

        facts.remove(ScreeningFact.DRUG_OFFENDERS_ARRESTED);    // II (b) open: (đ) could still hold
        assertEquals("MISSING_DATA", criterion(screen(filled, KIEN_THO, facts), "QD28_I_DD").outcome().name());
    }

    @Test
    void anOlderRulesetWithoutTheScreeningRulesIsKnownToLackThem() throws Exception {
        RuleTree tree = RuleTree.copyInto(dir);
        java.nio.file.Files.delete(tree.file("rules/screening.drl"));
        java.nio.file.Files.delete(tree.file("decision-tables/screening.drl.xlsx"));
        Engine older = RulesetBuilder.build(RuleFiles.read(tree.root(), List.of("rules", "decision-tables")), "TEST").engine();
        assertEquals(false, Screener.available(older));
        assertEquals(true, Screener.available(engine));
    }

    // ---- Exclusions and carry-overs -----------------------------------------------------------------------------------

    @Test
    void aCommuneNewlyCertifiedAsNewRuralLastYearIsExcludedAndNotRanked() {
        Map<ScreeningFact, Object> facts = threeCriteria();
        facts.put(ScreeningFact.NEW_RURAL_CERTIFIED_LAST_YEAR, true);
        ScreeningDocument doc = screenAll(engine, List.of(new Candidate(KIEN_THO, facts), new Candidate(NGUYET_AN, quiet())));
        CommuneView c = doc.communes().get(0);
        assertEquals("EXCLUDED", c.status().name());
        assertNull(c.rank());
        assertEquals("Excluded: A commune newly certified as a new rural area last year is not selected (decision-tables/screening.drl.xlsx · Statuses · F11).",
                c.statusReasonEn());
        assertEquals("I", c.drugArea().type(), "its flags are still shown");
        assertEquals(List.of("15115"), doc.ranking().stream().map(ScreeningDocument.RankedView::code).toList());
    }

    @Test
    void aCommuneNotTransformedLastYearIsCarriedOverAndRankedFirst() {
        Map<ScreeningFact, Object> carried = quiet();
        carried.put(ScreeningFact.NOT_TRANSFORMED_LAST_YEAR, true);
        ScreeningDocument doc = screenAll(engine, List.of(new Candidate(NGUYET_AN, threeCriteria()), new Candidate(KIEN_THO, carried)));
        assertEquals("CARRIED_OVER", doc.communes().get(1).status().name());
        assertEquals("Carried over: An area not transformed last year is carried over into this year (decision-tables/screening.drl.xlsx · Statuses · F10).",
                doc.communes().get(1).statusReasonEn());
        assertEquals(List.of("15118", "15115"), doc.ranking().stream().map(ScreeningDocument.RankedView::code).toList());
    }

    @Test
    void carryOverWinsOverExclusionByPriority() {
        Map<ScreeningFact, Object> facts = quiet();
        facts.put(ScreeningFact.NOT_TRANSFORMED_LAST_YEAR, true);
        facts.put(ScreeningFact.NEW_RURAL_CERTIFIED_LAST_YEAR, true);
        CommuneView c = screen(engine, KIEN_THO, facts);
        assertEquals("CARRIED_OVER", c.status().name());
        assertEquals(1, c.rank());
        assertTrue(c.statusReasonEn().endsWith("Rule NEW_RURAL_LAST_YEAR also applies but has a lower priority."), c.statusReasonEn());
        assertEquals(List.of(true, false), c.statusChecks().stream().map(ScreeningDocument.StatusCheckView::decisive).toList());
    }

    @Test
    void anAbsentStatusFactIsReportedNotTakenAsNo() {
        Map<ScreeningFact, Object> facts = quiet();
        facts.remove(ScreeningFact.NEW_RURAL_CERTIFIED_LAST_YEAR);
        CommuneView c = screen(engine, KIEN_THO, facts);
        assertEquals("CANDIDATE", c.status().name());
        assertEquals("MISSING_DATA", c.statusChecks().get(1).outcome().name());
        assertTrue(c.statusReasonEn().contains("NEW_RURAL_LAST_YEAR could not be checked: newRuralCertifiedLastYear absent."),
                c.statusReasonEn());
    }

    // ---- Ranking ------------------------------------------------------------------------------------------------------

    /**
     * By hand: Cao Ngọc carried over (key 1); Minh Sơn 2 categories; Kiên Thọ and Nguyệt Ấn 1 category each, Kiên Thọ
     * type I (key 3); and a fourth commune equal to Nguyệt Ấn on every key shares its rank.
     */
    @Test
    void communesAreOrderedKeyByKeyWithTheDecidingKeyAsTheReason() {
        Map<ScreeningFact, Object> carried = quiet();
        carried.put(ScreeningFact.NOT_TRANSFORMED_LAST_YEAR, true);
        Map<ScreeningFact, Object> twoCategories = quiet();
        twoCategories.put(ScreeningFact.ECONOMIC_VIOLATIONS, 5L);
        twoCategories.put(ScreeningFact.FOOD_SAFETY_VIOLATIONS, 3L);
        Map<ScreeningFact, Object> typeI = threeCriteria(); // flags LOAI_4 only
        Map<ScreeningFact, Object> oneCategory = quiet();
        oneCategory.put(ScreeningFact.DRUG_USE_PLACES, 1L); // LOAI_4 only, no type
        Area phungGiao = new Area("QD124_2004", "15106", "Xã Phùng Giáo", "389", "38");
        ScreeningDocument doc = screenAll(engine, List.of(new Candidate(NGUYET_AN, oneCategory), new Candidate(KIEN_THO, typeI),
                new Candidate(MINH_SON, twoCategories), new Candidate(CAO_NGOC, carried), new Candidate(phungGiao, oneCategory)));

        List<String> order = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        doc.ranking().forEach(r -> {
            order.add(r.code());
            ranks.add(r.rank());
        });
        assertEquals(List.of("15079", "15124", "15118", "15115", "15106"), order);
        assertEquals(List.of(1, 2, 3, 4, 4), ranks, "equal on every key: the same rank");

        assertEquals("Rank 1 of 5. Above Xã Minh Sơn 15124 (rank 2) on «Carried over from last year» (decision-tables/screening.drl.xlsx · Ranking · B10): yes against no.",
                doc.ranking().get(0).reasonEn());
        assertEquals("Rank 3 of 5. Below Xã Minh Sơn 15124 (rank 2) on «Number of categories flagged» (decision-tables/screening.drl.xlsx · Ranking · B11): "
                        + "2 (Key area for economic-management order; Key area for environment, resources and food safety) against "
                        + "1 (Key area for drugs). Above Xã Nguyệt Ấn 15115 (rank 4) on «Drug-area type» "
                        + "(decision-tables/screening.drl.xlsx · Ranking · B12): type I against none determined.", doc.ranking().get(2).reasonEn());
        assertEquals("Hạng 4/5. Xếp sau Xã Kiên Thọ 15118 (hạng 3) vì «Loại địa bàn trọng điểm về ma túy» (decision-tables/screening.drl.xlsx · Ranking · B12): "
                        + "loại I so với không thuộc loại nào đã xác định. Đồng hạng với Xã Phùng Giáo 15106: bằng nhau ở mọi khóa xếp hạng.",
                doc.ranking().get(3).reasonVi());
        // the commune carries its own values for every key, in key order
        CommuneView kienTho = doc.communes().get(1);
        assertEquals(List.of("no", "1 (Key area for drugs)", "type I", "0.00"),
                kienTho.rankingValues().stream().map(ScreeningDocument.RankValueView::valueEn).toList());
        assertEquals(4, doc.rankingOrder().size());
    }

    @Test
    void theCrimeRateBreaksATieAndAMissingRateRanksLast() {
        Map<ScreeningFact, Object> low = quiet();
        low.put(ScreeningFact.SOCIAL_ORDER_CRIMES, 9L);   // 9.00 per 10,000
        Map<ScreeningFact, Object> high = quiet();
        high.put(ScreeningFact.SOCIAL_ORDER_CRIMES, 10L); // 10 of 10,500 = 9.52 per 10,000: below 10, not flagged
        high.put(ScreeningFact.RESIDENTS, 10_500L);
        Map<ScreeningFact, Object> none = quiet();
        none.remove(ScreeningFact.SOCIAL_ORDER_CRIMES);
        ScreeningDocument doc = screenAll(engine, List.of(new Candidate(NGUYET_AN, low), new Candidate(KIEN_THO, none),
                new Candidate(MINH_SON, high)));
        assertEquals(List.of("15124", "15115", "15118"), doc.ranking().stream().map(ScreeningDocument.RankedView::code).toList());
        assertTrue(doc.ranking().get(0).reasonEn().endsWith("on «Social-order crimes per 10,000 residents» (decision-tables/screening.drl.xlsx · Ranking · B13): 9.52 against 9.00."),
                doc.ranking().get(0).reasonEn());
        // the missing fact by the term the screening form and page give it, never its JSON name (policy trial finding 11)
        assertTrue(doc.ranking().get(2).reasonEn().contains("9.00 against no data (Social-order crimes absent)"), doc.ranking().get(2).reasonEn());
        assertTrue(doc.ranking().get(2).reasonVi().contains("9,00 so với không có số liệu (thiếu Số vụ tội phạm xâm phạm trật tự xã hội)"),
                doc.ranking().get(2).reasonVi());
    }
}
