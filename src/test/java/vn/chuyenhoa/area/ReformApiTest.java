package vn.chuyenhoa.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.support.ProgrammeDriver.recorded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Api;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.ProgrammeDriver;

/**
 * The programme across the reform of 1 July 2025 (issue 14; domain spec §8.1), through the running server: the four
 * seed communes and a split one (Phường Cống Vị 00007 → Phường Ngọc Hà 00008 and Phường Giảng Võ 00025) are refused
 * on the wrong side of the day and accepted on the right one; a 2026 report on Xã Ngọc Lặc is judged under the plan of
 * Thị trấn Ngọc Lặc; records follow their areas and the figures are read by the provinces of the period.
 */
// a server of its own, not @RunningServer: its Hà Nội communes (00007 split on 1 July 2025) are the ones
// ProgrammeFiguresApiTest's hand-worked programme of province 01 records, in the same years
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:reform-api;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0"})
class ReformApiTest {

    @LocalServerPort
    int port;

    Http http;
    Api api;

    @BeforeEach
    void client() {
        http = new Http(port);
        api = new Api(port);
    }

    private static String evaluation(String scheme, String code, String from, String to) {
        return "{\"area\": {\"codeScheme\": \"" + scheme + "\", \"code\": \"" + code + "\"}, \"period\": {\"from\": \"" + from
                + "\", \"to\": \"" + to + "\"}, \"facts\": " + ProgrammeDriver.MET + "}";
    }

    private static String monitoring(String scheme, String code, String to) {
        return "{\"area\": {\"codeScheme\": \"" + scheme + "\", \"code\": \"" + code + "\"}, \"recognisedOn\": \"2024-12-20\","
                + " \"period\": {\"from\": \"2026-03-15\", \"to\": \"" + to + "\"},"
                + " \"baselinePeriod\": {\"from\": \"2024-06-06\", \"to\": \"2024-09-05\"}, \"proposedAgain\": false,"
                + " \"facts\": {\"organizedCrimeSigns\": false, \"blackCreditActivity\": false, \"crimesBaseline\": 22,"
                + " \"crimesCurrent\": 15, \"newHotspotsFormed\": 0}}";
    }

    @ParameterizedTest(name = "{1} ({0}) → {3} ({2})")
    @CsvSource({
        "07795, Phường Nếnh,        07795, Phường Nếnh",
        "15061, Thị Trấn Ngọc Lặc,  15061, Xã Ngọc Lặc",
        "15118, Xã Kiên Thọ,        15112, Xã Kiên Thọ",
        "15115, Xã Nguyệt Ấn,       15106, Xã Nguyệt Ấn"
    })
    void eachSeedCommuneIsEvaluatedOnTheRightSideOfTheFirstOfJuly2025(String oldCode, String oldName, String newCode,
                                                                      String newName) {
        // an old code for a period ending on the day of the reform: refused, naming the new commune
        JsonNode e = Http.assertFieldError(http.postJson("/api/v1/evaluations",
                evaluation("QD124_2004", oldCode, "2025-01-01", "2025-07-01")), "area.code", "unit_reorganised");
        assertTrue(e.get("messageVi").asString().startsWith(oldName + " (" + oldCode + ") thuộc " + newName + " (" + newCode
                + ") từ 01/07/2025"), e::toString);
        assertTrue(e.get("message").asString().startsWith(oldName + " (" + oldCode + ") is part of " + newName + " ("
                + newCode + ") from 01/07/2025"), e::toString);
        // the day before, the old code is right
        assertEquals(201, http.postJson("/api/v1/evaluations", evaluation("QD124_2004", oldCode, "2025-01-01", "2025-06-30")).status());

        // the new code for a period ending before the reform: refused, naming the old communes it was formed from
        JsonNode n = Http.assertFieldError(http.postJson("/api/v1/evaluations",
                evaluation("QD19_2025", newCode, "2025-01-01", "2025-06-30")), "area.code", "unit_reorganised");
        assertTrue(n.get("messageVi").asString().startsWith(newName + " (" + newCode + ") được thành lập từ 01/07/2025 từ "),
                n::toString);
        assertTrue(n.get("messageVi").asString().contains(oldName + " (" + oldCode + ")"), n::toString);
        // from the day of the reform, the new code is right
        Http.Response ok = http.postJson("/api/v1/evaluations", evaluation("QD19_2025", newCode, "2025-07-01", "2025-12-14"));
        assertEquals(201, ok.status(), ok::describe);
        assertEquals(newName, ok.json().get("area").get("name").asString());
    }

