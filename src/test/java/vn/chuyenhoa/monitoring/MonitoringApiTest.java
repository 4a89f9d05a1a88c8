package vn.chuyenhoa.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.screening.ScreeningApiTest.assertProblem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RunningServer;
import vn.chuyenhoa.support.Scenarios;
import vn.chuyenhoa.support.ShippedRows;

/**
 * Monitoring reports through the running server: the three examples give the recommendations worked out by hand in
 * examples/README.md and come back unchanged; bad input of every class is a 400 naming the field, storing nothing.
 */
@RunningServer
public class MonitoringApiTest {

    /** Thị trấn Ngọc Lặc, recognised on 2024-12-20; the placeholders are replaced per case. */
    public static final String BODY = "{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15061\"},\"recognisedOn\":\"2024-12-20\","
            + "\"period\":{\"from\":\"2025-03-15\",\"to\":\"2025-06-14\"},"
            + "\"baselinePeriod\":{\"from\":\"2024-06-06\",\"to\":\"2024-09-05\"},\"proposedAgain\":false,"
            + "\"facts\":{\"organizedCrimeSigns\":false,\"blackCreditActivity\":false,\"crimesBaseline\":22,"
            + "\"crimesCurrent\":15,\"newHotspotsFormed\":0}}";

    @LocalServerPort
    int port;

