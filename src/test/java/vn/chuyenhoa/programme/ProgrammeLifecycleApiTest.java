package vn.chuyenhoa.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.support.ProgrammeDriver.MET;
import static vn.chuyenhoa.support.ProgrammeDriver.NOT_MET;
import static vn.chuyenhoa.support.ProgrammeDriver.INSUFFICIENT;
import static vn.chuyenhoa.support.ProgrammeDriver.recorded;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Api;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.ProgrammeDriver;
import vn.chuyenhoa.support.RunningServer;
import vn.chuyenhoa.support.ShippedRows;

/**
 * An area's lifecycle through the running server (issue 4, step 1): every step allowed and every one refused with 409
 * listing the allowed ones, the rules on the evaluation a verdict cites, carry-over, relapse, the monitoring window,
 * and bad input refused with 400 changing nothing. Điện Biên (QD124_2004, province 11) is governed by NATIONAL_CORE
 * alone, so every record here pins NATIONAL_CORE (monitoring window 3 years, planned end 31 December).
 */
@RunningServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeLifecycleApiTest {

    /**
     * The last day the old code list is in force: these records are of old communes (QD124_2004), and from 1 July 2025
     * their only step is to follow their area to the new list (issue 14, ReformApiTest), so what issue 4 allows is
     * read and tried on this day.
     */
    static final String LAST_OLD_DAY = "2025-06-30";

    /** What issue 4 allows from each state, worked out by hand; MONITORING here is past its window (recognised 2020). */
    static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();
    static {
        // issue 15: a candidate (or proposed area) may be dropped, and every step but a record's first corrected
        ALLOWED.put("CANDIDATE", List.of("PROPOSED", "DROPPED"));
        ALLOWED.put("PROPOSED", List.of("APPROVED", "DROPPED", "CORRECTED"));
        ALLOWED.put("APPROVED", List.of("IN_TRANSFORMATION", "CORRECTED"));
        ALLOWED.put("IN_TRANSFORMATION", List.of("TRANSFORMED", "NOT_TRANSFORMED", "CORRECTED"));
        ALLOWED.put("TRANSFORMED", List.of("MONITORING", "CORRECTED"));
        ALLOWED.put("NOT_TRANSFORMED", List.of("IN_TRANSFORMATION", "CORRECTED"));
        ALLOWED.put("MONITORING", List.of("RELAPSED", "STABLE", "CORRECTED"));
        ALLOWED.put("RELAPSED", List.of("CANDIDATE", "CORRECTED"));
        ALLOWED.put("STABLE", List.of("CORRECTED"));
    }
    /** One area of the 2020 programme in each state. */
    static final Map<String, String> AREA_IN = new LinkedHashMap<>();
    static {
        AREA_IN.put("CANDIDATE", "03127");
        AREA_IN.put("PROPOSED", "03130");
        AREA_IN.put("APPROVED", "03133");
        AREA_IN.put("IN_TRANSFORMATION", "03136");
        AREA_IN.put("TRANSFORMED", "03139");
        AREA_IN.put("NOT_TRANSFORMED", "03142");
        AREA_IN.put("MONITORING", "03145");
        AREA_IN.put("RELAPSED", "03316");
        AREA_IN.put("STABLE", "03317");
    }

    @LocalServerPort
    int port;

    Api api;
    ProgrammeDriver dien;

    @BeforeAll
    void areasInEveryState() {
        api = new Api(port);
        dien = new ProgrammeDriver(api, "QD124_2004", "11");
        AREA_IN.forEach((state, code) -> dien.driveTo(2020, code, state));
    }

    /** actor is the body that decided, a fact of the domain; recordedBy is the account that wrote the step down. */
    @Test
    void eachStepNamesTheAccountThatRecordedItBesideTheBodyThatDecided() {
        dien.driveTo(2020, "03202", "PROPOSED");
        Http officer = new Http(port).as("demo-token-canbo-dienbien");
        Http.Response approved = officer.postJson(dien.record(2020, "03202") + "/transitions", "{\"to\": \"APPROVED\","
                + " \"actor\": \"BCĐ 138 tỉnh Điện Biên\", \"decisionNumber\": \"12/QĐ-BCĐ\", \"decisionDate\": \"2020-02-01\"}");
        assertEquals(201, approved.status(), approved.describe());

        JsonNode history = dien.get(2020, "03202").json().get("history");
        assertEquals(3, history.size(), history::toString);
        for (int i = 0; i < 2; i++) {
            assertEquals("kiemthu", history.get(i).get("recordedBy").asString(), history::toString);
            assertEquals("Tổ công tác thử nghiệm", history.get(i).get("actor").asString());
        }
        assertEquals("canbo.dienbien", history.get(2).get("recordedBy").asString(), history::toString);
        assertEquals("BCĐ 138 tỉnh Điện Biên", history.get(2).get("actor").asString());
        assertEquals(approved.json().get("history").get(2), history.get(2), "the answer to the POST says the same");
    }

    static Stream<Arguments> refusedSteps() {
        List<Arguments> out = new ArrayList<>();
        for (String from : ALLOWED.keySet()) {
            for (String to : ALLOWED.keySet()) {
                if (!ALLOWED.get(from).contains(to)) out.add(Arguments.of(from, to));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} → {1} refused")
    @MethodSource("refusedSteps")
    void aStepTheLifecycleDoesNotAllowIs409ListingTheAllowedOnes(String from, String to) {
        String code = AREA_IN.get(from);
        int before = dien.get(2020, code).json().get("history").size();

        Api.Answer a = dien.step(2020, code, to, "\"effectiveDate\": \"" + LAST_OLD_DAY + "\"");
        assertEquals(409, a.status(), a::toString);
        assertEquals("application/problem+json", a.contentType());
        assertEquals("urn:chuyenhoa:problem:transition-not-allowed", a.json().get("type").asString());
        assertEquals(from, a.json().get("currentState").asString());
        assertEquals(to, a.json().get("requested").asString());
        List<String> allowed = new ArrayList<>();
        a.json().get("allowed").forEach(m -> allowed.add(m.get("to").asString()));
        assertEquals(ALLOWED.get(from), allowed);
        assertTrue(a.json().get("detail").asString().contains("cannot go to " + to), a::toString);
        // the Vietnamese detail names the state by its label, never by its code
        assertTrue(a.json().get("detailVi").asString().contains("không thể chuyển sang " + AreaState.valueOf(to).labelVi()), a::toString);
        assertFalse(a.json().get("detailVi").asString().contains(" " + to + " "), a::toString);
        assertFalse(a.json().get("titleVi").asString().isBlank());

        assertEquals(before, dien.get(2020, code).json().get("history").size(), "nothing recorded");
    }

    @Test
    void theWholeWayFromCandidateToStableIsRecordedStepByStep() {
        dien.driveTo(2020, "03325", "STABLE");
        JsonNode r = dien.get(2020, "03325").json();
        assertEquals("STABLE", r.get("state").asString());
        List<String> chain = new ArrayList<>();
        r.get("history").forEach(s -> chain.add(s.path("from").asString("∅") + "→" + s.get("to").asString()));
        assertEquals(List.of("∅→CANDIDATE", "CANDIDATE→PROPOSED", "PROPOSED→APPROVED", "APPROVED→IN_TRANSFORMATION",
                "IN_TRANSFORMATION→TRANSFORMED", "TRANSFORMED→MONITORING", "MONITORING→STABLE"), chain);

        JsonNode approval = r.get("history").get(2);
        assertEquals("03325/QĐ-BCĐ", approval.get("decisionNumber").asString());
        assertEquals("2020-02-01", approval.get("decisionDate").asString());
        assertEquals("NATIONAL_CORE", approval.get("pinnedProfileId").asString());
        assertEquals("The approving authority approves a proposed area by decision", approval.get("rule").asString());
        JsonNode verdict = r.get("history").get(4);
        assertEquals("/api/v1/evaluations/" + verdict.get("evaluationId").asString(), verdict.get("evaluation").asString());
        assertEquals("2023-12-21", r.get("history").get(6).get("effectiveDate").asString());
        for (JsonNode s : r.get("history")) {
            assertEquals("Tổ công tác thử nghiệm", s.get("actor").asString());
            assertNotNull(s.get("recordedAt"));
            assertEquals(64, s.get("rulesetVersion").asString().length());
        }
        assertEquals("NATIONAL_CORE", r.get("profile").get("id").asString());
        assertEquals("2020-02-01", r.get("profile").get("pinnedOn").asString());
        assertEquals(List.of("CORRECTED"), tos(api.get(dien.record(2020, "03325") + "?asOf=" + LAST_OLD_DAY).json().get("allowedTransitions")),
                "STABLE is final, unless recorded by mistake");
    }

    @Test
    void stableOnlyOnceTheMonitoringWindowOfTheTablesHasPassed() {
        dien.driveTo(2020, "03326", "MONITORING");
        // recognised 2020-12-20; NATIONAL_CORE monitors 3 years (Settings C13) from the day after: to the end of
        // 2023-12-20, as the monitoring report says (issue 15: the lifecycle once allowed STABLE on that last day)
        Api.Answer early = dien.step(2020, "03326", "STABLE", "\"effectiveDate\": \"2023-12-20\"");
        assertEquals(409, early.status(), early::toString);
        JsonNode later = early.json().get("later").get(0);
        assertEquals("STABLE", later.get("to").asString());
        assertEquals("2023-12-21", later.get("availableFrom").asString());
        assertTrue(early.json().get("detail").asString().contains("STABLE becomes possible on 2023-12-21"), early::toString);

        JsonNode monitoring = dien.get(2020, "03326").json().get("monitoring");
        assertEquals("2020-12-20", monitoring.get("recognisedOn").asString());
        assertEquals(3, monitoring.get("windowYears").asInt());
        assertEquals("2023-12-20", monitoring.get("endsOn").asString());
        assertEquals(ShippedRows.cell("decision-tables/programme.drl.xlsx", "Settings", "C", "NATIONAL_CORE", "monitoringWindowYears"),
                monitoring.get("source").get("cell").asString());

        JsonNode asOfThen = api.get(dien.record(2020, "03326") + "?asOf=2023-12-20").json();
        assertEquals(List.of("RELAPSED", "CORRECTED"), tos(asOfThen.get("allowedTransitions")));
        assertEquals(List.of("STABLE"), tos(asOfThen.get("laterTransitions")));

        recorded(dien.step(2020, "03326", "STABLE", "\"effectiveDate\": \"2023-12-21\""), "STABLE");
    }

    @Test
    void aRelapseSaysWhyAndTheAreaIsACandidateAgainInALaterYear() {
        dien.driveTo(2020, "03340", "MONITORING");
        Api.Answer noReason = dien.step(2020, "03340", "RELAPSED", "\"effectiveDate\": \"2021-06-01\"");
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals(List.of("comment", "monitoringReportId"), fields(noReason), "a relapse says why, and on which report");
        String report = dien.relapseReport("03340", "2020-12-20", "2021-01-01", "2021-05-31");
        recorded(dien.step(2020, "03340", "RELAPSED", "\"effectiveDate\": \"2021-06-01\", \"comment\": \"Tín dụng đen xuất hiện trở lại\","
                + " \"monitoringReportId\": \"" + report + "\""), "RELAPSED");

        assertFieldError(dien.step(2020, "03340", "CANDIDATE", "\"effectiveDate\": \"2021-09-01\""), "programmeYear", "required");
        assertFieldError(dien.step(2020, "03340", "CANDIDATE", "\"effectiveDate\": \"2021-09-01\", \"programmeYear\": 2020"),
                "programmeYear", "not_later_year");
        Api.Answer again = recorded(dien.step(2020, "03340", "CANDIDATE", "\"effectiveDate\": \"2021-09-01\", \"programmeYear\": 2022"), "CANDIDATE");
        assertEquals(dien.record(2022, "03340"), again.location());
        assertEquals(2022, again.json().get("year").asInt());
        assertEquals(2020, again.json().get("continues").get("year").asInt());
        assertEquals("RELAPSED", again.json().get("history").get(0).get("from").asString());

        JsonNode old = dien.get(2020, "03340").json();
        assertEquals("RELAPSED", old.get("state").asString(), "the 2020 record keeps its own outcome");
        assertEquals(2022, old.get("continuedIn").get("year").asInt());
        assertEquals(0, api.get(dien.record(2020, "03340") + "?asOf=" + LAST_OLD_DAY).json().get("allowedTransitions").size(),
                "proposed again once");
        assertEquals(409, dien.step(2020, "03340", "CANDIDATE", "\"programmeYear\": 2023").status());
    }

    /**
     * The lifecycle reads "continued" on the step's own day, so a second proposal dated between the relapse and the
     * first one passes its rules; the record is continued once all the same, and the officer is told so, not that
     * someone changed the record meanwhile.
     */
    @Test
    void aRecordAlreadyContinuedRefusesASecondContinuationDatedBeforeTheFirst() {
        dien.driveTo(2020, "03343", "RELAPSED");
        recorded(dien.step(2020, "03343", "CANDIDATE", "\"effectiveDate\": \"2021-09-01\", \"programmeYear\": 2022"), "CANDIDATE");
        int before = dien.get(2020, "03343").json().get("history").size();

        Api.Answer second = dien.step(2020, "03343", "CANDIDATE", "\"effectiveDate\": \"2021-07-01\", \"programmeYear\": 2023");
        assertEquals(409, second.status(), second::toString);
        assertEquals("application/problem+json", second.contentType());
        assertEquals("urn:chuyenhoa:problem:already-continued", second.json().get("type").asString(), second::toString);
        assertTrue(second.json().get("detail").asString().contains("already continued in the 2022 programme"), second::toString);
        assertTrue(second.json().get("detailVi").asString().contains("chương trình năm 2022"), second::toString);
        assertFalse(second.json().get("titleVi").asString().isBlank());

        assertEquals(404, dien.get(2023, "03343").status(), "no 2023 record was opened");
        JsonNode old = dien.get(2020, "03343").json();
        assertEquals(before, old.get("history").size(), "nothing recorded");
        assertEquals(2022, old.get("continuedIn").get("year").asInt());
    }

    /**
     * Officers recording the same step at once: one is recorded; each of the others is told the record changed
     * meanwhile (it passed the checks before the first was stored) or that the step no longer follows (it read the
     * record after), and never gets a 500.
     */
    @Test
    void theSameStepSentByEightCallersAtOnceIsRecordedOnce() throws Exception {
        dien.driveTo(2020, "03346", "CANDIDATE");
        List<Api.Answer> answers = atOnce(8, i -> dien.step(2020, "03346", "PROPOSED", "\"effectiveDate\": \"2020-01-20\""));

        oneRecordedTheRestRefusedAs(answers, "changed-meanwhile", "transition-not-allowed");
        assertEquals(2, dien.get(2020, "03346").json().get("history").size(), answers::toString);
    }

    /** A relapsed area proposed again into several later years at once: one continuation, the others refused. */
    @Test
    void continuationsIntoSeveralYearsSentAtOnceOpenOneRecord() throws Exception {
        dien.driveTo(2020, "03349", "RELAPSED");
        List<Api.Answer> answers = atOnce(6, i -> dien.step(2020, "03349", "CANDIDATE",
                "\"effectiveDate\": \"2021-09-0" + (i + 1) + "\", \"programmeYear\": " + (2022 + i)));

        oneRecordedTheRestRefusedAs(answers, "already-continued", "transition-not-allowed");
        long opened = java.util.stream.IntStream.range(0, 6).filter(i -> dien.get(2022 + i, "03349").status() == 200).count();
        assertEquals(1, opened, answers::toString);
    }

    /** Exactly one answer is a 201; each other is a 409 of one of these problem types, told in Vietnamese. */
    private static void oneRecordedTheRestRefusedAs(List<Api.Answer> answers, String... types) {
        assertEquals(1, answers.stream().filter(a -> a.status() == 201).count(), answers::toString);
        Set<String> allowed = java.util.Arrays.stream(types).map(t -> "urn:chuyenhoa:problem:" + t)
                .collect(java.util.stream.Collectors.toSet());
        for (Api.Answer a : answers) {
            if (a.status() == 201) continue;
            assertEquals(409, a.status(), a::toString);
            assertTrue(allowed.contains(a.json().get("type").asString()), a::toString);
            assertFalse(a.json().get("detailVi").asString().isBlank(), a::toString);
        }
    }

    /** n calls of {@code call(i)}, released together. */
    private static List<Api.Answer> atOnce(int n, java.util.function.IntFunction<Api.Answer> call) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Api.Answer>> pending = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int which = i;
                pending.add(callers.submit(() -> {
                    go.await();
                    return call.apply(which);
                }));
            }
            go.countDown();
            List<Api.Answer> answers = new ArrayList<>();
            for (Future<Api.Answer> f : pending) answers.add(f.get(2, TimeUnit.MINUTES));
            return answers;
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aNotTransformedAreaIsCarriedOverIntoNextYearsProgrammeOnce() {
        dien.driveTo(2020, "03355", "NOT_TRANSFORMED");
        assertFieldError(dien.step(2020, "03355", "IN_TRANSFORMATION", "\"effectiveDate\": \"2021-01-18\", \"programmeYear\": 2022"),
                "programmeYear", "not_next_year");

        Api.Answer carried = recorded(dien.step(2020, "03355", "IN_TRANSFORMATION",
                "\"decisionNumber\": \"08/QĐ-BCĐ\", \"decisionDate\": \"2021-01-18\""), "IN_TRANSFORMATION");
        assertEquals(dien.record(2021, "03355"), carried.location());
        JsonNode next = carried.json();
        assertEquals(2021, next.get("year").asInt());
        assertEquals(2020, next.get("continues").get("year").asInt());
        assertEquals("NOT_TRANSFORMED", next.get("continues").get("state").asString());
        assertEquals("NATIONAL_CORE", next.get("profile").get("id").asString());
        assertEquals("2021-01-18", next.get("profile").get("pinnedOn").asString());
        assertEquals("2021-12-31", next.get("plannedEnd").get("date").asString());
        assertEquals(List.of("TRANSFORMED", "NOT_TRANSFORMED"),
                tos(api.get(dien.record(2021, "03355") + "?asOf=" + LAST_OLD_DAY).json().get("allowedTransitions")));

        JsonNode old = dien.get(2020, "03355").json();
        assertEquals("NOT_TRANSFORMED", old.get("state").asString(), "2020 keeps its verdict for its own figures");
        assertEquals(2021, old.get("continuedIn").get("year").asInt());
        assertEquals(0, api.get(dien.record(2020, "03355") + "?asOf=" + LAST_OLD_DAY).json().get("allowedTransitions").size());
        assertEquals(409, dien.step(2020, "03355", "IN_TRANSFORMATION", "").status(), "carried over once");

        // the 2020 evaluation ended before the 2021 transformation started: it cannot justify the new verdict
        String of2020 = dien.evaluate("03355", "2020-01-01", "2020-12-14", MET, "FINAL", null);
        assertFieldError(dien.step(2021, "03355", "TRANSFORMED", "\"evaluationId\": \"" + of2020 + "\", \"effectiveDate\": \"2021-12-20\""),
                "evaluationId", "before_transformation");
        dien.verdict(2021, "03355", "TRANSFORMED", dien.finalEvaluation(2021, "03355", MET));
    }

    @Test
    void anEvaluationJustifiesOneVerdictOnly() {
        dien.driveTo(2020, "03367", "IN_TRANSFORMATION");
        // a FINAL evaluation whose period reaches into 2021: it could be cited by both years' records
        String wide = dien.evaluate("03367", "2020-01-01", "2021-12-14", NOT_MET, "FINAL", null);
        recorded(dien.step(2020, "03367", "NOT_TRANSFORMED", "\"evaluationId\": \"" + wide + "\", \"effectiveDate\": \"2020-12-20\""), "NOT_TRANSFORMED");
        recorded(dien.step(2020, "03367", "IN_TRANSFORMATION", "\"effectiveDate\": \"2021-01-18\""), "IN_TRANSFORMATION");
        Api.Answer again = dien.step(2021, "03367", "NOT_TRANSFORMED", "\"evaluationId\": \"" + wide + "\", \"effectiveDate\": \"2021-12-20\"");
        assertFieldError(again, "evaluationId", "already_cited");
        assertTrue(again.json().get("errors").get(0).get("message").asString().contains("2020 programme"), again::toString);
    }

    /**
     * Two old communes merged on 1 July 2025 into one new commune, their two records followed it there: an evaluation
     * of the new commune can justify either record's verdict, and still only one. Here the first record's verdict
     * was voided, the second record's verdict then took the evaluation, and the first record's new verdict must not
     * take it too (it did: the check read only the first record that had ever cited it, whose citation was void).
     */
    @Test
    void anEvaluationOfAMergedCommuneJustifiesOneOfItsRecordsVerdictsOnly() {
        String evaluation = mergedAndInTransformation("03174", "03175", "03175");
        recorded(dien.step(2025, "03174", "TRANSFORMED", "\"evaluationId\": \"" + evaluation + "\", \"effectiveDate\": \"2025-12-20\""), "TRANSFORMED");
        recorded(dien.step(2025, "03174", "CORRECTED", "\"effectiveDate\": \"2025-12-21\", \"comment\": \"Ghi nhầm hồ sơ\""), "IN_TRANSFORMATION");
        recorded(dien.step(2025, "03175", "TRANSFORMED", "\"evaluationId\": \"" + evaluation + "\", \"effectiveDate\": \"2025-12-21\""), "TRANSFORMED");

        Api.Answer again = dien.step(2025, "03174", "TRANSFORMED", "\"evaluationId\": \"" + evaluation + "\", \"effectiveDate\": \"2025-12-22\"");
        assertFieldError(again, "evaluationId", "already_cited");
        assertTrue(again.json().get("errors").get(0).get("messageVi").asString().contains("03175"), again::toString);
        assertEquals("IN_TRANSFORMATION", dien.get(2025, "03174").json().get("state").asString());
    }

    /** The same two records' verdicts sent at once, each citing the one evaluation: one is recorded. */
    @Test
    void verdictsOfTwoRecordsCitingOneEvaluationAtOnceRecordOne() throws Exception {
        String evaluation = mergedAndInTransformation("03163", "03177", "03163");
        List<Api.Answer> answers = atOnce(8, i -> dien.step(2025, i % 2 == 0 ? "03163" : "03177", "TRANSFORMED",
                "\"evaluationId\": \"" + evaluation + "\", \"effectiveDate\": \"2025-12-20\""));

        assertEquals(1, answers.stream().filter(a -> a.status() == 201).count(), answers::toString);
        long transformed = Stream.of("03163", "03177")
                .filter(code -> dien.get(2025, code).json().get("state").asString().equals("TRANSFORMED")).count();
        assertEquals(1, transformed, answers::toString);
        for (Api.Answer a : answers) {
            if (a.status() == 201) continue;
            // the other record's callers are told the evaluation is taken; the same record's, that it changed or is
            // already past that step
            if (a.status() == 400) assertEquals("already_cited", a.json().get("errors").get(0).get("code").asString(), a::toString);
            else assertTrue(Set.of("urn:chuyenhoa:problem:changed-meanwhile", "urn:chuyenhoa:problem:transition-not-allowed")
                    .contains(a.json().get("type").asString()), a::toString);
        }
    }

    /**
     * Two 2025 records of old communes that merged into one new commune, both in transformation since 15 February and
     * followed to the new commune on 1 July 2025; returns a FINAL evaluation of the new commune that meets every
     * criterion, for the second half of 2025.
     */
    private String mergedAndInTransformation(String oldCode, String otherOldCode, String newCode) {
        for (String code : List.of(oldCode, otherOldCode)) {
            dien.driveTo(2025, code, "IN_TRANSFORMATION");
            recorded(dien.step(2025, code, "REORGANISED", "\"effectiveDate\": \"2025-07-01\""), "IN_TRANSFORMATION");
        }
        return new ProgrammeDriver(api, "QD19_2025", "11").evaluate(newCode, "2025-07-01", "2025-12-14", MET, "FINAL", null);
    }

    @Test
    void theEvaluationAVerdictCitesMustBeAFinalOneInForceOfThisAreaUnderThePinnedProfileWithThatVerdict() {
        dien.driveTo(2024, "03361", "IN_TRANSFORMATION");
        dien.driveTo(2024, "03364", "IN_TRANSFORMATION");
        String code = "03361";
        String ok = dien.finalEvaluation(2024, code, MET);
        String notMet = dien.finalEvaluation(2024, code, NOT_MET);
        String insufficient = dien.finalEvaluation(2024, code, INSUFFICIENT);
        String progress = dien.evaluate(code, "2024-01-01", "2024-06-14", MET, "PROGRESS", null);
        String otherArea = dien.finalEvaluation(2024, "03364", MET);
        String otherProfile = dien.evaluate(code, "2024-01-01", "2024-12-14", MET, "FINAL", "LAM_DONG_2022");
        String beforeStart = dien.evaluate(code, "2023-01-01", "2023-12-14", MET, "FINAL", null);
        String withdrawn = dien.finalEvaluation(2024, code, MET);
        assertEquals(200, api.post("/api/v1/evaluations/" + withdrawn + "/withdrawal", "{\"reason\": \"Nhập nhầm\"}").status());

        assertCitationRefused(code, "TRANSFORMED", notMet, "verdict_mismatch");
        assertCitationRefused(code, "NOT_TRANSFORMED", ok, "verdict_mismatch");
        Api.Answer neither = assertCitationRefused(code, "TRANSFORMED", insufficient, "verdict_mismatch");
        assertTrue(neither.json().get("errors").get(0).get("message").asString().contains("INSUFFICIENT_DATA justifies neither"));
        assertCitationRefused(code, "NOT_TRANSFORMED", insufficient, "verdict_mismatch");
        assertCitationRefused(code, "TRANSFORMED", progress, "not_final");
        assertCitationRefused(code, "TRANSFORMED", otherArea, "other_area");
        assertCitationRefused(code, "TRANSFORMED", otherProfile, "other_profile");
        assertCitationRefused(code, "TRANSFORMED", beforeStart, "before_transformation");
        assertCitationRefused(code, "TRANSFORMED", withdrawn, "not_in_force");
        assertCitationRefused(code, "TRANSFORMED", UUID.randomUUID().toString(), "unknown_evaluation");
        assertFieldError(dien.step(2024, code, "TRANSFORMED", "\"effectiveDate\": \"2024-12-20\""), "evaluationId", "required");
        assertEquals(4, dien.get(2024, code).json().get("history").size(), "no refused citation was recorded");

        JsonNode done = recorded(dien.step(2024, code, "TRANSFORMED", "\"evaluationId\": \"" + ok + "\", \"effectiveDate\": \"2024-12-20\""),
                "TRANSFORMED").json();
        assertEquals(ok, done.get("history").get(4).get("evaluationId").asString());
    }

    @Test
    void aStepThatCitesNothingRefusesAnEvaluationAndAnApprovalNeedsItsDecision() {
        dien.driveTo(2024, "03365", "PROPOSED");
        Api.Answer noDecision = dien.step(2024, "03365", "APPROVED", "\"effectiveDate\": \"2024-02-01\"");
        assertEquals(400, noDecision.status());
        assertEquals(List.of("decisionDate", "decisionNumber"), fields(noDecision));
        recorded(dien.step(2024, "03365", "APPROVED", "\"decisionNumber\": \"5/QĐ-BCĐ\", \"decisionDate\": \"2024-02-01\""), "APPROVED");
        String ok = dien.finalEvaluation(2024, "03365", MET);
        assertFieldError(dien.step(2024, "03365", "IN_TRANSFORMATION", "\"evaluationId\": \"" + ok + "\", \"effectiveDate\": \""
                + LAST_OLD_DAY + "\""), "evaluationId", "not_applicable");
    }

    @Test
    void stepsAreRecordedInTheOrderTheyHappenedAndNeverInTheFuture() {
        dien.driveTo(2024, "03368", "PROPOSED");
        assertFieldError(dien.step(2024, "03368", "APPROVED", "\"decisionNumber\": \"6/QĐ-BCĐ\", \"decisionDate\": \"2024-01-15\""),
                "effectiveDate", "before_previous_step");
        String future = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(2).toString();
        Api.Answer tomorrow = dien.step(2024, "03368", "APPROVED", "\"decisionNumber\": \"6/QĐ-BCĐ\", \"decisionDate\": \"" + future + "\"");
        assertEquals(List.of("decisionDate", "effectiveDate"), fields(tomorrow));
        assertEquals("in_future", tomorrow.json().get("errors").get(0).get("code").asString());
        assertEquals(2, dien.get(2024, "03368").json().get("history").size());
    }

    @Test
    void aBadBodyIs400OneErrorPerFieldAndChangesNothing() {
        String code = AREA_IN.get("CANDIDATE");
        String path = dien.record(2020, code) + "/transitions";
        int before = dien.get(2020, code).json().get("history").size();

        Api.Answer a = api.post(path, "{\"to\": \"PROPOSD\", \"effectiveDate\": \"2024-02-30\", \"decisionNumber\": \"1/QĐ\","
                + " \"evaluationId\": \"abc\", \"programmeYear\": \"2021\", \"who\": \"x\"}");
        assertEquals(400, a.status(), a::toString);
        assertEquals("application/problem+json", a.contentType());
        assertEquals(List.of("actor", "decisionDate", "effectiveDate", "evaluationId", "programmeYear", "to", "who"), fields(a));
        Map<String, String> codes = new LinkedHashMap<>();
        a.json().get("errors").forEach(e -> {
            codes.put(e.get("field").asString(), e.get("code").asString());
            assertFalse(e.get("message").asString().isBlank());
            assertFalse(e.get("messageVi").asString().isBlank());
        });
        assertEquals(Map.of("actor", "required", "decisionDate", "required", "effectiveDate", "invalid_date",
                "evaluationId", "invalid_uuid", "programmeYear", "not_an_integer", "to", "invalid_value",
                "who", "unknown_field"), codes);

        Api.Answer malformed = api.post(path, "{\"to\": ");
        assertEquals(400, malformed.status());
        assertEquals("malformed_json", malformed.json().get("errors").get(0).get("code").asString());
        assertEquals(before, dien.get(2020, code).json().get("history").size());
    }

    @Test
    void addingACandidateChecksTheAreaAgainstTheOfficialList() {
        String areas = dien.programme() + "/2024/areas";
        assertFieldError(api.post(areas, "{\"areaCode\": \"99999\", \"actor\": \"x\"}"), "areaCode", "unknown_code");
        assertFieldError(api.post(areas, "{\"areaCode\": \"00001\", \"actor\": \"x\"}"), "areaCode", "other_province");
        assertFieldError(api.post(areas, "{\"areaCode\": \"03124\", \"areaName\": \"Phường Him Lam\", \"actor\": \"x\"}"), "areaName", "name_mismatch");
        assertFieldError(api.post(areas, "{\"actor\": \"x\"}"), "areaCode", "required");
        String future = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(2).toString();
        assertFieldError(api.post(areas, "{\"areaCode\": \"03124\", \"actor\": \"x\", \"effectiveDate\": \"" + future + "\"}"),
                "effectiveDate", "in_future");
        assertEquals(404, dien.get(2024, "03124").status(), "nothing was added");

        Api.Answer added = recorded(api.post(areas, "{\"areaCode\": \"03124\", \"areaName\": \"  phường noong bua \", \"actor\": \"x\","
                + " \"effectiveDate\": \"2024-01-10\"}"), "CANDIDATE");
        assertEquals(dien.record(2024, "03124"), added.location());
        assertEquals("Phường Noong Bua", added.json().get("area").get("name").asString());
        assertEquals("094", added.json().get("area").get("districtCode").asString());

        Api.Answer twice = api.post(areas, "{\"areaCode\": \"03124\", \"actor\": \"x\", \"effectiveDate\": \"2024-02-01\"}");
        assertEquals(409, twice.status());
        assertEquals("urn:chuyenhoa:problem:already-in-programme", twice.json().get("type").asString());
        assertFalse(twice.json().get("detailVi").asString().isBlank());
    }

    @Test
    void theProgrammeInThePathIsChecked() {
        Api.Answer a = api.post("/api/v1/programmes/QD124_2005/99/1999/areas", "{\"areaCode\": \"03124\", \"actor\": \"x\"}");
        assertEquals(400, a.status());
        assertEquals(List.of("codeScheme", "year"), fields(a));
        assertFieldError(api.post("/api/v1/programmes/QD124_2004/99/2024/areas", "{\"areaCode\": \"03124\", \"actor\": \"x\"}"),
                "provinceCode", "unknown_province");
        assertFieldError(api.get("/api/v1/programmes/QD124_2004/11/two-thousand/areas/03124"), "year", "invalid_value");
        assertFieldError(api.get(dien.record(2020, "03127") + "?asOf=yesterday"), "asOf", "invalid_value");
    }

    @Test
    void anAreaNotInThatYearsProgrammeIs404() {
        Api.Answer get = dien.get(2019, "03127");
        assertEquals(404, get.status());
        assertEquals("application/problem+json", get.contentType());
        assertEquals(404, dien.step(2019, "03127", "PROPOSED", "").status());
    }

    private Api.Answer assertCitationRefused(String code, String to, String evaluationId, String expectedCode) {
        Api.Answer a = dien.step(2024, code, to, "\"evaluationId\": \"" + evaluationId + "\", \"effectiveDate\": \"2024-12-20\"");
        assertFieldError(a, "evaluationId", expectedCode);
        return a;
    }

    private static void assertFieldError(Api.Answer a, String field, String code) {
        assertEquals(400, a.status(), a::toString);
        assertEquals("application/problem+json", a.contentType());
        JsonNode errors = a.json().get("errors");
        assertEquals(1, errors.size(), a::toString);
        assertEquals(field, errors.get(0).get("field").asString(), a::toString);
        assertEquals(code, errors.get(0).get("code").asString(), a::toString);
        assertFalse(errors.get(0).get("messageVi").asString().isBlank());
    }

    private static List<String> fields(Api.Answer a) {
        List<String> out = new ArrayList<>();
        a.json().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    private static List<String> tos(JsonNode moves) {
        List<String> out = new ArrayList<>();
        moves.forEach(m -> out.add(m.get("to").asString()));
        return out;
    }
}