    @Test
    void theReasonOfThePublishedExampleIsWordForWord() {
        JsonNode e = Http.assertFieldError(http.postJson("/api/v1/evaluations",
                evaluation("QD124_2004", "15118", "2026-01-01", "2026-03-14")), "area.code", "unit_reorganised");
        assertTrue(e.get("messageVi").asString().startsWith("Xã Kiên Thọ (15118) thuộc Xã Kiên Thọ (15112) từ 01/07/2025"), e::toString);
    }

    @Test
    void aSplitCommuneNamesEveryNewCommuneItWentInto() {
        JsonNode e = Http.assertFieldError(http.postJson("/api/v1/evaluations",
                evaluation("QD124_2004", "00007", "2025-07-01", "2025-12-14")), "area.code", "unit_reorganised");
        assertTrue(e.get("messageVi").asString().startsWith(
                "Phường Cống Vị (00007) được chia vào Phường Ngọc Hà (00008), Phường Giảng Võ (00025) từ 01/07/2025"), e::toString);
        assertTrue(e.get("message").asString().startsWith(
                "Phường Cống Vị (00007) was split between Phường Ngọc Hà (00008), Phường Giảng Võ (00025) from 01/07/2025"), e::toString);
        for (String code : List.of("00008", "00025")) {
            assertEquals(201, http.postJson("/api/v1/evaluations", evaluation("QD19_2025", code, "2025-07-01", "2025-12-14")).status());
        }
    }

    @Test
    void screeningsAndMonitoringReportsAreRefusedTheSameWay() throws Exception {
        String screening = new String(Files.readAllBytes(Path.of("examples", "screening-thanh-hoa.json")))
                .replace("\"to\": \"2024-12-14\"", "\"to\": \"2025-12-14\"");
        Http.Response refused = http.postJson("/api/v1/screenings", screening);
        JsonNode errors = Http.assertProblem(refused, 400).get("errors");
        JsonNode first = errors.get(0);
        assertEquals("candidates[0].area.code", first.get("field").asString(), refused::describe);
        assertEquals("unit_reorganised", first.get("code").asString());
        assertTrue(first.get("messageVi").asString().contains("Xã Kiên Thọ (15118) thuộc Xã Kiên Thọ (15112) từ 01/07/2025"), first::toString);

        JsonNode m = Http.assertFieldError(http.postJson("/api/v1/monitoring-reports", monitoring("QD124_2004", "15061", "2026-06-14")),
                "area.code", "unit_reorganised");
        assertTrue(m.get("messageVi").asString().startsWith("Thị Trấn Ngọc Lặc (15061) thuộc Xã Ngọc Lặc (15061) từ 01/07/2025"), m::toString);
    }

