package vn.chuyenhoa.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.support.ProgrammeDriver.MET;
import static vn.chuyenhoa.support.ProgrammeDriver.NOT_MET;
import static vn.chuyenhoa.support.ProgrammeDriver.recorded;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Api;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.ProgrammeDriver;

/**
 * Issue 15 (4), "the programme page tells the truth", through the running server with the Điện Biên demo loaded:
 * a year still running is not a failure, every figure says as of when, the areas whose monitoring window has ended are
 * listed, a relapse cites its monitoring report, a candidate can be dropped and a mistaken step corrected with the
 * history kept and chained, the area page and the monitoring report agree on the window to the day.
 */
// a server of its own: it counts the demo's areas due for STABLE (28) and drops and corrects steps in Điện Biên
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:programme-truth;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false", "chuyenhoa.demo=dien-bien"})
class ProgrammeTruthTest {

    static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String DEMO = "/programmes/QD124_2004/11";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Http http;
    ProgrammeDriver dien;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        http = new Http(port);
        dien = new ProgrammeDriver(api, "QD19_2025", "11");
    }

    @Test
    void aYearStillRunningIsShownRunningWithItsDeadlineAndEveryFigureSaysAsOfWhen() {
        LocalDate today = Today.inVietnam();
        int year = today.getYear();
        // selected today, not transformed yet: 0 of 1, which the page used to call "Chưa đạt"
        recorded(dien.add(year, "03162", today.toString()), "CANDIDATE");
        recorded(dien.step(year, "03162", "PROPOSED", ""), "PROPOSED");
        recorded(dien.step(year, "03162", "APPROVED", "\"decisionNumber\": \"1/QĐ-BCĐ\", \"decisionDate\": \"" + today + "\""), "APPROVED");

        JsonNode y = api.get("/api/v1/programmes/QD19_2025/11?fromYear=" + year).json().get("years").get(0);
        JsonNode share = y.get("transformedShare");
        assertEquals(year + "-12-31", share.get("runningUntil").asString(), share::toString);
        assertTrue(share.path("met").isMissingNode() || share.get("met").isNull(), "not judged while running: " + share);
        assertTrue(share.get("explanationVi").asString().contains("đang thực hiện đến hết ngày 31/12/" + year), share::toString);

        String page = http.get("/programmes/QD19_2025/11?fromYear=" + year).text();
        String targets = page.substring(page.indexOf("id=\"targets\""), page.indexOf("</table>", page.indexOf("id=\"targets\"")));
        assertTrue(targets.contains("Đang thực hiện (đến hết ngày 31/12/" + year + ")"), targets);
        assertFalse(targets.contains("Chưa đạt"), "a running year is no failure: " + targets);
        String asOf = "tính đến ngày " + today.format(VI);
        assertTrue(page.contains("id=\"as-of\""), page);
        // the page's title line, the targets, the areas due for STABLE, the overdue ones and the areas by state
        assertTrue(count(page, asOf) >= 5, "every figure says as of when: " + count(page, asOf));

        // a year that is over is judged against its target as before
        JsonNode past = api.get("/api/v1/programmes/QD124_2004/11?fromYear=2017&toYear=2020").json();
        assertTrue(past.get("years").get(0).get("transformedShare").get("met").asBoolean());
        assertTrue(past.get("years").get(0).get("transformedShare").path("runningUntil").isMissingNode());
    }

    @Test
    void theAreasWhoseMonitoringWindowEndedAreListedAsDueForTheStableStep() {
        // demo 2018–2020: 28 areas recognised and monitored, never recorded stable, windows ended in 2021–2023
        JsonNode f = api.get("/api/v1/programmes/QD124_2004/11?fromYear=2017&toYear=2020").json();
        assertEquals(28, f.get("total").get("counts").get("stableDue").asInt(), f.get("total")::toString);
        String page = http.get(DEMO + "?fromYear=2017&toYear=2020").text();
        assertTrue(page.contains("id=\"stable-due-count\">28<"), page);
        String list = page.substring(page.indexOf("id=\"stable-due\""), page.indexOf("</ul>", page.indexOf("id=\"stable-due\"")));
        assertEquals(28, count(list, "<li"), list);
        assertTrue(list.contains("Xã Mường Phăng") && list.contains("hết thời gian theo dõi ngày 22/12/2023"), list);
        // the 2017 areas were recorded stable: not listed
        assertFalse(list.contains("Phường Noong Bua"), list);
    }

    @Test
    void theAreaPageAndTheMonitoringReportAgreeOnTheWindowToTheDay() {
        // Xã Mường Phăng, 2020: recognised 22/12/2020; 3 years from the day after: to the end of 22/12/2023
        JsonNode record = api.get("/api/v1/programmes/QD124_2004/11/2020/areas/03325").json();
        assertEquals("2020-12-22", record.get("monitoring").get("recognisedOn").asString());
        assertEquals("2023-12-22", record.get("monitoring").get("endsOn").asString());
        String area = http.get(DEMO + "/2020/areas/03325").text();
        assertTrue(area.contains("23/12/2020 – 22/12/2023"), area);
        assertFalse(area.contains("21/12/2023") || area.contains("2023-12-21"), "one day short: " + area);

        Http.Response posted = http.postJson("/api/v1/monitoring-reports", "{\"area\": {\"codeScheme\": \"QD124_2004\","
                + " \"code\": \"03325\"}, \"recognisedOn\": \"2020-12-22\", \"period\": {\"from\": \"2023-06-15\", \"to\": \"2023-12-14\"},"
                + " \"baselinePeriod\": {\"from\": \"2019-06-15\", \"to\": \"2019-12-14\"}, \"proposedAgain\": false,"
                + " \"facts\": {\"organizedCrimeSigns\": false, \"blackCreditActivity\": false, \"crimesBaseline\": 9,"
                + " \"crimesCurrent\": 4, \"hotspotsBaseline\": 1, \"hotspotsCurrent\": 0, \"newHotspotsFormed\": 0}}");
        assertEquals(201, posted.status(), posted::describe);
        JsonNode window = posted.json().get("window");
        assertEquals("2020-12-23", window.get("from").asString());
        assertEquals("2023-12-22", window.get("to").asString());
        String report = http.get("/monitoring-reports/" + posted.json().get("id").asString()).text();
        assertTrue(report.contains("23/12/2020 – 22/12/2023"), report);
        // the report page links to the area's record
        assertTrue(report.contains("id=\"area-record\"") && report.contains("href=\"" + DEMO.replace("QD124_2004/11", "QD19_2025/11")
                + "/2020/areas/03325\""), report);

        // and the lifecycle reads the same window: STABLE from the day after its last day, not on it
        JsonNode onLastDay = api.get("/api/v1/programmes/QD124_2004/11/2020/areas/03325?asOf=2023-12-22").json();
        assertEquals(List.of("STABLE"), tos(onLastDay.get("laterTransitions")));
        assertEquals("2023-12-23", onLastDay.get("laterTransitions").get(0).get("availableFrom").asString());
        JsonNode after = api.get("/api/v1/programmes/QD124_2004/11/2020/areas/03325?asOf=2023-12-23").json();
        assertTrue(tos(after.get("allowedTransitions")).contains("STABLE"), after::toString);
    }

    @Test
    void aRelapseCitesTheMonitoringReportThatFoundIt() {
        String code = "03164";
        throughToMonitoring(code);
        String stable = report(code, false);
        String relapsed = report(code, true);

        Http.assertFieldError(step(2025, code, "RELAPSED", "\"effectiveDate\": \"2026-07-10\", \"comment\": \"Tín dụng đen\""),
                "monitoringReportId", "required");
        Api.Answer notRelapsed = dien.step(2025, code, "RELAPSED", "\"effectiveDate\": \"2026-07-10\", \"comment\": \"x\","
                + " \"monitoringReportId\": \"" + stable + "\"");
        assertEquals(400, notRelapsed.status(), notRelapsed::toString);
        assertTrue(notRelapsed.raw().contains("not_relapsed"), notRelapsed::toString);

        Api.Answer ok = recorded(dien.step(2025, code, "RELAPSED", "\"effectiveDate\": \"2026-07-10\", \"comment\": \"Tín dụng đen\","
                + " \"monitoringReportId\": \"" + relapsed + "\""), "RELAPSED");
        JsonNode last = ok.json().get("history").get(ok.json().get("history").size() - 1);
        assertEquals(relapsed, last.get("monitoringReportId").asString());
        assertEquals("/api/v1/monitoring-reports/" + relapsed, last.get("monitoringReport").asString());
        // the area page links the report, and the report page links back to the area's record
        String area = http.get("/programmes/QD19_2025/11/2025/areas/" + code).text();
        assertTrue(area.contains("href=\"/monitoring-reports/" + relapsed + "\""), area);
        String page = http.get("/monitoring-reports/" + relapsed).text();
        assertTrue(page.contains("href=\"/programmes/QD19_2025/11/2025/areas/" + code + "\""), page);
    }

    @Test
    void aCandidateIsDroppedWithItsReasonAndCountedApart() {
        String code = "03166";
        JsonNode before = api.get("/api/v1/programmes/QD19_2025/11?fromYear=2025").json().get("years").get(0).get("counts");
        recorded(dien.add(2025, code, "2025-07-10"), "CANDIDATE");
        Http.assertFieldError(step(2025, code, "DROPPED", "\"effectiveDate\": \"2025-07-20\""), "comment", "required");
        Api.Answer dropped = recorded(dien.step(2025, code, "DROPPED", "\"effectiveDate\": \"2025-07-20\","
                + " \"comment\": \"Huyện rút đề xuất\""), "DROPPED");
        assertEquals("Không đưa vào danh sách", dropped.json().get("stateLabelVi").asString());
        assertEquals("A candidate that is not taken further is dropped",
                dropped.json().get("history").get(1).get("rule").asString());
        JsonNode counts = api.get("/api/v1/programmes/QD19_2025/11?fromYear=2025").json().get("years").get(0).get("counts");
        assertEquals(before.get("selected").asInt(), counts.get("selected").asInt(), "a dropped candidate is not selected: " + counts);
        assertEquals(before.get("candidates").asInt(), counts.get("candidates").asInt(), counts::toString);
        assertEquals(before.get("dropped").asInt() + 1, counts.get("dropped").asInt(), counts::toString);
        assertEquals(409, dien.step(2025, code, "PROPOSED", "\"effectiveDate\": \"2025-07-21\"").status(), "a dropped candidate goes no further");
    }

    @Test
    void aMistakenStepIsVoidedByACorrectionThatKeepsTheHistoryInTheChain() {
        String code = "03151";
        recorded(dien.add(2025, code, "2025-07-10"), "CANDIDATE");
        recorded(dien.step(2025, code, "PROPOSED", "\"effectiveDate\": \"2025-07-15\""), "PROPOSED");
        recorded(dien.step(2025, code, "APPROVED", "\"decisionNumber\": \"9/QĐ-BCĐ\", \"decisionDate\": \"2025-07-20\""), "APPROVED");
        recorded(dien.step(2025, code, "IN_TRANSFORMATION", "\"effectiveDate\": \"2025-08-01\""), "IN_TRANSFORMATION");
        String evaluation = dien.evaluate(code, "2025-07-01", "2025-09-30", MET, "FINAL", null);
        // recorded with the wrong date: the verdict was given on 15 October, not 1 October
        recorded(dien.step(2025, code, "TRANSFORMED", "\"evaluationId\": \"" + evaluation + "\", \"effectiveDate\": \"2025-10-01\""), "TRANSFORMED");
        long chainBefore = jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain", Long.class);

        Http.assertFieldError(step(2025, code, "CORRECTED", "\"effectiveDate\": \"2025-10-16\""), "comment", "required");
        Api.Answer corrected = recorded(dien.step(2025, code, "CORRECTED", "\"effectiveDate\": \"2025-10-16\","
                + " \"comment\": \"Ghi nhầm ngày công nhận\""), "IN_TRANSFORMATION");
        JsonNode h = corrected.json().get("history");
        assertEquals(6, h.size(), "both steps stay: " + h);
        assertEquals("CORRECTED", h.get(5).get("to").asString());
        assertEquals(5, h.get(5).get("corrects").asInt());
        assertEquals(6, h.get(4).get("voidedBy").asInt());
        assertTrue(corrected.json().path("monitoring").isMissingNode(), "the voided recognition dates nothing");
        assertEquals(chainBefore + 1, jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain", Long.class), "chained");

        // the right step, citing the same evaluation again (the voided verdict no longer holds it)
        Api.Answer right = recorded(dien.step(2025, code, "TRANSFORMED", "\"evaluationId\": \"" + evaluation + "\","
                + " \"effectiveDate\": \"2025-10-16\""), "TRANSFORMED");
        assertEquals("2025-10-16", right.json().get("monitoring").get("recognisedOn").asString());
        // a record's first step is not corrected: a candidate entered by mistake is dropped
        String other = "03158";
        recorded(dien.add(2025, other, "2025-07-10"), "CANDIDATE");
        assertEquals(409, dien.step(2025, other, "CORRECTED", "\"effectiveDate\": \"2025-07-11\", \"comment\": \"x\"").status());

        Http.Response verify = http.get("/api/v1/audit/verify");
        assertEquals(200, verify.status(), verify::describe);
        assertTrue(verify.json().get("intact").asBoolean(), verify::describe);
    }

    /**
     * A write the database refuses for a reason none of the service's checks knows (here a CHECK added for the test,
     * standing for a gap in the checks) is a 409 that changes nothing, in Vietnamese and English: never a 500, and
     * never passed off as another request's change, which a retry would fix. Both writes of a step: one appended to
     * its record, and one that opens next year's record.
     */
    @Test
    void aWriteTheDatabaseRefusesForAReasonNoCheckKnowsIsAConflictThatChangesNothing() {
        String code = "03169";
        recorded(dien.add(2025, code, "2025-07-10"), "CANDIDATE");
        recorded(dien.step(2025, code, "PROPOSED", "\"effectiveDate\": \"2025-07-15\""), "PROPOSED");
        jdbc.execute("ALTER TABLE programme_transition ADD CONSTRAINT ck_test_refused"
                + " CHECK (decision_number IS NULL OR decision_number <> 'REFUSED-BY-A-KEY')");
        try {
            Api.Answer appended = dien.step(2025, code, "APPROVED",
                    "\"decisionNumber\": \"REFUSED-BY-A-KEY\", \"decisionDate\": \"2025-07-20\"");
            assertUnexplainedConflict(appended);
            JsonNode record = dien.get(2025, code).json();
            assertEquals("PROPOSED", record.get("state").asString(), record::toString);
            assertEquals(2, record.get("history").size(), record::toString);

            recorded(dien.step(2025, code, "APPROVED", "\"decisionNumber\": \"8/QĐ-BCĐ\", \"decisionDate\": \"2025-07-20\""), "APPROVED");
            recorded(dien.step(2025, code, "IN_TRANSFORMATION", "\"effectiveDate\": \"2025-08-01\""), "IN_TRANSFORMATION");
            String notMet = dien.evaluate(code, "2025-07-01", "2025-12-14", NOT_MET, "FINAL", null);
            recorded(dien.step(2025, code, "NOT_TRANSFORMED", "\"evaluationId\": \"" + notMet + "\", \"effectiveDate\": \"2025-12-20\""), "NOT_TRANSFORMED");
            Api.Answer opened = dien.step(2025, code, "IN_TRANSFORMATION",
                    "\"decisionNumber\": \"REFUSED-BY-A-KEY\", \"decisionDate\": \"2026-01-18\"");
            assertUnexplainedConflict(opened);
            assertEquals(404, dien.get(2026, code).status(), "no 2026 record was opened");
            assertTrue(dien.get(2025, code).json().path("continuedIn").isMissingNode()
                    || dien.get(2025, code).json().get("continuedIn").isNull(), "2025 is not continued");
        } finally {
            jdbc.execute("ALTER TABLE programme_transition DROP CONSTRAINT ck_test_refused");
        }
    }

    private static void assertUnexplainedConflict(Api.Answer a) {
        assertEquals(409, a.status(), a::toString);
        assertEquals("urn:chuyenhoa:problem:conflicts-with-stored-record", a.json().get("type").asString(), a::toString);
        assertTrue(a.json().get("detailVi").asString().contains("không có gì được thay đổi"), a::toString);
        assertTrue(a.json().get("detail").asString().contains("nothing was changed"), a::toString);
    }

    /** A new 2025 area of the new list driven to MONITORING: recognised 15/10/2025, monitored from 01/11/2025. */
    void throughToMonitoring(String code) {
        recorded(dien.add(2025, code, "2025-07-10"), "CANDIDATE");
        recorded(dien.step(2025, code, "PROPOSED", "\"effectiveDate\": \"2025-07-15\""), "PROPOSED");
        recorded(dien.step(2025, code, "APPROVED", "\"decisionNumber\": \"7/QĐ-BCĐ\", \"decisionDate\": \"2025-07-20\""), "APPROVED");
        recorded(dien.step(2025, code, "IN_TRANSFORMATION", "\"effectiveDate\": \"2025-08-01\""), "IN_TRANSFORMATION");
        String evaluation = dien.evaluate(code, "2025-07-01", "2025-09-30", MET, "FINAL", null);
        recorded(dien.step(2025, code, "TRANSFORMED", "\"evaluationId\": \"" + evaluation + "\", \"effectiveDate\": \"2025-10-15\""), "TRANSFORMED");
        recorded(dien.step(2025, code, "MONITORING", "\"effectiveDate\": \"2025-11-01\""), "MONITORING");
    }

    /** A stored monitoring report of the area for the first half of 2026; black credit back makes it RELAPSED. */
    String report(String code, boolean blackCredit) {
        Http.Response r = http.postJson("/api/v1/monitoring-reports", "{\"area\": {\"codeScheme\": \"QD19_2025\", \"code\": \""
                + code + "\"}, \"recognisedOn\": \"2025-10-15\", \"period\": {\"from\": \"2026-01-01\", \"to\": \"2026-06-30\"},"
                + " \"baselinePeriod\": {\"from\": \"2025-01-01\", \"to\": \"2025-06-30\"}, \"proposedAgain\": false,"
                + " \"facts\": {\"organizedCrimeSigns\": false, \"blackCreditActivity\": " + blackCredit + ", \"crimesBaseline\": 9,"
                + " \"crimesCurrent\": 4, \"hotspotsBaseline\": 1, \"hotspotsCurrent\": 0, \"newHotspotsFormed\": 0}}");
        assertEquals(201, r.status(), r::describe);
        assertEquals(blackCredit ? "RELAPSED" : "STABLE", r.json().get("outcome").asString(), r::describe);
        return r.json().get("id").asString();
    }

    /** The same step through Http, whose field-error check reads its answer. */
    Http.Response step(int year, String code, String to, String extra) {
        return http.postJson(dien.record(year, code) + "/transitions", "{\"to\": \"" + to + "\", \"actor\": \"Tổ công tác thử nghiệm\", "
                + extra + "}");
    }

    static List<String> tos(JsonNode moves) {
        List<String> out = new ArrayList<>();
        moves.forEach(m -> out.add(m.get("to").asString()));
        return out;
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }
}
