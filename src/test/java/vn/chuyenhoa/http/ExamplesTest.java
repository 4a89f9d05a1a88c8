package vn.chuyenhoa.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.RunningServer;
import vn.chuyenhoa.support.Scenarios;

/**
 * Every request in examples/ through the running server returns the verdict worked out by hand in examples/README.md,
 * so the README's curl calls show what a newcomer will really get.
 */
@RunningServer
class ExamplesTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "phuong-nenh-viet-yen.json, VIET_YEN_2024, TRANSFORMED, ''",
        "thi-tran-ngoc-lac.json,    NGOC_LAC_2024, TRANSFORMED, ''",
        "xa-kien-tho.json,          NGOC_LAC_2024, NOT_TRANSFORMED, CLEARANCE_RATE=NOT_MET;HOTSPOTS_REDUCED=NOT_MET;NO_NEW_HOTSPOTS=NOT_MET;SERIOUS_CLEARANCE_RATE=NOT_APPLICABLE",
        "xa-nguyet-an.json,         NGOC_LAC_2024, INSUFFICIENT_DATA, CRIME_REDUCTION=MISSING_DATA;HOTSPOTS_REDUCED=MISSING_DATA;SERIOUS_CLEARANCE_RATE=NOT_APPLICABLE"
    })
    void exampleGivesTheVerdictItsFactsImply(String file, String profile, String verdict, String exceptions) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/evaluations"))
                .header("Content-Type", "application/json")
                // the README's curl examples send the demo system's token
                .header("Authorization", "Bearer demo-token-hethong")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(Path.of("examples", file)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        JsonNode doc = Scenarios.JSON.readTree(r.body());
        assertEquals(verdict, doc.get("verdict").asString());
        assertEquals(profile, doc.get("profile").get("id").asString());

        // every criterion not listed as an exception is MET
        Map<String, String> expected = new HashMap<>();
        if (!exceptions.isBlank()) {
            for (String pair : exceptions.split(";")) expected.put(pair.split("=")[0], pair.split("=")[1]);
        }
        for (JsonNode c : doc.get("criteria")) {
            String id = c.get("id").asString();
            assertEquals(expected.getOrDefault(id, "MET"), c.get("outcome").asString(), id);
            assertTrue(c.has("explanationVi") && c.has("explanationEn") && c.has("source") && c.has("legalBasis"), id);
        }
    }

    /** The README's batch call: the four examples in one call, one result each, in order, as each alone answers. */
    @Test
    void theBatchExampleAnswersEachItemAsItsOwnFileDoes() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/evaluation-batches"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer demo-token-hethong")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(Path.of("examples", "batch-four-areas.json"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        JsonNode answer = Scenarios.JSON.readTree(r.body());
        assertEquals(4, answer.get("counts").get("stored").asInt(), r.body());
        String[] verdicts = {"TRANSFORMED", "TRANSFORMED", "NOT_TRANSFORMED", "INSUFFICIENT_DATA"};
        for (int i = 0; i < 4; i++) {
            assertEquals(201, answer.get("results").get(i).get("status").asInt(), r.body());
            assertEquals(verdicts[i], answer.get("results").get(i).get("verdict").asString(), r.body());
        }
    }
}