    /** Xã Ngọc Lặc was formed from Thị trấn Ngọc Lặc, Xã Mỹ Tân and Xã Thúy Sơn, all under the Ngọc Lặc plan in 2024. */
    @Test
    void aReportOnTheNewCommuneIsJudgedUnderThePlanOfTheOldOne() throws Exception {
        Http.Response r = http.post("/api/v1/monitoring-reports", Http.JSON,
                Files.readAllBytes(Path.of("examples", "monitoring-xa-ngoc-lac-relapsed.json")));
        assertEquals(201, r.status(), r::describe);
        JsonNode doc = r.json();
        assertEquals("RELAPSED", doc.get("outcome").asString());
        assertEquals("QD19_2025", doc.get("area").get("codeScheme").asString());
        JsonNode profile = doc.get("profile");
        assertEquals("NGOC_LAC_2024", profile.get("id").asString());
        JsonNode pre = profile.get("predecessor");
        assertEquals("QD124_2004", pre.get("codeScheme").asString());
        assertEquals("15061", pre.get("code").asString());
        assertEquals("389", pre.get("districtCode").asString());
        assertEquals("SAME_PROFILE", pre.get("selectedBy").asString());
        assertEquals(List.of("Thị Trấn Ngọc Lặc (15061)", "Xã Mỹ Tân (15067)", "Xã Thúy Sơn (15070)"),
                strings(pre.get("formedFrom")));
        assertTrue(profile.get("reasonVi").asString().startsWith("Xã Ngọc Lặc (15061, danh mục QĐ 19/2025/QĐ-TTg) được hợp thành từ 01/07/2025 từ"),
                profile::toString);
        assertTrue(profile.get("reasonEn").asString().contains("monitored under the plan of the old commune Thị Trấn Ngọc Lặc (15061, QD124_2004)"),
                profile::toString);

        // the caller may name the old commune; one it was not formed from is refused
        Http.Response named = http.postJson("/api/v1/monitoring-reports",
                monitoring("QD19_2025", "15061", "2026-06-14").replace("\"proposedAgain\"", "\"predecessorCode\": \"15067\", \"proposedAgain\""));
        assertEquals(201, named.status(), named::describe);
        assertEquals("CALLER", named.json().get("profile").get("predecessor").get("selectedBy").asString());
        assertEquals("15067", named.json().get("profile").get("predecessor").get("code").asString());
        Http.assertFieldError(http.postJson("/api/v1/monitoring-reports",
                monitoring("QD19_2025", "15061", "2026-06-14").replace("\"proposedAgain\"", "\"predecessorCode\": \"15118\", \"proposedAgain\"")),
                "predecessorCode", "not_a_predecessor");
    }

