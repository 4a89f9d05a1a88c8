package vn.chuyenhoa.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RunningServer;

/**
 * Screening through the running server: the example of examples/screening-thanh-hoa.json gives the ranking worked out
 * by hand in examples/README.md, is stored and comes back unchanged; every class of bad input is a 400 with the field
 * at fault and stores nothing; no body makes the server fail.
 */
@RunningServer
public class ScreeningApiTest {

    static final String KIEN_THO = "{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15118\",\"name\":\"Xã Kiên Thọ\"},"
            + "\"facts\":{\"residents\":11800,\"socialOrderCrimes\":15}}";

    @LocalServerPort
    int port;

    @Autowired
    ScreeningStore store;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    Http.Response postExample() throws Exception {
        return http.post("/api/v1/screenings", Http.JSON, Files.readAllBytes(Path.of("examples", "screening-thanh-hoa.json")));
    }

    @Test
    void theExampleIsStoredAndReadBackByteForByte() throws Exception {
        long before = store.count();
        Http.Response created = postExample();
        assertEquals(201, created.status(), created.text());
        String location = created.header("Location").orElseThrow();
        assertTrue(location.startsWith("/api/v1/screenings/"), location);
        assertEquals(before + 1, store.count());

        Http.Response read = http.get(location);
        assertEquals(200, read.status());
        assertEquals(created.text(), read.text(), "a stored screening comes back exactly as it was sent");
        JsonNode doc = read.json();
        assertEquals(location.substring(location.lastIndexOf('/') + 1), doc.get("id").asString());
        assertEquals(64, doc.get("rulesetVersion").asString().length());
        assertTrue(doc.get("screenedAt").asString().endsWith("Z"));
        assertEquals("38", doc.get("province").get("code").asString());
        assertEquals("Tỉnh Thanh Hóa", doc.get("province").get("name").asString());
        assertEquals("kiemthu", doc.get("submittedBy").asString(), "the account that asked is part of the stored text");
        assertEquals("kiemthu", store.findSubmitter(java.util.UUID.fromString(doc.get("id").asString())).orElseThrow());
    }

    static final String DIEN_BIEN = "{\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"03127\","
            + "\"name\":\"Phường Him Lam\"},\"facts\":{\"residents\":9000,\"socialOrderCrimes\":4}}]}";

    /** canbo.dienbien, the demo programme officer, may act in Điện Biên (QD124_2004:11) only. */
    @Test
    void theOfficerOfDienBienScreensDienBienUnderTheirName() {
        Http officer = http.as("demo-token-canbo-dienbien");
        Http.Response created = officer.postJson("/api/v1/screenings", DIEN_BIEN);
        assertEquals(201, created.status(), created.describe());
        JsonNode doc = created.json();
        assertEquals("canbo.dienbien", doc.get("submittedBy").asString());
        assertEquals("canbo.dienbien", store.findSubmitter(java.util.UUID.fromString(doc.get("id").asString())).orElseThrow());
        Http.Response read = http.get(created.header("Location").orElseThrow());
        assertEquals(created.text(), read.text(), "read back by anyone, it still names who asked");
    }

    @Test
    void theOfficerOfDienBienIsRefusedAnotherProvinceAndNothingIsStored() throws Exception {
        Http officer = http.as("demo-token-canbo-dienbien");
        long before = store.count();
        Http.Response r = officer.post("/api/v1/screenings", Http.JSON, Files.readAllBytes(Path.of("examples", "screening-thanh-hoa.json")));
        JsonNode p = Http.assertProblem(r, 403);
        assertEquals("urn:chuyenhoa:problem:outside-scope", p.get("type").asString());
        assertTrue(p.get("detail").asString().contains("Tỉnh Thanh Hóa (38)"), p::toString);
        assertTrue(p.get("detailVi").asString().contains("Tỉnh Thanh Hóa (38)"), p::toString);
        assertTrue(p.get("detailVi").asString().contains("canbo.dienbien"), p::toString);
        assertEquals(before, store.count(), "nothing is stored");
        // a bad body is a 400 first, whoever sends it
        assertProblem(officer.postJson("/api/v1/screenings", "{\"candidates\":[" + KIEN_THO + "]}"), "year", "required");
        assertEquals(before, store.count());
    }