    @Autowired
    MonitoringStore store;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** canbo.dienbien, the demo programme officer, may act in Điện Biên (QD124_2004:11) only. */
    @Test
    void theOfficerOfDienBienReportsOnDienBienUnderTheirNameAndNowhereElse() {
        Http officer = http.as("demo-token-canbo-dienbien");
        long before = store.count();
        Http.Response created = officer.postJson("/api/v1/monitoring-reports", BODY.replace("\"15061\"", "\"03127\""));
        assertEquals(201, created.status(), created.describe());
        JsonNode doc = created.json();
        assertEquals("11", doc.get("area").get("provinceCode").asString());
        assertEquals("canbo.dienbien", doc.get("submittedBy").asString());
        assertEquals("canbo.dienbien", store.findSubmitter(java.util.UUID.fromString(doc.get("id").asString())).orElseThrow());
        assertEquals(created.text(), http.get(created.header("Location").orElseThrow()).text());
        assertEquals(before + 1, store.count());

        // Thị trấn Ngọc Lặc is in Thanh Hóa (38)
        JsonNode p = Http.assertProblem(officer.postJson("/api/v1/monitoring-reports", BODY), 403);
        assertEquals("urn:chuyenhoa:problem:outside-scope", p.get("type").asString());
        assertTrue(p.get("detail").asString().contains("Tỉnh Thanh Hóa (38)"), p::toString);
        assertTrue(p.get("detailVi").asString().contains("Tỉnh Thanh Hóa (38)"), p::toString);
        assertEquals(before + 1, store.count(), "nothing is stored");
        assertProblem(officer.postJson("/api/v1/monitoring-reports", BODY.replace("\"recognisedOn\":\"2024-12-20\",", "")),
                "recognisedOn", "required");
        assertEquals(before + 1, store.count());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "monitoring-thi-tran-ngoc-lac-stable.json,         STABLE,         ''",
        "monitoring-xa-ngoc-lac-relapsed.json,       RELAPSED,       BLACK_CREDIT_BACK;CRIME_ABOVE_BASELINE",
        "monitoring-xa-ngoc-lac-outside-window.json, OUTSIDE_WINDOW, ''"
    })
    void eachExampleGivesTheRecommendationItsFactsImply(String file, String outcome, String applying) throws Exception {
        long before = store.count();
        Http.Response created = http.post("/api/v1/monitoring-reports", Http.JSON, Files.readAllBytes(Path.of("examples", file)));
        assertEquals(201, created.status(), created.text());
        assertEquals(before + 1, store.count());
        String location = created.header("Location").orElseThrow();
        Http.Response read = http.get(location);
        assertEquals(created.text(), read.text(), "a stored report comes back exactly as it was sent");
        assertEquals("kiemthu", read.json().get("submittedBy").asString());

        JsonNode doc = read.json();
        assertEquals(outcome, doc.get("outcome").asString());
        // recognised 2024-12-20 under NGOC_LAC_2024 (valid 2024-01-01 – 2024-12-31); its window row is NATIONAL_CORE's
        assertEquals("NGOC_LAC_2024", doc.get("profile").get("id").asString());
        assertEquals("2024-12-21", doc.get("window").get("from").asString());
        assertEquals("2027-12-20", doc.get("window").get("to").asString());
        assertEquals("NATIONAL_CORE", doc.get("window").get("profileId").asString());
        assertTrue(doc.get("noticeEn").asString().contains("changes no area's state"));
        Map<String, String> outcomes = new HashMap<>();
        doc.get("reasons").forEach(r -> outcomes.put(r.get("id").asString(), r.get("outcome").asString()));
        if (outcome.equals("OUTSIDE_WINDOW")) {
            assertEquals(Map.of(), outcomes, "nothing is judged outside the window");
            assertTrue(doc.get("recommendationEn").asString().contains("2027-12-20"));
            return;
        }
        assertEquals(5, outcomes.size(), outcomes.toString());
        outcomes.forEach((id, o) -> assertEquals(applying.contains(id) ? "APPLIES" : "DOES_NOT_APPLY", o, id));
        for (JsonNode r : doc.get("reasons")) {
            assertTrue(r.has("explanationVi") && r.has("explanationEn") && r.has("source") && r.has("rule"), r.toString());
        }
    }

    @Test
    void crimeAboveTheBaselineShowsTheIncrease() throws Exception {
        JsonNode doc = http.post("/api/v1/monitoring-reports",
                Http.JSON, Files.readAllBytes(Path.of("examples", "monitoring-xa-ngoc-lac-relapsed.json"))).json();
        JsonNode crime = null;
        for (JsonNode r : doc.get("reasons")) if (r.get("id").asString().equals("CRIME_ABOVE_BASELINE")) crime = r;
        // 23 against 22: (23 − 22) / 22 = 4.545…% → 4.55
        assertEquals("4.55", crime.get("actual").asString());
        assertEquals("0", crime.get("threshold").asString());
        assertEquals(">", crime.get("comparison").asString());
        assertEquals("Reasons", crime.get("source").get("sheet").asString());
        assertEquals(ShippedRows.cell("decision-tables/monitoring.drl.xlsx", "Reasons", "G", "NATIONAL_CORE",
                "CRIME_ABOVE_BASELINE"),
                crime.get("source").get("cell").asString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON                   | {                                                     | | malformed_json",
        "an evaluation-only key           | \"purpose\":\"FINAL\",                                | purpose | unknown_field",
        "an unknown key                   | \"recognisedBy\":\"x\",                               | recognisedBy | unknown_field",
        "no recognition date              | \"recognisedOn\":null,                                | recognisedOn | required",
        "a recognition date not on the calendar | \"recognisedOn\":\"2023-02-29\",               | recognisedOn | invalid_date",
        "a period starting on recognition | \"recognisedOn\":\"2025-03-15\",                      | period.from | period_not_after_recognition",
        "a baseline ending on recognition | \"recognisedOn\":\"2024-09-05\",                      | baselinePeriod | baseline_not_before_recognition",
        "a count as a string              | \"facts\":{\"crimesCurrent\":\"15\"},                 | facts.crimesCurrent | not_an_integer",
        "an unknown fact                  | \"facts\":{\"crimesNow\":15},                         | facts.crimesNow | unknown_field",
        "cleared more than occurred       | \"facts\":{\"casesOccurred\":2,\"casesCleared\":3},   | facts.casesCleared | exceeds_total",
        "proposedAgain as text            | \"proposedAgain\":\"no\",                             | proposedAgain | not_a_boolean",
        "an unknown profile               | \"profileId\":\"NGOC_LAC\",                           | profileId | unknown_profile",
        "no profile on the recognition date | \"recognisedOn\":\"2010-01-01\",\"baselinePeriod\":null, | recognisedOn | no_profile",
        "no area                          | \"area\":null,                                        | area | required",
        "an unknown area code             | \"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"00000\"}, | area.code | unknown_code",
        "a reversed period                | \"period\":{\"from\":\"2025-06-14\",\"to\":\"2025-03-15\"}, | period | reversed_period",
        "a baseline after the period      | \"baselinePeriod\":{\"from\":\"2025-07-01\",\"to\":\"2025-08-01\"}, | baselinePeriod | baseline_not_before_period",
        "a blank recognition decision     | \"recognitionDecision\":\" \",                        | recognitionDecision | too_long"
    })
    void badInputIsA400NamingTheFieldAndStoresNothing(String name, String override, String field, String code) {
        long before = store.count();
        String body = override.strip().equals("{") ? "{" : override(override.strip());
        assertProblem(http.postJson("/api/v1/monitoring-reports", body), field, code);
        assertEquals(before, store.count(), "nothing is stored");
    }

    @Test
    void theFirstDayAfterRecognitionStartsMonitoring() {
        Http.Response r = http.postJson("/api/v1/monitoring-reports", override("\"recognisedOn\":\"2025-03-14\","));
        assertEquals(201, r.status(), r.text());
        assertEquals("2025-03-15", r.json().get("window").get("from").asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "null", "{\"facts\":[1,2]}", "{\"period\":{\"from\":{}}}", "{\"recognisedOn\":20241220}",
            "{\"area\":{\"codeScheme\":null,\"code\":null},\"facts\":{\"crimesCurrent\":1e99999}}"})
    void noBodyMakesTheServerFail(String body) {
        Http.Response r = http.postJson("/api/v1/monitoring-reports", body);
        assertEquals(400, r.status(), body + " → " + r.text());
    }

    @Test
    void anUnknownReportIsNotFound() {
        Http.Response r = http.get("/api/v1/monitoring-reports/00000000-0000-0000-0000-000000000000");
        assertEquals(404, r.status());
        assertEquals("application/problem+json", r.header("Content-Type").orElseThrow());
    }

    @Test
    void theOpenApiDescriptionHasTheMonitoringEndpoints() {
        JsonNode paths = http.get("/v3/api-docs").json().get("paths");
        assertTrue(paths.has("/api/v1/monitoring-reports"));
        assertTrue(paths.has("/api/v1/monitoring-reports/{id}"));
    }

    /** The base body with the given members set, or removed when given as null. */
    static String override(String members) {
        ObjectNode merged = (ObjectNode) Scenarios.JSON.readTree(BODY);
        JsonNode patch = Scenarios.JSON.readTree("{" + members.replaceAll(",\\s*$", "") + "}");
        patch.properties().forEach(e -> {
            if (e.getValue().isNull()) merged.remove(e.getKey());
            else merged.set(e.getKey(), e.getValue());
        });
        return merged.toString();
    }
}
