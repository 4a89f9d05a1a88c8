package vn.chuyenhoa.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.support.Http.assertFieldError;
import static vn.chuyenhoa.support.Http.assertProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.access.Accounts;
import vn.chuyenhoa.access.Role;
import vn.chuyenhoa.audit.ChainVerifier;
import vn.chuyenhoa.support.Http.Response;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RunningServer;
import vn.chuyenhoa.support.Scenarios;

/**
 * Batches through the running server (api.md, POST /api/v1/evaluation-batches): each item answered as a single request
 * would be, in order, with {@code items[i].} field paths; the batch recorded whole, chained, and answered again
 * unchanged. Expected verdicts are those of the api.md example (every criterion met) and of an item without facts.
 */
@RunningServer
class EvaluationBatchApiTest {

    static final String BATCHES = "/api/v1/evaluation-batches";
    static final String VALID = Scenarios.API_MD_EXAMPLE;
    /** Phường Nếnh with no facts at all: every criterion lacks its data. */
    static final String NO_FACTS = """
            { "area": { "codeScheme": "QD124_2004", "code": "07795" },
              "period": { "from": "2024-03-15", "to": "2024-12-12" } }""";
    /** Phường Him Lam, Điện Biên (province 11). */
    static final String HIM_LAM = VALID.replace("\"code\": \"07795\", \"name\": \"Phường Nếnh\"",
            "\"code\": \"03127\", \"name\": \"Phường Him Lam\"");

    @LocalServerPort
    int port;

    @Autowired
    EvaluationStore store;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    Accounts accounts;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static String batch(String... items) {
        return "{\"items\": [" + String.join(",\n", items) + "]}";
    }