    /** Thị trấn Ngọc Lặc, transformed in 2024 under its district's plan, moves to Xã Ngọc Lặc and relapses there. */
    @Test
    void theRecordOfThiTranNgocLacFollowsItsAreaToXaNgocLac() throws Exception {
        ProgrammeDriver old = new ProgrammeDriver(api, "QD124_2004", "38");
        recorded(old.add(2024, "15061", "2024-08-20"), "CANDIDATE");
        recorded(old.step(2024, "15061", "PROPOSED", "\"effectiveDate\": \"2024-08-25\""), "PROPOSED");
        recorded(old.step(2024, "15061", "APPROVED", "\"decisionNumber\": \"12/QĐ-BCĐ\", \"decisionDate\": \"2024-09-01\""), "APPROVED");
        recorded(old.step(2024, "15061", "IN_TRANSFORMATION", "\"effectiveDate\": \"2024-09-06\""), "IN_TRANSFORMATION");
        Api.Answer evaluated = api.post("/api/v1/evaluations", Files.readString(Path.of("examples", "thi-tran-ngoc-lac.json")));
        assertEquals("TRANSFORMED", evaluated.json().get("verdict").asString(), evaluated::toString);
        recorded(old.step(2024, "15061", "TRANSFORMED", "\"evaluationId\": \"" + evaluated.json().get("id").asString()
                + "\", \"effectiveDate\": \"2024-12-20\""), "TRANSFORMED");
        recorded(old.step(2024, "15061", "MONITORING", "\"effectiveDate\": \"2025-01-05\""), "MONITORING");

        // before the reform nothing new; from 1 July 2025 the only step is to follow the area
        JsonNode june = old.get(2024, "15061").json();
        JsonNode onTheDay = api.get(old.record(2024, "15061") + "?asOf=2025-07-01").json();
        assertEquals(List.of("REORGANISED"), tos(onTheDay.get("allowedTransitions")), onTheDay::toString);
        assertFalse(tos(api.get(old.record(2024, "15061") + "?asOf=2025-06-30").json().get("allowedTransitions")).contains("REORGANISED"));
        assertEquals(409, old.step(2024, "15061", "RELAPSED", "\"effectiveDate\": \"2025-08-01\", \"comment\": \"x\"").status());

        // wholly into one new commune: proposed without a choice
        Api.Answer moved = old.step(2024, "15061", "REORGANISED", "\"effectiveDate\": \"2025-07-01\"");
        assertEquals(201, moved.status(), moved::toString);
        assertEquals("/api/v1/programmes/QD19_2025/38/2024/areas/15061", moved.location());
        JsonNode now = moved.json();
        assertEquals("MONITORING", now.get("state").asString(), "the record keeps its state");
        assertEquals("QD19_2025", now.get("codeScheme").asString());
        assertEquals("Xã Ngọc Lặc", now.get("area").get("name").asString());
        assertEquals("NGOC_LAC_2024", now.get("profile").get("id").asString(), "and the profile pinned at approval");
        JsonNode history = now.get("history");
        assertEquals(june.get("history").size() + 1, history.size(), "and its history");
        JsonNode step = history.get(history.size() - 1);
        assertEquals("REORGANISED", step.get("to").asString());
        assertEquals("MONITORING", step.get("from").asString());
        assertEquals("15061", step.get("movedTo").get("code").asString());
        assertEquals("Xã Ngọc Lặc", step.get("movedTo").get("name").asString());
        assertEquals(now.toString(), api.get(moved.location()).json().toString(), "read at its new address");

        // on the new unit the lifecycle goes on: a relapse in 2026
        ProgrammeDriver neu = new ProgrammeDriver(api, "QD19_2025", "38");
        Api.Answer report = api.post("/api/v1/monitoring-reports",
                java.nio.file.Files.readString(java.nio.file.Path.of("examples/monitoring-xa-ngoc-lac-relapsed.json")));
        assertEquals(201, report.status(), report::toString);
        recorded(neu.step(2024, "15061", "RELAPSED", "\"effectiveDate\": \"2026-06-20\", \"comment\": \"Tín dụng đen xuất hiện trở lại\","
                + " \"monitoringReportId\": \"" + report.json().get("id").asString() + "\""), "RELAPSED");
        // and it moves once
        assertEquals(409, old.step(2024, "15061", "REORGANISED", "\"effectiveDate\": \"2026-07-01\"").status());
    }

