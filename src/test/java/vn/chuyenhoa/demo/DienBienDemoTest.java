package vn.chuyenhoa.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Api;

/**
 * The Điện Biên demo (--chuyenhoa.demo=dien-bien) loaded into a fresh database, then read through the API as a
 * newcomer would: seed 004's 44 areas selected since 2017 and 42 transformed, 42/44 = 95.45%, computed from records
 * whose verdicts each cite a stored FINAL evaluation.
 */
// the demo as loaded, on a server shared only with the other class that reads it and stores nothing
// (DienBienDemoTest and CalendarReportsTest: the same properties, so one cached context): every figure asserted here
// is the demo's own, so no class that stores anything may run on it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-as-loaded;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false", "chuyenhoa.demo=dien-bien"})
class DienBienDemoTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

    @Test
    void fortyFourSelectedFortyTwoTransformedSince2017() {
        Api.Answer a = new Api(port).get("/api/v1/programmes/QD124_2004/11?fromYear=2017&toYear=2020&asOf=2021-06-30");
        assertEquals(200, a.status(), a::toString);
        JsonNode total = a.json().get("total");
        assertEquals(44, total.get("counts").get("selected").asInt());
        assertEquals(42, total.get("counts").get("transformed").asInt());
        assertEquals(2, total.get("counts").get("notTransformed").asInt());
        assertEquals(0, total.get("counts").get("inProgress").asInt());
        JsonNode share = total.get("transformedShare");
        assertEquals("95.45", share.get("value").asString(), "42/44 = 95.4545… rounded half-up");
        assertEquals(42, share.get("numerator").asInt());
        assertEquals(44, share.get("denominator").asInt());
        assertEquals("60", share.get("target").asString());
        assertTrue(share.get("met").asBoolean());

        List<Integer> perYear = new ArrayList<>();
        a.json().get("years").forEach(y -> perYear.add(y.get("counts").get("selected").asInt()));
        assertEquals(List.of(14, 12, 10, 8), perYear, "a different number selected each year");
    }

    @Test
    void everyVerdictCitesAStoredFinalEvaluationUnderNationalCoreThatFoundIt() {
        Api api = new Api(port);
        JsonNode areas = api.get("/api/v1/programmes/QD124_2004/11?fromYear=2017&toYear=2020").json().get("areas");
        assertEquals(44, areas.size());
        Set<String> codes = new HashSet<>();
        Set<String> districts = new HashSet<>();
        for (JsonNode row : areas) {
            codes.add(row.get("code").asString());
            districts.add(row.get("districtCode").asString());
            JsonNode record = api.get(row.get("href").asString()).json();
            JsonNode verdictStep = null;
            for (JsonNode step : record.get("history")) {
                if (step.has("evaluationId")) verdictStep = step;
            }
            JsonNode evaluation = api.get(verdictStep.get("evaluation").asString()).json();
            assertEquals(verdictStep.get("to").asString(), evaluation.get("verdict").asString(), row::toString);
            assertEquals("FINAL", evaluation.get("purpose").asString());
            assertEquals("NATIONAL_CORE", evaluation.get("profile").get("id").asString());
            assertEquals("SCOPE", evaluation.get("profile").get("selectedBy").asString());
            assertEquals(row.get("code").asString(), evaluation.get("area").get("code").asString());
            assertEquals("NATIONAL_CORE", record.get("profile").get("id").asString());
        }
        assertEquals(44, codes.size(), "44 different communes");
        assertEquals(9, districts.size(), "seed 004: steering committees of 9 districts");
    }

    @Test
    void theTwoNotTransformedIn2020AreCarriedOverInto2021() {
        JsonNode f = new Api(port).get("/api/v1/programmes/QD124_2004/11?fromYear=2021&asOf=2022-01-01").json();
        assertEquals(2, f.get("total").get("counts").get("selected").asInt());
        assertEquals(2, f.get("total").get("counts").get("inProgress").asInt());
        assertEquals(2, f.get("total").get("counts").get("overdue").asInt(), "past 31/12/2021 without a verdict");
        for (JsonNode row : f.get("areas")) assertEquals(2020, row.get("continuesFromYear").asInt());
    }

    /**
     * Issue 14: the sample shows its areas before and after the reform. Phường Mường Thanh (03136, 2017) and Xã Thanh
     * Minh (03145, 2017) both went wholly into Phường Điện Biên Phủ (03127 of the new list); the years 2017–2020 stay
     * with the old province, and each row says where its area is now.
     */
    @Test
    void theSampleShowsItsAreasBeforeAndAfterTheReform() {
        Api api = new Api(port);
        JsonNode before = api.get("/api/v1/programmes/QD124_2004/11/2017/areas/03136?asOf=2025-06-30").json();
        assertEquals("QD124_2004", before.get("codeScheme").asString());
        assertEquals("Phường Mường Thanh", before.get("area").get("name").asString());
        JsonNode after = api.get("/api/v1/programmes/QD124_2004/11/2017/areas/03136").json();
        assertEquals("QD19_2025", after.get("codeScheme").asString());
        assertEquals("03127", after.get("area").get("code").asString());
        assertEquals("Phường Điện Biên Phủ", after.get("area").get("name").asString());
        assertEquals("STABLE", after.get("state").asString(), "the record keeps its state");
        JsonNode last = after.get("history").get(after.get("history").size() - 1);
        assertEquals("REORGANISED", last.get("to").asString());
        assertEquals("2025-07-01", last.get("effectiveDate").asString());

        JsonNode rows = api.get("/api/v1/programmes/QD124_2004/11?fromYear=2017&toYear=2017").json().get("areas");
        int moved = 0;
        for (JsonNode row : rows) {
            if (row.get("code").asString().equals("03145")) {
                assertEquals("03127", row.get("movedTo").get("code").asString(), row::toString);
                assertEquals("Phường Điện Biên Phủ", row.get("movedTo").get("name").asString());
            }
            if (row.has("movedTo")) moved++;
        }
        assertEquals(14, moved, "every 2017 area moved");
        JsonNode newProvince = api.get("/api/v1/programmes/QD19_2025/11?fromYear=2017&toYear=2020").json();
        assertEquals(0, newProvince.get("total").get("counts").get("selected").asInt(), "the years before the reform stay with the old province");
        assertEquals(0, api.get("/api/v1/programmes/QD124_2004/11/reorganisation").json().get("records").size(), "nothing left to move");
    }

    @Test
    void theDemoIsRefusedOnceTheProgrammeStoreHoldsAnything() {
        IllegalStateException e = assertThrows(IllegalStateException.class, demo::load);
        assertTrue(e.getMessage().contains("only into an empty programme store"), e.getMessage());
    }
}
