package vn.chuyenhoa.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Api;
import vn.chuyenhoa.support.RunningServer;

/**
 * GET /api/v1/reporting-periods through the running server: the 2024 calendars of Việt Yên and of the nation, each
 * report exactly as the table of domain spec §7 gives it, and bad parameters refused naming the parameter.
 */
@RunningServer
class ReportingPeriodsApiTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // query                           | profile       | each report: id from to dueBefore (domain spec §7)
        "year=2024&profileId=VIET_YEN_2024 | VIET_YEN_2024 | QUARTER_I 2023-12-15 2024-03-12 2024-03-13; SIX_MONTHS 2023-12-15 2024-06-12 2024-06-13; QUARTER_III 2024-06-13 2024-09-12 2024-09-13; YEAR 2023-12-15 2024-12-12 2024-12-13",
        "year=2024                         | NATIONAL_CORE | QUARTER_I 2023-12-15 2024-03-14 2024-03-15; SIX_MONTHS 2023-12-15 2024-06-14 2024-06-15; QUARTER_III 2024-06-15 2024-09-14 2024-09-15; YEAR 2023-12-15 2024-12-14 2024-12-15",
        "year=2024&profileId=NATIONAL_CORE | NATIONAL_CORE | QUARTER_I 2023-12-15 2024-03-14 2024-03-15; SIX_MONTHS 2023-12-15 2024-06-14 2024-06-15; QUARTER_III 2024-06-15 2024-09-14 2024-09-15; YEAR 2023-12-15 2024-12-14 2024-12-15",
    })
    void theYearsReportsAsTheSpecTableGivesThem(String query, String profile, String expected) {
        Api.Answer a = new Api(port).get("/api/v1/reporting-periods?" + query);
        assertEquals(200, a.status(), a::toString);
        JsonNode cal = a.json();
        assertEquals(profile, cal.get("profileId").asString());
        List<String> got = new ArrayList<>();
        for (JsonNode p : cal.get("periods")) {
            got.add(p.get("id").asString() + " " + p.get("from").asString() + " " + p.get("to").asString() + " "
                    + p.get("dueBefore").asString());
            assertEquals(2, p.get("sources").size(), "both calendar rows cited");
            assertFalse(p.get("explanationVi").asString().isBlank());
            assertFalse(p.get("rule").asString().isBlank());
        }
        assertEquals(List.of(expected.split("; ")), got);
        String closeCell = profile.equals("VIET_YEN_2024") ? "C18" : "C15";
        assertEquals(closeCell, cal.get("closeDay").get("source").get("cell").asString());
        assertEquals(profile.equals("VIET_YEN_2024") ? "12" : "14", cal.get("closeDay").get("value").asString());
        assertEquals("12-15", cal.get("yearStart").get("value").asString());
        assertEquals(query.contains("profileId") ? "CALLER" : "DEFAULT", cal.get("selectedBy").asString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "year=2024&profileId=VIET_YEN_2025 | profileId | unknown_profile",
        "year=abc                          | year      | invalid_value",
        "year=1999                         | year      | out_of_range",
        "profileId=VIET_YEN_2024           | year      | required",
        "year=2016                         | year      | no_profile",
    })
    void aBadParameterIs400NamingIt(String query, String field, String code) {
        Api.Answer a = new Api(port).get("/api/v1/reporting-periods?" + query);
        assertEquals(400, a.status(), a::toString);
        assertEquals("application/problem+json", a.contentType());
        JsonNode e = a.json().get("errors").get(0);
        assertEquals(field, e.get("field").asString());
        assertEquals(code, e.get("code").asString());
        assertFalse(e.get("messageVi").asString().isBlank());
    }

    @Test
    void aCalendarOfAProfileNamedOutsideItsValidityIsGivenAsNamed() {
        // like evaluations, a profile the caller names is applied as given (domain spec §3.3)
        Api.Answer a = new Api(port).get("/api/v1/reporting-periods?year=2025&profileId=VIET_YEN_2024");
        assertEquals(200, a.status());
        assertEquals("2025-03-12", a.json().get("periods").get(0).get("to").asString());
    }
}