    @Test
    void eachItemIsAnOrdinaryEvaluationThatNamesItsBatch() {
        long before = store.count();
        Response r = http.postJson(BATCHES, batch(VALID, NO_FACTS, VALID));
        assertEquals(201, r.status(), r::describe);
        JsonNode answer = r.json();
        String id = answer.path("id").asString();
        assertEquals(BATCHES + "/" + id, r.header("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(""));
        assertFalse(answer.path("rulesetVersion").asString().isBlank(), r::describe);
        assertTrue(answer.path("submittedAt").asString().endsWith("Z"), r::describe);
        JsonNode counts = answer.path("counts");
        assertEquals(3, counts.path("items").asInt());
        assertEquals(3, counts.path("stored").asInt());
        assertEquals(0, counts.path("refused").asInt());
        assertEquals(2, counts.path("TRANSFORMED").asInt());
        assertEquals(1, counts.path("INSUFFICIENT_DATA").asInt());
        assertEquals(0, counts.path("NOT_TRANSFORMED").asInt());
        assertEquals(before + 3, store.count());

        JsonNode results = answer.path("results");
        assertEquals(3, results.size());
        List<String> verdicts = List.of("TRANSFORMED", "INSUFFICIENT_DATA", "TRANSFORMED");
        for (int i = 0; i < 3; i++) {
            JsonNode item = results.get(i);
            assertEquals(i, item.path("index").asInt());
            assertEquals(201, item.path("status").asInt());
            assertEquals(verdicts.get(i), item.path("verdict").asString());
            assertEquals("QD124_2004", item.path("area").path("codeScheme").asString());
            assertEquals("07795", item.path("area").path("code").asString());
            assertEquals("VIET_YEN_2024", item.path("profileId").asString());

            Response one = http.get("/api/v1/evaluations/" + item.path("id").asString());
            assertEquals(200, one.status(), one::describe);
            JsonNode doc = one.json();
            assertEquals(item.path("id").asString(), doc.path("id").asString());
            assertEquals(verdicts.get(i), doc.path("verdict").asString());
            assertEquals(id, doc.path("batchId").asString(), "the evaluation names its batch");
            assertEquals(answer.path("rulesetVersion").asString(), doc.path("rulesetVersion").asString(),
                    "one ruleset version per batch");
            // the item is stored as it was sent, so a replay reads the request it was decided on
            Response replay = http.postJson("/api/v1/evaluations/" + item.path("id").asString() + "/replay", "");
            assertEquals(200, replay.status(), replay::describe);
            assertTrue(replay.json().path("identical").asBoolean(), replay::describe);
        }
        EvaluationRecord stored = store.find(UUID.fromString(results.get(0).path("id").asString())).orElseThrow();
        assertEquals(VALID.strip(), stored.requestJson());
        // the fired rules, stored for auditors, keep one key order on every instance and run: each criterion's rule
        // with the table row it read, then the verdict's rule alone
        assertTrue(stored.firedRulesJson().matches("\\[(\\{\"criterion\":\"[^\"]+\",\"rule\":\"[^\"]+\","
                + "\"tableRule\":\"[^\"]+\"},)+\\{\"rule\":\"[^\"]+\"}]"), stored.firedRulesJson());

        Response later = http.get(BATCHES + "/" + id);
        assertEquals(200, later.status(), later::describe);
        assertEquals(r.text(), later.text(), "the same answer, byte for byte");
        assertTrue(verifier.verify().intact(), "the batch and its evaluations are in the audit chain");
    }

    @Test
    void refusedItemsAreAnsweredOnTheirOwnWithTheirPaths() {
        String badCount = VALID.replace("\"casesCleared\": 11", "\"casesCleared\": \"11\"");
        String badArea = NO_FACTS.replace("\"07795\"", "\"99999\"");
        String tooManyCleared = VALID.replace("\"casesCleared\": 11", "\"casesCleared\": 14");
        String falseReason = VALID.replace("\"profileId\": null", "\"profileId\": null, \"supersedes\": \""
                + UUID.randomUUID() + "\", \"reason\": false");
        long before = store.count();
        Response r = http.postJson(BATCHES, batch(VALID, badCount, "42", badArea, tooManyCleared, falseReason));
        assertEquals(201, r.status(), r::describe);
        JsonNode results = r.json().path("results");
        assertEquals(6, results.size());
        assertEquals(201, results.get(0).path("status").asInt());
        assertError(results.get(1), 1, "items[1].facts.casesCleared", "not_an_integer");
        assertError(results.get(2), 2, "items[2]", "wrong_type");
        assertError(results.get(3), 3, "items[3].area.code", "unknown_code");
        assertError(results.get(4), 4, "items[4].facts.casesCleared", "exceeds_total");
        assertError(results.get(5), 5, "items[5].reason", "wrong_type");
        assertTrue(results.get(1).path("errors").get(0).path("message").asString().startsWith("items[1].facts.casesCleared"),
                results.get(1)::toString);
        // a message naming two fields names both from the batch's root, as field does (trial-ops finding 9)
        JsonNode crossField = results.get(4).path("errors").get(0);
        assertEquals("items[4].facts.casesCleared (14) is greater than items[4].facts.casesOccurred (13).",
                crossField.path("message").asString(), crossField::toString);
        assertEquals("items[4].facts.casesCleared (14) lớn hơn items[4].facts.casesOccurred (13).",
                crossField.path("messageVi").asString(), crossField::toString);
        assertEquals(1, r.json().path("counts").path("stored").asInt());
        assertEquals(5, r.json().path("counts").path("refused").asInt());
        assertEquals(before + 1, store.count(), "only the valid item is stored");
    }

    static void assertError(JsonNode result, int index, String field, String code) {
        assertEquals(index, result.path("index").asInt(), result::toString);
        assertEquals(400, result.path("status").asInt(), result::toString);
        assertFalse(result.has("id"), result::toString);
        JsonNode errors = result.path("errors");
        assertEquals(1, errors.size(), result::toString);
        assertEquals(field, errors.get(0).path("field").asString(), result::toString);
        assertEquals(code, errors.get(0).path("code").asString(), result::toString);
        assertFalse(errors.get(0).path("messageVi").asString().isBlank(), result::toString);
    }

    @Test
    void anItemOutsideTheCallersProvincesIs403AndTheOthersAreStored() {
        String name = "lo.bacgiang-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "Hệ thống đánh giá tỉnh Bắc Giang (kiểm thử lô)", null, Set.of(Role.EVALUATOR), false,
                Set.of("QD124_2004:24"), "kiemthu");
        Http bacGiang = http.as(accounts.issueToken(name, "kiểm thử lô", "kiemthu").secret());
        long before = store.count();
        Response r = bacGiang.postJson(BATCHES, batch(VALID, HIM_LAM));
        assertEquals(201, r.status(), r::describe);
        JsonNode results = r.json().path("results");
        assertEquals(201, results.get(0).path("status").asInt(), r::describe);
        JsonNode outside = results.get(1);
        assertEquals(403, outside.path("status").asInt(), r::describe);
        assertEquals("urn:chuyenhoa:problem:outside-scope", outside.path("type").asString());
        assertTrue(outside.path("detailVi").asString().contains("Tỉnh Điện Biên (11)"), outside::toString);
        assertFalse(outside.has("id"));
        assertEquals(before + 1, store.count());
        assertEquals(name, store.find(UUID.fromString(results.get(0).path("id").asString())).orElseThrow().submitter());
    }

    @Test
    void aSupersessionThatDoesNotHoldIs409ForThatItemOnly() {
        Response first = http.postJson("/api/v1/evaluations", VALID);
        assertEquals(201, first.status(), first::describe);
        String oldId = first.json().path("id").asString();
        String superseding = VALID.replace("\"profileId\": null", "\"profileId\": null, \"supersedes\": \"" + oldId
                + "\", \"reason\": \"số liệu quý sửa lại\"");

        // the first item replaces it; the second, in the same batch, finds it already replaced
        Response r = http.postJson(BATCHES, batch(superseding, superseding));
        assertEquals(201, r.status(), r::describe);
        JsonNode results = r.json().path("results");
        assertEquals(201, results.get(0).path("status").asInt(), r::describe);
        assertEquals(409, results.get(1).path("status").asInt(), r::describe);
        assertEquals("urn:chuyenhoa:problem:not-in-force", results.get(1).path("type").asString());
        assertEquals("SUPERSEDED", http.get("/api/v1/evaluations/" + oldId + "/status").json().path("state").asString());

        // later, as a single request would be: 409
        Response again = http.postJson(BATCHES, batch(superseding));
        assertEquals(409, again.json().path("results").get(0).path("status").asInt(), again::describe);
        assertTrue(verifier.verify().intact());
    }

    @Test
    void aBatchWhoseItemsAreAllRefusedIsStillRecorded() {
        long before = store.count();
        Response r = http.postJson(BATCHES, batch("{}", "null"));
        assertEquals(201, r.status(), r::describe);
        JsonNode answer = r.json();
        assertEquals(0, answer.path("counts").path("stored").asInt());
        assertEquals(2, answer.path("counts").path("refused").asInt());
        assertEquals(400, answer.path("results").get(0).path("status").asInt());
        assertTrue(answer.path("results").get(0).path("errors").toString().contains("items[0].area"), r::describe);
        assertEquals(before, store.count());
        Response later = http.get(BATCHES + "/" + answer.path("id").asString());
        assertEquals(r.text(), later.text());
    }

    @Test
    void aDryRunDecidesAndStoresNothing() {
        long before = store.count();
        Response r = http.postJson(BATCHES + "?dryRun=true", batch(VALID, "{}"));
        assertEquals(200, r.status(), r::describe);
        assertTrue(r.header("Location").isEmpty());
        JsonNode answer = r.json();
        assertFalse(answer.has("id"), r::describe);
        assertEquals("TRANSFORMED", answer.path("results").get(0).path("verdict").asString());
        assertFalse(answer.path("results").get(0).has("id"), r::describe);
        assertEquals(400, answer.path("results").get(1).path("status").asInt());
        assertEquals(before, store.count());
    }

    @Test
    void aDryRunWithoutATrueOrFalseValueIsRefusedNotStored() {
        long before = store.count();
        for (String value : List.of("", "maybe", "%20")) {
            assertFieldError(http.postJson(BATCHES + "?dryRun=" + value, batch(VALID)), "dryRun", "invalid_value");
        }
        assertEquals(before, store.count(), "an empty dryRun is not a real write");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswer() {
        String key = "lo-" + UUID.randomUUID();
        String body = batch(VALID, NO_FACTS);
        Response first = http.postJson(BATCHES, body, "Idempotency-Key", key);
        assertEquals(201, first.status(), first::describe);
        long after = store.count();
        Response retry = http.postJson(BATCHES, body, "Idempotency-Key", key);
        assertEquals(201, retry.status(), retry::describe);
        assertEquals("true", retry.header("Idempotent-Replayed").orElse(""));
        assertEquals(first.text(), retry.text());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(after, store.count(), "nothing stored twice");
        assertProblem(http.postJson(BATCHES, batch(VALID), "Idempotency-Key", key), 422);

        Response other = http.postJson(BATCHES, body);
        assertNotEquals(first.json().path("id"), other.json().path("id"), "no key: another batch");
    }

    @Test
    void aBodyThatIsNotABatchIs400AndNothingIsStored() {
        long before = store.count();
        assertFieldError(http.postJson(BATCHES, "{\"items\": ["), null, "malformed_json");
        assertFieldError(http.postJson(BATCHES, "{}"), "items", "required");
        assertFieldError(http.postJson(BATCHES, "{\"items\": {}}"), "items", "wrong_type");
        assertFieldError(http.postJson(BATCHES, "{\"items\": []}"), "items", "out_of_range");
        assertFieldError(http.postJson(BATCHES, "{\"items\": [], \"dryrun\": true}".replace("[]", "[{}]")), "dryrun",
                "unknown_field");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < EvaluationBatches.MAX_ITEMS + 1; i++) many.add(NO_FACTS);
        assertFieldError(http.postJson(BATCHES, batch(many.toArray(String[]::new))), "items", "out_of_range");
        assertEquals(before, store.count());
    }

    @Test
    void anUnknownBatchIs404() {
        assertProblem(http.get(BATCHES + "/" + UUID.randomUUID()), 404);
        assertProblem(http.get(BATCHES + "/not-a-uuid"), 404);
    }

    @Test
    void idsAreDistinctAcrossManyItems() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) items.add(i % 2 == 0 ? VALID : NO_FACTS);
        Response r = http.postJson(BATCHES, batch(items.toArray(String[]::new)));
        assertEquals(201, r.status(), r::describe);
        Set<String> ids = new HashSet<>();
        JsonNode results = r.json().path("results");
        for (int i = 0; i < 300; i++) {
            assertEquals(i, results.get(i).path("index").asInt());
            assertEquals(i % 2 == 0 ? "TRANSFORMED" : "INSUFFICIENT_DATA", results.get(i).path("verdict").asString());
            ids.add(results.get(i).path("id").asString());
        }
        assertEquals(300, ids.size());
        assertTrue(verifier.verify().intact());
    }
}