    /**
     * By hand (examples/README.md): Kiên Thọ is carried over, so first; Minh Sơn has 3 categories; Phùng Giáo and Cao
     * Ngọc have 2 and Phùng Giáo is drug type I; Ngọc Trung and Nguyệt Ấn have 1 and Ngọc Trung's crime rate is higher
     * (5 per 6,000 = 8.33 per 10,000 against 7 per 10,400 = 6.73); Ngọc Liên has none; Lam Sơn is excluded.
     */
    @Test
    void theExampleIsRankedAsWorkedOutByHand() throws Exception {
        JsonNode doc = postExample().json();
        List<String> order = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        for (JsonNode r : doc.get("ranking")) {
            order.add(r.get("code").asString());
            ranks.add(r.get("rank").asInt());
        }
        assertEquals(List.of("15118", "15124", "15106", "15079", "15103", "15115", "15091"), order);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), ranks);

        Map<String, JsonNode> byCode = communes(doc);
        JsonNode lamSon = byCode.get("15064");
        assertEquals("EXCLUDED", lamSon.get("status").asString());
        assertFalse(lamSon.has("rank"), "an excluded commune is not ranked");
        assertTrue(lamSon.get("rankReasonEn").asString().contains("excluded"), lamSon.get("rankReasonEn").asString());
        assertEquals("CARRIED_OVER", byCode.get("15118").get("status").asString());

        String phungGiao = doc.get("ranking").get(2).get("reasonVi").asString();
        // the categories by their names in the table, the cell cited as every page cites one (file · sheet · cell)
        assertTrue(phungGiao.contains("Xếp sau Xã Minh Sơn 15124 (hạng 2) vì «Số loại địa bàn được gắn cờ» (decision-tables/screening.drl.xlsx · Ranking · B11): "
                + "3 (Trọng điểm, phức tạp về tội phạm xâm phạm trật tự xã hội và tệ nạn xã hội; Trọng điểm, phức tạp về trật tự quản lý kinh tế; "
                + "Trọng điểm, phức tạp về ma túy) so với 2 (Trọng điểm, phức tạp về môi trường, tài nguyên, an toàn thực phẩm; "
                + "Trọng điểm, phức tạp về ma túy)"), phungGiao);
        assertFalse(phungGiao.contains("LOAI_"), phungGiao);
        assertTrue(phungGiao.contains("Xếp trên Xã Cao Ngọc 15079 (hạng 4) vì «Loại địa bàn trọng điểm về ma túy» (decision-tables/screening.drl.xlsx · Ranking · B12): "
                + "loại I so với không thuộc loại nào đã xác định"), phungGiao);
        String ngocTrung = doc.get("ranking").get(4).get("reasonEn").asString();
        assertTrue(ngocTrung.contains("Above Xã Nguyệt Ấn 15115 (rank 6) on «Social-order crimes per 10,000 residents» "
                + "(decision-tables/screening.drl.xlsx · Ranking · B13): 8.33 against 6.73"), ngocTrung);
        String kienTho = doc.get("ranking").get(0).get("reasonEn").asString();
        assertTrue(kienTho.startsWith("Rank 1 of 7. Above Xã Minh Sơn 15124 (rank 2) on «Carried over from last year»"), kienTho);
    }

    @Test
    void theExampleFlagsEachCommuneAsWorkedOutByHand() throws Exception {
        Map<String, JsonNode> byCode = communes(postExample().json());
        Map<String, String> flagged = Map.of(
                "15118", "[LOAI_1, LOAI_4]", "15106", "[LOAI_3, LOAI_4]", "15124", "[LOAI_1, LOAI_2, LOAI_4]",
                "15115", "[LOAI_3]", "15064", "[LOAI_1]", "15079", "[LOAI_1, LOAI_2]", "15103", "[LOAI_1]", "15091", "[]");
        flagged.forEach((code, expected) -> {
            List<String> got = new ArrayList<>();
            byCode.get(code).get("categoriesFlagged").forEach(n -> got.add(n.asString()));
            assertEquals(expected, got.toString(), code);
        });
        // Phùng Giáo: (a) 41 of 6,200 = 0.66% ≥ 0.5%, (b) 2 places, (d) 3,200 plants: three criteria, type I
        assertEquals("I", byCode.get("15106").get("drugArea").get("type").asString());
        // Minh Sơn: (a) 46 of 9,000 = 0.51%, (c) 9 of 9,000 = exactly 0.1%; (đ) not assessed: type I undetermined
        JsonNode minhSon = byCode.get("15124").get("drugArea");
        assertFalse(minhSon.has("type"));
        assertEquals("UNDETERMINED", minhSon.get("types").get(0).get("outcome").asString());
        // Ngọc Liên gave no socialEvilIncidents, so LOAI_1 cannot be decided and the fact is listed as missing
        JsonNode ngocLien = byCode.get("15091");
        assertEquals("MISSING_DATA", ngocLien.get("categories").get(0).get("outcome").asString());
        assertEquals("[\"socialEvilIncidents\"]", ngocLien.get("missingFacts").toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON              | {\"year\": 2025,                                                   | | malformed_json",
        "unknown top-level key       | {\"year\":2025,\"province\":\"38\",\"candidates\":[KT]}           | province | unknown_field",
        "no candidates               | {\"year\":2025}                                                    | candidates | required",
        "empty candidates            | {\"year\":2025,\"candidates\":[]}                                  | candidates | empty",
        "candidates not an array     | {\"year\":2025,\"candidates\":{}}                                  | candidates | wrong_type",
        "candidate not an object     | {\"year\":2025,\"candidates\":[7]}                                 | candidates[0] | wrong_type",
        "no year                     | {\"candidates\":[KT]}                                              | year | required",
        "year as a string            | {\"year\":\"2025\",\"candidates\":[KT]}                            | year | not_an_integer",
        "year out of range           | {\"year\":1999,\"candidates\":[KT]}                                | year | out_of_range",
        "reversed period             | {\"year\":2025,\"period\":{\"from\":\"2024-12-14\",\"to\":\"2023-12-15\"},\"candidates\":[KT]} | period | reversed_period",
        "count as a string           | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15118\"},\"facts\":{\"residents\":\"11800\"}}]} | candidates[0].facts.residents | not_an_integer",
        "count with a fraction       | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15118\"},\"facts\":{\"socialOrderCrimes\":1.5}}]} | candidates[0].facts.socialOrderCrimes | not_an_integer",
        "count with an exponent      | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15118\"},\"facts\":{\"socialOrderCrimes\":1e1}}]} | candidates[0].facts.socialOrderCrimes | not_an_integer",
        "negative count              | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15118\"},\"facts\":{\"drugUsePlaces\":-1}}]} | candidates[0].facts.drugUsePlaces | out_of_range",
        "count beyond 2^31-1         | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15118\"},\"facts\":{\"drugUsePlaces\":2147483648}}]} | candidates[0].facts.drugUsePlaces | out_of_range",
        "flag as a string            | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15118\"},\"facts\":{\"onComplexDrugRoute\":\"true\"}}]} | candidates[0].facts.onComplexDrugRoute | not_a_boolean",
        "unknown fact                | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15118\"},\"facts\":{\"crimes\":3}}]} | candidates[0].facts.crimes | unknown_field",
        "unknown candidate key       | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15118\"},\"note\":\"x\"}]} | candidates[0].note | unknown_field",
        "no area                     | {\"year\":2025,\"candidates\":[{\"facts\":{}}]}                     | candidates[0].area | required",
        "unknown code scheme         | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124\",\"code\":\"15118\"}}]} | candidates[0].area.codeScheme | unknown_scheme",
        "unknown area code           | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"99999\"}}]} | candidates[0].area.code | unknown_code",
        "name of another commune     | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15118\",\"name\":\"Xã Nguyệt Ấn\"}}]} | candidates[0].area.name | name_mismatch",
        "a commune of another province | {\"year\":2025,\"candidates\":[KT,{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"07795\"}}]} | candidates[1].area.code | other_province",
        "a commune of another scheme | {\"year\":2025,\"candidates\":[KT,{\"area\":{\"codeScheme\":\"QD19_2025\",\"code\":\"14758\"}}]} | candidates[1].area.codeScheme | other_scheme",
        "the same commune twice      | {\"year\":2025,\"candidates\":[KT,KT]}                             | candidates[1].area.code | duplicate_area",
        "no residents                | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15118\"},\"facts\":{\"residents\":0}}]} | candidates[0].facts.residents | out_of_range",
        "more drug users than residents | {\"year\":2025,\"candidates\":[{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15118\"},\"facts\":{\"residents\":100,\"drugUsersRecorded\":101}}]} | candidates[0].facts.drugUsersRecorded | exceeds_total"
    })
    void badInputIsA400NamingTheFieldAndStoresNothing(String name, String body, String field, String code) {
        long before = store.count();
        Http.Response r = http.postJson("/api/v1/screenings", body.strip().replace("KT", KIEN_THO));
        assertProblem(r, field, code);
        assertEquals(before, store.count(), "nothing is stored");
    }

    /** A year below zero or beyond an int is told the range a year has, not the range of a count. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-1", "0", "2101", "99999999999"})
    void aYearOutOfRangeIsToldTheYearsRange(String year) {
        Http.Response r = http.postJson("/api/v1/screenings", "{\"year\":" + year + ",\"candidates\":[" + KIEN_THO + "]}");
        JsonNode e = Http.assertFieldError(r, "year", "out_of_range");
        assertEquals("year (" + year + ") is not between 2000 and 2100.", e.get("message").asString(), r::describe);
        assertEquals("year (" + year + ") không nằm trong khoảng từ 2000 đến 2100.", e.get("messageVi").asString(), r::describe);
    }

    @Test
    void moreThanAThousandCandidatesAreRefused() {
        StringBuilder body = new StringBuilder("{\"year\":2025,\"candidates\":[");
        for (int i = 0; i < 1001; i++) body.append(i == 0 ? "" : ",").append(KIEN_THO);
        Http.Response r = http.postJson("/api/v1/screenings", body.append("]}").toString());
        assertProblem(r, "candidates", "too_many");
    }

    @Test
    void everyBadFieldIsReportedOnceInCandidateOrder() {
        String body = "{\"year\":2025,\"candidates\":[" + KIEN_THO + ",{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"15115\"},"
                + "\"facts\":{\"residents\":\"x\"}},{},{},{},{},{},{},{},{\"area\":{\"codeScheme\":\"QD124_2004\",\"code\":\"1\"}}]}";
        JsonNode errors = http.postJson("/api/v1/screenings", body).json().get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asString()));
        assertEquals(List.of("candidates[1].facts.residents", "candidates[2].area", "candidates[3].area", "candidates[4].area",
                "candidates[5].area", "candidates[6].area", "candidates[7].area", "candidates[8].area", "candidates[9].area.code"), fields);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "7", "\"x\"", "{\"candidates\":[[[[[]]]]]}", "{\"candidates\":[{\"area\":[]}]}",
            "{\"year\":1e999999999,\"candidates\":[{\"facts\":[]}]}", "{\"year\":2025,\"candidates\":[{\"area\":{\"code\":{}}}]}",
            "{\"a\":1,\"a\":2}", "{\"candidates\":[null,{\"area\":null,\"facts\":null}]}"})
    void noBodyMakesTheServerFail(String body) {
        Http.Response r = http.postJson("/api/v1/screenings", body);
        assertEquals(400, r.status(), body + " → " + r.text());
    }

    @Test
    void anUnknownScreeningIsNotFound() {
        assertEquals(404, http.get("/api/v1/screenings/00000000-0000-0000-0000-000000000000").status());
        Http.Response r = http.get("/api/v1/screenings/not-a-uuid");
        assertEquals(404, r.status());
        assertEquals("application/problem+json", r.header("Content-Type").orElseThrow());
    }

    @Test
    void theOpenApiDescriptionHasTheScreeningEndpoints() {
        Http.Response r = http.get("/v3/api-docs");
        assertEquals(200, r.status());
        JsonNode paths = r.json().get("paths");
        assertTrue(paths.has("/api/v1/screenings"));
        assertTrue(paths.has("/api/v1/screenings/{id}"));
        assertNotEquals(-1, r.text().indexOf("ScreeningFacts"));
    }

    @Test
    void theDocumentedFactsAreExactlyTheFactsTheParserAccepts() {
        List<String> documented = java.util.Arrays.stream(ScreeningController.CandidateFactsSchema.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
        List<String> accepted = java.util.Arrays.stream(vn.chuyenhoa.screening.ScreeningFact.values())
                .map(vn.chuyenhoa.screening.ScreeningFact::jsonName).toList();
        assertEquals(accepted, documented);
    }

    public static void assertProblem(Http.Response r, String field, String code) {
        assertEquals(400, r.status(), r.text());
        assertEquals("application/problem+json", r.header("Content-Type").orElseThrow());
        JsonNode errors = r.json().get("errors");
        boolean found = false;
        for (JsonNode e : errors) {
            String f = e.get("field") == null || e.get("field").isNull() ? "" : e.get("field").asString();
            if (f.equals(field == null ? "" : field) && e.get("code").asString().equals(code)) {
                found = true;
                assertFalse(e.get("message").asString().isBlank());
                assertFalse(e.get("messageVi").asString().isBlank());
            }
        }
        assertTrue(found, "expected " + field + " " + code + " in " + errors);
    }

    static Map<String, JsonNode> communes(JsonNode doc) {
        Map<String, JsonNode> byCode = new HashMap<>();
        doc.get("communes").forEach(c -> byCode.put(c.get("area").get("code").asString(), c));
        return byCode;
    }
}