    /** Phường Cống Vị went partly into Phường Ngọc Hà and partly into Phường Giảng Võ: the officer chooses. */
    @Test
    void theRecordOfASplitCommuneGoesWhereTheOfficerChooses() {
        ProgrammeDriver hanoi = new ProgrammeDriver(api, "QD124_2004", "01");
        hanoi.driveTo(2024, "00007", "MONITORING");
        Http.assertFieldError(http.postJson(hanoi.record(2024, "00007") + "/transitions",
                "{\"to\": \"REORGANISED\", \"actor\": \"Công an TP Hà Nội\", \"effectiveDate\": \"2025-07-01\"}"), "areaCode", "split_choose");
        Http.assertFieldError(http.postJson(hanoi.record(2024, "00007") + "/transitions",
                "{\"to\": \"REORGANISED\", \"actor\": \"Công an TP Hà Nội\", \"effectiveDate\": \"2025-07-01\", \"areaCode\": \"00097\"}"),
                "areaCode", "not_a_successor");
        // the officer's page offers the step with the new communes to choose from, names beside codes
        String page = http.get("/programmes/QD124_2004/01/2024/areas/00007").text();
        assertTrue(page.contains("id=\"step-form-REORGANISED\""), page);
        assertTrue(page.contains(">Phường Ngọc Hà (00008) — một phần của xã cũ</option>"), page);
        assertTrue(page.contains(">Phường Giảng Võ (00025) — một phần của xã cũ</option>"), page);

        Http.Response chosen = http.post("/programmes/QD124_2004/01/2024/areas/00007/transitions", "application/x-www-form-urlencoded",
                "to=REORGANISED&actor=C%C3%B4ng+an+TP+H%C3%A0+N%E1%BB%99i&effectiveDate=2025-07-01&areaCode=00025"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // redirected to the record at its new address
        assertEquals(200, chosen.status(), chosen::describe);
        assertTrue(chosen.text().contains("id=\"recorded\"") && chosen.text().contains("<span id=\"area-code\">00025</span>"),
                chosen::describe);
        JsonNode moved = hanoi.get(2024, "00007").json();
        assertEquals("QD19_2025", moved.get("codeScheme").asString());
        assertEquals("Phường Giảng Võ", moved.get("area").get("name").asString());
        assertEquals("MONITORING", moved.get("state").asString());
        String after = http.get("/programmes/QD19_2025/01/2024/areas/00025").text();
        assertTrue(after.contains("<span id=\"area-name\">Phường Giảng Võ</span>"), after);
        assertTrue(after.contains("Phường Cống Vị (00007)"), after);
    }

    /**
     * Phường Nếnh in the 2025 programme of Bắc Giang (old 24), in transformation when the province became part of Bắc
     * Ninh (new 24): the province's records move together after a preview, the verdict is recorded on the new code,
     * and the figures of 2025 count it in Bắc Ninh from 1 July and in Bắc Giang before.
     */
    @Test
    void bacNinhsFiguresOf2025CountPhuongNenh() {
        ProgrammeDriver bacGiang = new ProgrammeDriver(api, "QD124_2004", "24");
        recorded(bacGiang.add(2025, "07795", "2025-01-10"), "CANDIDATE");
        recorded(bacGiang.step(2025, "07795", "PROPOSED", "\"effectiveDate\": \"2025-01-20\""), "PROPOSED");
        recorded(bacGiang.step(2025, "07795", "APPROVED", "\"decisionNumber\": \"15/QĐ-BCĐ\", \"decisionDate\": \"2025-02-07\""), "APPROVED");
        recorded(bacGiang.step(2025, "07795", "IN_TRANSFORMATION", "\"effectiveDate\": \"2025-03-15\""), "IN_TRANSFORMATION");

        Api.Answer preview = api.get("/api/v1/programmes/QD124_2004/24/reorganisation");
        assertEquals(200, preview.status(), preview::toString);
        JsonNode line = preview.json().get("records").get(0);
        assertFalse(preview.json().get("applied").asBoolean());
        assertEquals("MOVE", line.get("status").asString());
        assertEquals("07795", line.get("to").get("code").asString());
        assertEquals("24", line.get("to").get("provinceCode").asString());
        assertEquals("IN_TRANSFORMATION", bacGiang.get(2025, "07795").json().get("state").asString(), "a preview changes nothing");

        Api.Answer applied = api.post("/api/v1/programmes/QD124_2004/24/reorganisation",
                "{\"effectiveDate\": \"2025-07-01\", \"actor\": \"Công an tỉnh Bắc Ninh\"}");
        assertEquals(200, applied.status(), applied::toString);
        assertEquals("MOVED", applied.json().get("records").get(0).get("status").asString());
        assertEquals(0, api.get("/api/v1/programmes/QD124_2004/24/reorganisation").json().get("records").size());

        ProgrammeDriver bacNinh = new ProgrammeDriver(api, "QD19_2025", "24");
        String id = bacNinh.evaluate("07795", "2025-03-15", "2025-12-12", ProgrammeDriver.MET, "FINAL", null);
        recorded(bacNinh.step(2025, "07795", "TRANSFORMED", "\"evaluationId\": \"" + id + "\", \"effectiveDate\": \"2025-12-20\""),
                "TRANSFORMED");

        JsonNode ninh = api.get("/api/v1/programmes/QD19_2025/24?fromYear=2025&asOf=2025-12-31").json();
        JsonNode counts = ninh.get("years").get(0).get("counts");
        assertEquals(1, counts.get("selected").asInt(), ninh::toString);
        assertEquals(1, counts.get("transformed").asInt(), ninh::toString);
        assertEquals("Phường Nếnh", ninh.get("areas").get(0).get("name").asString());
        assertEquals("Tỉnh Bắc Ninh", ninh.get("provinceName").asString());

        JsonNode giangAfter = api.get("/api/v1/programmes/QD124_2004/24?fromYear=2025&asOf=2025-12-31").json();
        assertEquals(0, giangAfter.get("years").get(0).get("counts").get("selected").asInt(), giangAfter::toString);
        JsonNode giangBefore = api.get("/api/v1/programmes/QD124_2004/24?fromYear=2025&asOf=2025-06-30").json();
        assertEquals(1, giangBefore.get("years").get(0).get("counts").get("inProgress").asInt(), giangBefore::toString);
        JsonNode ninhBefore = api.get("/api/v1/programmes/QD19_2025/24?fromYear=2025&asOf=2025-06-30").json();
        assertEquals(0, ninhBefore.get("years").get(0).get("counts").get("selected").asInt(), ninhBefore::toString);
    }

    /**
     * Phường Trần Phú of Hà Giang (old 02, wholly into Phường Hà Giang 2): a choice for a commune no record is on, or a
     * day that has not come, refuses the whole move and stores nothing, whether or not records are left to move.
     */
    @Test
    void aProvinceMoveRefusesChoicesForNoRecordAndFutureDaysWithOrWithoutRecordsLeft() {
        ProgrammeDriver haGiang = new ProgrammeDriver(api, "QD124_2004", "02");
        recorded(haGiang.add(2025, "00691", "2025-01-10"), "CANDIDATE");
        String move = "/api/v1/programmes/QD124_2004/02/reorganisation";
        for (int round = 0; round < 2; round++) {
            JsonNode errors = Http.assertProblem(http.postJson(move, "{\"actor\": \"x\", \"effectiveDate\": \"2025-07-01\","
                    + " \"choices\": {\"abc\": \"zzz\", \"99999\": \"00025\"}}"), 400).get("errors");
            assertEquals(List.of("choices.99999", "choices.abc"), fields(errors).stream().sorted().toList(), errors::toString);
            Http.assertFieldError(http.postJson(move, "{\"actor\": \"x\", \"effectiveDate\": \"2099-01-01\"}"),
                    "effectiveDate", "in_future");
            int left = api.get(move).json().get("records").size();
            assertEquals(round == 0 ? 1 : 0, left, "nothing moved by a refused request");
            if (round == 0) {
                assertEquals(200, api.post(move, "{\"actor\": \"x\", \"effectiveDate\": \"2025-07-01\"}").status());
            }
        }
        assertEquals("QD19_2025", api.get("/api/v1/programmes/QD19_2025/08/2025/areas/00691").json().get("codeScheme").asString());
    }

    private static List<String> fields(JsonNode errors) {
        List<String> out = new ArrayList<>();
        errors.forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    @Test
    void aNewProvinceHasNoRecordsToMoveAndANewUnitCannotEnterBeforeTheReform() {
        Http.assertFieldError(http.get("/api/v1/programmes/QD19_2025/24/reorganisation"), "codeScheme", "not_an_old_province");
        Http.assertFieldError(http.postJson("/api/v1/programmes/QD19_2025/38/2025/areas",
                "{\"areaCode\": \"15112\", \"actor\": \"Công an tỉnh Thanh Hóa\", \"effectiveDate\": \"2025-06-30\"}"),
                "areaCode", "unit_reorganised");
    }

    private static List<String> tos(JsonNode moves) {
        List<String> out = new ArrayList<>();
        moves.forEach(m -> out.add(m.get("to").asString()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
