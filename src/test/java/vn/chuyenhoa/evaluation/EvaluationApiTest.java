package vn.chuyenhoa.evaluation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.support.Http.assertFieldError;
import static vn.chuyenhoa.support.Http.assertProblem;

import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.access.Accounts;
import vn.chuyenhoa.access.Role;
import vn.chuyenhoa.ruleset.RuleFile;
import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.Http.Response;
import vn.chuyenhoa.support.RunningServer;
import vn.chuyenhoa.support.ShippedRows;

/**
 * The evaluation API through the real server (shared with the other @RunningServer classes), on the real rule
 * files: bad input of domain spec §3.3 is refused with one located error and nothing stored, stored verdicts come back
 * byte for byte, and no request at all can make the service answer 5xx. Expected values come from api.md and the
 * domain spec, worked by hand, never from a run.
 */
@RunningServer
class EvaluationApiTest {

    static final String EVALUATIONS = "/api/v1/evaluations";

    /** The request of api.md: every VIET_YEN_2024 criterion met (see scenario viet_yen_api_example). */
    static final String VALID = vn.chuyenhoa.support.Scenarios.API_MD_EXAMPLE;

    /** Xã Kiên Thọ (Ngọc Lặc, Thanh Hóa), used only by the search test so that its counts are its own. */
    static final String KIEN_THO = """
            { "area": { "codeScheme": "QD124_2004", "code": "15118" },
              "period": { "from": "2024-01-01", "to": "2024-12-12" }%s }
            """;

    static final List<String> CORE = List.of("TIPS_RESOLVED", "POLITICAL_SYSTEM", "SELF_MANAGEMENT_MODEL",
            "HOUSEHOLDS_INFORMED", "NO_ORGANIZED_CRIME", "CLEARANCE_RATE", "SERIOUS_CLEARANCE_RATE", "RECIDIVISM");

    static String expectedVersion;
    static List<RuleFile> ruleFiles;

    @LocalServerPort
    int port;

    @Autowired
    EvaluationStore store;

    @Autowired
    Accounts accounts;

    Http http;

    @BeforeAll
    static void readTheRuleFilesAsTheServerDoes() {
        // the server runs with chuyenhoa.ruleset.root=. and the tests run in the project folder
        ruleFiles = RuleFiles.read(Path.of(""), List.of("rules", "decision-tables"));
        expectedVersion = RuleFiles.versionId(ruleFiles);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static String validWith(String... replacements) {
        String body = VALID;
        for (int i = 0; i < replacements.length; i += 2) {
            if (!body.contains(replacements[i])) throw new IllegalArgumentException("not in VALID: " + replacements[i]);
            body = body.replace(replacements[i], replacements[i + 1]);
        }
        return body;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Bad input (domain spec §3.3)

    record Bad(String name, String body, String field, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badInputs() {
        return Stream.of(
                new Bad("malformed JSON", VALID.substring(0, VALID.indexOf("\"facts\"") + 9), null, "malformed_json"),
                new Bad("unknown top-level key", validWith("\"profileId\": null", "\"profile\": null"),
                        "profile", "unknown_field"),
                new Bad("unknown key in area", validWith("\"code\": \"07795\"", "\"code\": \"07795\", \"district\": \"222\""),
                        "area.district", "unknown_field"),
                new Bad("unknown key in period", validWith("\"to\": \"2024-12-12\"", "\"to\": \"2024-12-12\", \"until\": \"2024-12-31\""),
                        "period.until", "unknown_field"),
                new Bad("unknown fact (misspelt)", validWith("\"casesCleared\": 11", "\"casesSolved\": 11"),
                        "facts.casesSolved", "unknown_field"),
                new Bad("fractional count 5.0", validWith("\"effectiveModels\": 2", "\"effectiveModels\": 5.0"),
                        "facts.effectiveModels", "not_an_integer"),
                new Bad("count with exponent 1e1", validWith("\"effectiveModels\": 2", "\"effectiveModels\": 1e1"),
                        "facts.effectiveModels", "not_an_integer"),
                new Bad("count as a string \"5\"", validWith("\"effectiveModels\": 2", "\"effectiveModels\": \"5\""),
                        "facts.effectiveModels", "not_an_integer"),
                new Bad("negative count", validWith("\"newHotspotsFormed\": 0", "\"newHotspotsFormed\": -1"),
                        "facts.newHotspotsFormed", "out_of_range"),
                new Bad("count 2147483648 (2^31)", validWith("\"effectiveModels\": 2", "\"effectiveModels\": 2147483648"),
                        "facts.effectiveModels", "out_of_range"),
                new Bad("flag as 1", validWith("\"politicalSystemConsolidated\": true", "\"politicalSystemConsolidated\": 1"),
                        "facts.politicalSystemConsolidated", "not_a_boolean"),
                new Bad("flag as \"true\"", validWith("\"organizedCrimeSigns\": false", "\"organizedCrimeSigns\": \"true\""),
                        "facts.organizedCrimeSigns", "not_a_boolean"),
                new Bad("tips resolved > received", validWith("\"tipsResolved\": 41", "\"tipsResolved\": 42"),
                        "facts.tipsResolved", "exceeds_total"),
                new Bad("cases cleared > occurred", validWith("\"casesCleared\": 11", "\"casesCleared\": 14"),
                        "facts.casesCleared", "exceeds_total"),
                new Bad("serious cleared > prosecuted", validWith("\"seriousCasesCleared\": 2", "\"seriousCasesCleared\": 3"),
                        "facts.seriousCasesCleared", "exceeds_total"),
                new Bad("reoffended > released", validWith("\"releasedReoffended\": 3", "\"releasedReoffended\": 28"),
                        "facts.releasedReoffended", "exceeds_total"),
                new Bad("households informed > total", validWith("\"householdsInformed\": 3120", "\"householdsInformed\": 3121"),
                        "facts.householdsInformed", "exceeds_total"),
                new Bad("unknown code scheme", validWith("\"QD124_2004\"", "\"QD124_2005\""),
                        "area.codeScheme", "unknown_scheme"),
                new Bad("code not in its scheme", validWith("\"07795\"", "\"99999\""),
                        "area.code", "unknown_code"),
                new Bad("name of another commune", validWith("\"Phường Nếnh\"", "\"Xã Kiên Thọ\""),
                        "area.name", "name_mismatch"),
                new Bad("reversed period", validWith("{ \"from\": \"2024-03-15\", \"to\": \"2024-12-12\" }",
                        "{ \"from\": \"2024-12-12\", \"to\": \"2024-03-15\" }"), "period", "reversed_period"),
                new Bad("reversed baselinePeriod", validWith("{ \"from\": \"2023-03-15\", \"to\": \"2023-12-12\" }",
                        "{ \"from\": \"2023-12-12\", \"to\": \"2023-03-15\" }"), "baselinePeriod", "reversed_period"),
                new Bad("baseline ending on period.from", validWith("{ \"from\": \"2023-03-15\", \"to\": \"2023-12-12\" }",
                        "{ \"from\": \"2023-03-15\", \"to\": \"2024-03-15\" }"), "baselinePeriod", "baseline_not_before_period"),
                new Bad("unknown profileId", validWith("\"profileId\": null", "\"profileId\": \"VIET_YEN_2025\""),
                        "profileId", "unknown_profile"),
                // NATIONAL_CORE is valid from 2017-01-01 and no other profile covers Việt Yên in 2016
                new Bad("period.to no profile covers", validWith(
                        "{ \"from\": \"2024-03-15\", \"to\": \"2024-12-12\" }", "{ \"from\": \"2016-01-01\", \"to\": \"2016-06-30\" }",
                        "{ \"from\": \"2023-03-15\", \"to\": \"2023-12-12\" }", "{ \"from\": \"2015-01-01\", \"to\": \"2015-06-30\" }"),
                        "period.to", "no_profile"),
                new Bad("missing area", validWith("\"area\": { \"codeScheme\": \"QD124_2004\", \"code\": \"07795\", \"name\": \"Phường Nếnh\" },", ""),
                        "area", "required"),
                new Bad("missing period", validWith("\"period\":         { \"from\": \"2024-03-15\", \"to\": \"2024-12-12\" },", ""),
                        "period", "required"),
                // beyond §3.3: a reason is recorded only with the evaluation it supersedes, in at most 4000 characters
                new Bad("reason without supersedes", validWith("\"profileId\": null", "\"reason\": \"số liệu sai\""),
                        "reason", "requires_supersedes"),
                new Bad("supersession reason over 4000 characters", validWith("\"profileId\": null",
                        "\"supersedes\": \"" + UUID.randomUUID() + "\", \"reason\": \"" + "x".repeat(4001) + "\""),
                        "reason", "too_long"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithOneLocatedErrorAndNothingIsStored(Bad bad) {
        long before = store.count();
        Response r = http.postJson(EVALUATIONS, bad.body());
        assertFieldError(r, bad.field(), bad.code());
        assertEquals(before, store.count(), "nothing stored");
    }

    /**
     * An evaluating system limited to Bắc Giang (QD124_2004:24) may submit for Phường Nếnh, recorded under its name,
     * and is refused for Phường Him Lam of Điện Biên (province 11) with nothing stored; a bad body is still a 400
     * first. National evaluators (the tester here, demo-token-hethong in ExamplesTest) submit anywhere.
     */
    @Test
    void anEvaluatorLimitedToProvincesIsRefusedOutsideThem() {
        String name = "danhgia.bacgiang-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "Hệ thống đánh giá tỉnh Bắc Giang (kiểm thử)", null, Set.of(Role.EVALUATOR), false,
                Set.of("QD124_2004:24"), "kiemthu");
        Http bacGiang = http.as(accounts.issueToken(name, "kiểm thử phạm vi tỉnh", "kiemthu").secret());

        Response inside = bacGiang.postJson(EVALUATIONS, VALID);
        assertEquals(201, inside.status(), inside::describe);
        UUID id = UUID.fromString(inside.json().path("id").asString());
        assertEquals(name, store.find(id).orElseThrow().submitter());

        String himLam = validWith("\"code\": \"07795\", \"name\": \"Phường Nếnh\"",
                "\"code\": \"03127\", \"name\": \"Phường Him Lam\"");
        long before = store.count();
        JsonNode p = assertProblem(bacGiang.postJson(EVALUATIONS, himLam), 403);
        assertEquals("urn:chuyenhoa:problem:outside-scope", p.path("type").asString());
        assertTrue(p.path("detail").asString().contains("Tỉnh Điện Biên (11)"), p::toString);
        assertTrue(p.path("detailVi").asString().contains("Tỉnh Điện Biên (11)"), p::toString);
        // the caller's own provinces by name beside the code, as pages say them
        assertTrue(p.path("detailVi").asString().contains("Tỉnh Bắc Giang (24)"), p::toString);
        assertEquals(before, store.count(), "nothing stored");
        assertFieldError(bacGiang.postJson(EVALUATIONS, himLam.replace("\"casesCleared\": 11", "\"casesSolved\": 11")),
                "facts.casesSolved", "unknown_field");
        assertEquals(before, store.count());

        assertEquals(201, http.postJson(EVALUATIONS, himLam).status(), "a national evaluator submits anywhere");
    }

    @Test
    void anotherContentTypeIs415() {
        long before = store.count();
        assertProblem(http.post(EVALUATIONS, "text/plain", VALID.getBytes(UTF_8)), 415);
        assertEquals(before, store.count());
    }

    @Test
    void anUnknownOrMalformedIdIs404() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "1-2-3-4-5")) {
            assertProblem(http.get(EVALUATIONS + "/" + id), 404);
            assertProblem(http.get(EVALUATIONS + "/" + id + "/status"), 404);
        }
    }

    @Test
    void whatTomcatRefusesByItselfIsAProblemToo() {
        // an encoded slash or backslash never reaches Spring: the container refuses the request line
        assertProblem(http.get(EVALUATIONS + "/a%2Fb"), 400);
        assertProblem(http.post(EVALUATIONS + "/a%5Cb/withdrawal", Http.JSON, "{\"reason\": \"x\"}".getBytes(UTF_8)), 400);
        // Spring Boot's own error page is not an endpoint of this API
        assertProblem(http.get("/error"), 404);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Creating and reading back

    @Test
    void aValidRequestIsStoredAndReadBackByteForByte() {
        long before = store.count();
        Instant start = Instant.now().minusSeconds(1);
        Response created = http.postJson(EVALUATIONS, VALID);
        Instant end = Instant.now().plusSeconds(1);

        assertEquals(201, created.status(), created::describe);
        assertEquals(Http.JSON, created.mediaType());
        JsonNode doc = created.json();
        String id = doc.path("id").asString();
        assertEquals(UUID.fromString(id).toString(), id);
        assertEquals(EVALUATIONS + "/" + id, created.header("Location").orElseThrow());
        assertEquals(before + 1, store.count());

        // api.md example, worked out in scenario viet_yen_api_example: every criterion of VIET_YEN_2024 met
        assertEquals("TRANSFORMED", doc.path("verdict").asString());
        assertEquals("VIET_YEN_2024", doc.path("profile").path("id").asString());
        assertEquals("SCOPE", doc.path("profile").path("selectedBy").asString());
        assertEquals("222", doc.path("area").path("districtCode").asString());
        assertEquals("24", doc.path("area").path("provinceCode").asString());
        Set<String> expected = new LinkedHashSet<>(CORE);
        expected.addAll(List.of("COMMUNITY_RULES", "CRIME_REDUCTION"));
        assertEquals(expected, criteria(doc).keySet());
        criteria(doc).values().forEach(c -> assertEquals("MET", c.path("outcome").asString(), c::toString));
        JsonNode clearance = criteria(doc).get("CLEARANCE_RATE");
        assertEquals("84.62", clearance.path("actual").asString()); // 11/13 = 84.615… rounded half up
        assertEquals(11, clearance.path("numerator").asInt());
        assertEquals(13, clearance.path("denominator").asInt());
        assertEquals(">=", clearance.path("comparison").asString());
        assertEquals("80", clearance.path("threshold").asString());
        assertEquals("decision-tables/profiles.drl.xlsx", clearance.path("source").path("file").asString());
        assertEquals(ShippedRows.cell("decision-tables/profiles.drl.xlsx", "Thresholds", "C", "VIET_YEN_2024",
                "CLEARANCE_RATE"),
                clearance.path("source").path("cell").asString());
        assertEquals(0, doc.path("missingFacts").size());

        String version = doc.path("rulesetVersion").asString();
        assertTrue(version.matches("[0-9a-f]{64}"), version);
        assertEquals(expectedVersion, version);
        String at = doc.path("evaluatedAt").asString();
        assertTrue(at.endsWith("Z"), at);
        Instant evaluatedAt = Instant.parse(at);
        assertTrue(!evaluatedAt.isBefore(start) && !evaluatedAt.isAfter(end), at);

        Response read = http.get(created.header("Location").orElseThrow());
        assertEquals(200, read.status(), read::describe);
        assertEquals(Http.JSON, read.mediaType());
        assertArrayEquals(created.body(), read.body(), "the stored document, byte for byte");
    }

    @Test
    void aDryRunAnswersWithoutStoring() {
        long before = store.count();
        Response r = http.postJson(EVALUATIONS + "?dryRun=true", VALID);
        assertEquals(200, r.status(), r::describe);
        assertEquals(Http.JSON, r.mediaType());
        assertTrue(r.header("Location").isEmpty());
        JsonNode doc = r.json();
        assertFalse(doc.has("id"), r::describe);
        assertEquals("TRANSFORMED", doc.path("verdict").asString());
        assertEquals(expectedVersion, doc.path("rulesetVersion").asString());
        assertEquals(before, store.count());
    }

    @Test
    void aDryRunWithoutATrueOrFalseValueIsRefusedNotStored() {
        long before = store.count();
        for (String value : List.of("", "maybe", "%20")) {
            Http.assertFieldError(http.postJson(EVALUATIONS + "?dryRun=" + value, VALID), "dryRun", "invalid_value");
        }
        assertEquals(before, store.count(), "an empty dryRun is not a real write");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        String key = "retry-" + UUID.randomUUID();
        long before = store.count();
        Response first = http.postJson(EVALUATIONS, VALID, "Idempotency-Key", key);
        Response again = http.postJson(EVALUATIONS, VALID, "Idempotency-Key", key);
        assertEquals(201, first.status(), first::describe);
        assertEquals(201, again.status(), again::describe);
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.json().path("id").asString(), again.json().path("id").asString());
        assertArrayEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed").orElse(null));
        assertEquals(before + 1, store.count(), "stored once");

        Response other = http.postJson(EVALUATIONS, validWith("\"casesCleared\": 11", "\"casesCleared\": 10"),
                "Idempotency-Key", key);
        assertProblem(other, 422);
        assertEquals(before + 1, store.count(), "nothing more stored");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Withdrawal and supersession

    @Test
    void aWithdrawalIsRecordedBesideTheUnchangedEvaluation() {
        Response created = create(VALID);
        String id = created.json().path("id").asString();
        String path = EVALUATIONS + "/" + id;
        String reason = "Nhập nhầm số vụ án đã điều tra, khám phá";

        Response missing = http.postJson(path + "/withdrawal", "{}");
        assertFieldError(missing, "reason", "required");
        assertFieldError(http.postJson(path + "/withdrawal", "{\"reason\": \"  \"}"), "reason", "required");
        assertEquals("ACTIVE", http.get(path + "/status").json().path("state").asString());

        Response withdrawn = http.postJson(path + "/withdrawal", "{\"reason\": \"" + reason + "\"}");
        assertEquals(200, withdrawn.status(), withdrawn::describe);
        JsonNode status = withdrawn.json();
        assertEquals(id, status.path("id").asString());
        assertEquals("WITHDRAWN", status.path("state").asString());
        assertEquals(1, status.path("events").size());
        assertEquals("WITHDRAWN", status.path("events").get(0).path("kind").asString());
        assertEquals(reason, status.path("events").get(0).path("reason").asString());

        assertArrayEquals(created.body(), http.get(path).body(), "the evaluation itself never changes");
        Response read = http.get(path + "/status");
        assertEquals(200, read.status());
        assertEquals("WITHDRAWN", read.json().path("state").asString());
        assertEquals(reason, read.json().path("events").get(0).path("reason").asString());

        assertProblem(http.postJson(path + "/withdrawal", "{\"reason\": \"lần hai\"}"), 409);
        assertEquals(1, http.get(path + "/status").json().path("events").size());
        assertProblem(http.postJson(EVALUATIONS + "/" + UUID.randomUUID() + "/withdrawal", "{\"reason\": \"x\"}"), 404);
        assertProblem(http.postJson(EVALUATIONS + "/nope/withdrawal", "{\"reason\": \"x\"}"), 404);
    }

    /**
     * Issue 11: every write body is read as strictly as an evaluation request — before, a withdrawal took
     * {@code "reason": false} as the reason "false", and unknown keys were ignored on withdrawal, activation and impact.
     */
    @Test
    void everyWriteBodyIsReadAsStrictlyAsAnEvaluation() {
        String path = EVALUATIONS + "/" + create(VALID).json().path("id").asString();
        assertFieldError(http.postJson(path + "/withdrawal", "{\"reason\": false}"), "reason", "wrong_type");
        assertFieldError(http.postJson(path + "/withdrawal", "{\"reason\": \"sai\", \"reasn\": \"x\"}"), "reasn",
                "unknown_field");
        assertFieldError(http.postJson(path + "/withdrawal", "{\"reason\": "), null, "malformed_json");
        assertEquals("ACTIVE", http.get(path + "/status").json().path("state").asString(), "nothing withdrawn");

        String activate = "/api/v1/rulesets/" + expectedVersion + "/activate";
        assertFieldError(http.postJson(activate, "{\"comment\": false}"), "comment", "wrong_type");
        assertFieldError(http.postJson(activate, "{\"comment\": \"" + "x".repeat(4001) + "\"}"), "comment", "too_long");
        assertFieldError(http.postJson(activate, "{\"comment\": \"ok\", \"confirm\": true}"), "confirm", "unknown_field");

        String impact = "/api/v1/rulesets/" + expectedVersion + "/impact";
        assertFieldError(http.postJson(impact, "{\"includeWithdrawn\": \"true\"}"), "includeWithdrawn", "not_a_boolean");
        assertFieldError(http.postJson(impact, "{\"periodFrom\": \"2024-02-30\"}"), "periodFrom", "invalid_date");
        assertFieldError(http.postJson(impact, "{\"province\": \"24\"}"), "province", "unknown_field");
        // a filter that would match nothing unseen, or no JSON object at all, starts no job
        assertFieldError(http.postJson(impact, "{\"codeScheme\": \"X\"}"), "codeScheme", "invalid_value");
        assertFieldError(http.postJson(impact, "{\"periodFrom\": \"2025-01-01\", \"periodTo\": \"2024-01-01\"}"),
                "periodTo", "before_start");
        assertFieldError(http.postJson(impact, ""), null, "malformed_json");
        assertFieldError(http.post(impact, null, new byte[0]), null, "malformed_json");
        Http.assertProblem(http.post(impact, null, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 415);
        Http.assertProblem(http.post(impact, "text/plain", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 415);
        Response started = http.postJson(impact, "{\"provinceCode\": \"24\"}");
        assertEquals(202, started.status(), started::describe);
    }

    @Test
    void aWithdrawalReasonLongerThanTheStoreKeepsIsRefused() {
        String path = EVALUATIONS + "/" + create(VALID).json().path("id").asString();
        assertFieldError(http.postJson(path + "/withdrawal", "{\"reason\": \"" + "x".repeat(4001) + "\"}"),
                "reason", "too_long");
        assertEquals("ACTIVE", http.get(path + "/status").json().path("state").asString());
        Response ok = http.postJson(path + "/withdrawal", "{\"reason\": \"" + "x".repeat(4000) + "\"}");
        assertEquals(200, ok.status(), ok::describe);
    }

    @Test
    void aNewEvaluationSupersedesAnActiveOne() {
        Response old = create(VALID);
        String oldId = old.json().path("id").asString();
        String reason = "Số vụ án được điều tra, khám phá đã được Công an thị xã điều chỉnh";
        String superseding = validWith("\"casesCleared\": 11", "\"casesCleared\": 12",
                "\"profileId\": null", "\"profileId\": null, \"supersedes\": \"" + oldId + "\", \"reason\": \"" + reason + "\"");

        long before = store.count();
        Response created = http.postJson(EVALUATIONS, superseding);
        assertEquals(201, created.status(), created::describe);
        JsonNode doc = created.json();
        String newId = doc.path("id").asString();
        assertEquals(oldId, doc.path("supersedes").path("evaluationId").asString());
        assertEquals(reason, doc.path("supersedes").path("reason").asString());
        assertEquals(before + 1, store.count());

        JsonNode status = http.get(EVALUATIONS + "/" + oldId + "/status").json();
        assertEquals("SUPERSEDED", status.path("state").asString());
        assertEquals(newId, status.path("events").get(0).path("supersededBy").asString());
        assertEquals(reason, status.path("events").get(0).path("reason").asString());
        assertArrayEquals(old.body(), http.get(EVALUATIONS + "/" + oldId).body(), "the old document never changes");
        assertEquals("ACTIVE", http.get(EVALUATIONS + "/" + newId + "/status").json().path("state").asString());

        assertProblem(http.postJson(EVALUATIONS, superseding), 409);
        assertProblem(http.postJson(EVALUATIONS + "/" + oldId + "/withdrawal", "{\"reason\": \"x\"}"), 409);
        assertFieldError(http.postJson(EVALUATIONS, superseding.replace(oldId, UUID.randomUUID().toString())),
                "supersedes", "unknown_evaluation");
        assertFieldError(http.postJson(EVALUATIONS, superseding.replace(", \"reason\": \"" + reason + "\"", "")),
                "reason", "required");
        assertEquals(before + 1, store.count(), "no refused supersession is stored");
    }

    @Test
    void aWithdrawnEvaluationCannotBeSuperseded() {
        String id = create(VALID).json().path("id").asString();
        assertEquals(200, http.postJson(EVALUATIONS + "/" + id + "/withdrawal", "{\"reason\": \"sai\"}").status());
        long before = store.count();
        assertProblem(http.postJson(EVALUATIONS, validWith("\"profileId\": null",
                "\"supersedes\": \"" + id + "\", \"reason\": \"thay thế\"")), 409);
        assertEquals(before, store.count());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Search

    @Test
    void searchFiltersAndPages() {
        String area = "codeScheme=QD124_2004&areaCode=15118";
        long before = http.get(EVALUATIONS + "?" + area).json().path("totalItems").asLong();

        // no facts at all: every criterion lacks data, none fails → INSUFFICIENT_DATA (§3.2)
        String insufficient = create(KIEN_THO.formatted("")).json().path("id").asString();
        String progress = create(KIEN_THO.formatted(", \"purpose\": \"PROGRESS\"")).json().path("id").asString();
        // a profile named by the caller is applied as given, even outside its scope (§3.3)
        String lamDong = create(KIEN_THO.formatted(", \"profileId\": \"LAM_DONG_2022\"")).json().path("id").asString();

        JsonNode page = search(area);
        assertEquals(before + 3, page.path("totalItems").asLong());
        assertEquals(List.of(lamDong, progress, insufficient), ids(page).subList(0, 3), "newest first");
        forEachItem(page, i -> {
            assertEquals("QD124_2004", i.path("codeScheme").asString());
            assertEquals("15118", i.path("areaCode").asString());
        });

        JsonNode byVerdict = search("verdict=INSUFFICIENT_DATA&size=200");
        assertTrue(ids(byVerdict).contains(insufficient));
        forEachItem(byVerdict, i -> assertEquals("INSUFFICIENT_DATA", i.path("verdict").asString()));
        long sum = 0;
        for (String v : List.of("TRANSFORMED", "NOT_TRANSFORMED", "INSUFFICIENT_DATA")) {
            sum += search("verdict=" + v).path("totalItems").asLong();
        }
        assertEquals(search("").path("totalItems").asLong(), sum, "the verdicts partition the store");

        JsonNode byProfile = search("profileId=LAM_DONG_2022&size=200");
        assertTrue(ids(byProfile).contains(lamDong));
        assertFalse(ids(byProfile).contains(insufficient));
        forEachItem(byProfile, i -> assertEquals("LAM_DONG_2022", i.path("profileId").asString()));

        JsonNode byPurpose = search("purpose=PROGRESS&size=200");
        assertTrue(ids(byPurpose).contains(progress));
        forEachItem(byPurpose, i -> assertEquals("PROGRESS", i.path("purpose").asString()));
        assertFalse(ids(search(area + "&purpose=FINAL")).contains(progress));

        long total = before + 3;
        JsonNode first = search(area + "&size=1&page=0");
        assertEquals(Set.of("items", "page", "size", "totalItems", "totalPages"), names(first));
        assertEquals(1, first.path("items").size());
        assertEquals(0, first.path("page").asInt());
        assertEquals(1, first.path("size").asInt());
        assertEquals(total, first.path("totalItems").asLong());
        assertEquals(total, first.path("totalPages").asLong());
        assertEquals(List.of(lamDong), ids(first));
        assertEquals("kiemthu", first.path("items").get(0).path("submittedBy").asString(), "who sent it, in the listing");
        assertEquals(List.of(progress), ids(search(area + "&size=1&page=1")));
        JsonNode twos = search(area + "&size=2");
        assertEquals((total + 1) / 2, twos.path("totalPages").asLong());
        JsonNode beyond = search(area + "&size=2&page=" + total);
        assertEquals(0, beyond.path("items").size());
        assertEquals(total, beyond.path("totalItems").asLong());
    }

    @Test
    void searchRefusesMeaninglessParameters() {
        assertFieldError(http.get(EVALUATIONS + "?areaCode=07795"), "codeScheme", "required");
        assertFieldError(http.get(EVALUATIONS + "?size=0"), "size", "out_of_range");
        assertFieldError(http.get(EVALUATIONS + "?size=500"), "size", "out_of_range");
        assertFieldError(http.get(EVALUATIONS + "?page=-1"), "page", "out_of_range");
        assertFieldError(http.get(EVALUATIONS + "?verdict=DONE"), "verdict", "invalid_value");
        assertFieldError(http.get(EVALUATIONS + "?codeScheme=X"), "codeScheme", "invalid_value");
        // an empty value is no filter, for the code scheme as for the verdict
        assertEquals(201, http.postJson(EVALUATIONS, VALID).status());
        long all = search("size=1").path("totalItems").asLong();
        assertEquals(all, search("codeScheme=&size=1").path("totalItems").asLong());
        assertEquals(all, search("verdict=&size=1").path("totalItems").asLong());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Policy, ruleset, health, OpenAPI

    @Test
    void profilesListTheCriteriaOfDomainSpec31WithTheirCells() {
        Response r = http.get("/api/v1/profiles");
        assertEquals(200, r.status(), r::describe);
        JsonNode list = r.json();
        assertEquals(expectedVersion, list.path("rulesetVersion").asString());

        Set<String> viet = new LinkedHashSet<>(CORE);
        viet.addAll(List.of("COMMUNITY_RULES", "CRIME_REDUCTION"));
        Set<String> ngoc = new LinkedHashSet<>(CORE);
        ngoc.addAll(List.of("COMMUNITY_RULES", "NO_BLACK_CREDIT", "CRIME_REDUCTION", "HOTSPOTS_REDUCED", "NO_NEW_HOTSPOTS"));
        Set<String> lam = new LinkedHashSet<>(CORE);
        lam.add("COMMUNITY_RULES");
        Map<String, Set<String>> expected = Map.of("NATIONAL_CORE", Set.copyOf(CORE), "VIET_YEN_2024", viet,
                "NGOC_LAC_2024", ngoc, "LAM_DONG_2022", lam);

        Map<String, Set<String>> actual = new HashMap<>();
        for (JsonNode p : list.path("items")) {
            Set<String> ids = new LinkedHashSet<>();
            for (JsonNode c : p.path("criteria")) {
                assertTrue(ids.add(c.path("id").asString()), "each criterion once: " + c);
                JsonNode s = c.path("source");
                assertTrue(s.path("file").asString("").matches("decision-tables/.+\\.drl\\.xlsx"), c::toString);
                assertFalse(s.path("sheet").asString("").isBlank(), c::toString);
                int row = s.path("row").asInt();
                assertTrue(row > 0, c::toString);
                assertTrue(s.path("cell").asString("").matches("[A-Z]+" + row), c::toString);
            }
            actual.put(p.path("id").asString(), ids);
        }
        assertEquals(expected, actual);
        Map<String, Integer> counts = new HashMap<>();
        actual.forEach((id, criteria) -> counts.put(id, criteria.size()));
        assertEquals(Map.of("NATIONAL_CORE", 8, "VIET_YEN_2024", 10, "NGOC_LAC_2024", 13, "LAM_DONG_2022", 9), counts);

        Response one = http.get("/api/v1/profiles/VIET_YEN_2024");
        assertEquals(200, one.status(), one::describe);
        assertEquals(10, one.json().path("criteria").size());
        assertProblem(http.get("/api/v1/profiles/NOPE"), 404);
    }

    @Test
    void theRulesetIsTheOneOnDiskAndHealthSaysSo() throws Exception {
        Response r = http.get("/api/v1/ruleset");
        assertEquals(200, r.status(), r::describe);
        JsonNode ruleset = r.json();
        assertEquals(expectedVersion, ruleset.path("version").asString());
        assertEquals("DISK", ruleset.path("origin").asString());
        assertTrue(ruleset.path("lastFailedLoad").isNull() || ruleset.path("lastFailedLoad").isMissingNode());
        List<String> files = new ArrayList<>();
        for (JsonNode f : ruleset.path("files")) {
            String path = f.path("path").asString();
            files.add(path);
            byte[] bytes = Files.readAllBytes(Path.of(path));
            assertEquals(bytes.length, f.path("size").asLong(), path);
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                    f.path("sha256").asString(), path);
        }
        assertEquals(ruleFiles.stream().map(RuleFile::path).toList(), files);

        Response health = http.get("/actuator/health");
        assertEquals(200, health.status(), health::describe);
        JsonNode h = health.json();
        assertEquals("UP", h.path("status").asString());
        assertEquals("UP", h.path("components").path("ruleset").path("status").asString());
        assertEquals(expectedVersion, h.path("components").path("ruleset").path("details").path("version").asString());
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        Response docs = http.get("/v3/api-docs");
        assertEquals(200, docs.status(), docs::describe);
        JsonNode paths = docs.json().path("paths");
        assertTrue(paths.has("/api/v1/evaluations"), docs::describe);
        assertTrue(paths.has("/api/v1/evaluations/{id}"), docs::describe);
        Response ui = http.get("/swagger-ui.html");
        assertEquals(200, ui.status(), ui::describe);
        assertTrue(ui.text().toLowerCase().contains("swagger"), ui::describe);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Nothing a caller sends can produce a 500

    static final String[] ODD_VALUES = {"null", "true", "false", "0", "-0", "-1", "1.5", "5.0", "1e1", "1E+400",
            "-1e-400", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
            "99999999999999999999999999999999999999", "0.00000000000000000000001", "\"\"", "\" \"", "\"x\"",
            "\"5\"", "\"true\"", "\"2024-02-30\"", "\"+12024-01-01\"", "\"2024-1-1\"", "\"QD124_2004\"",
            "\"07795\"", "\"NATIONAL_CORE\"", "\"PROGRESS\"", "\"" + UUID.randomUUID() + "\"", "[]", "[1, [2, {}]]",
            "{}", "{\"from\": \"2024-01-01\"}", "{\"a\": {\"b\": null}}", "\"\\u0000\"", "\"\\ud800\"",
            "\"Ph\\u01b0\\u1eddng N\\u1ebfnh\"", "\"" + "ả".repeat(3000) + "\"", "\"" + "x".repeat(5000) + "\""};
    static final String[] FACTS = {"tipsReceived", "tipsResolved", "politicalSystemConsolidated", "effectiveModels",
            "communityRulesMaintained", "householdsTotal", "householdsInformed", "organizedCrimeSigns",
            "blackCreditActivity", "casesOccurred", "casesCleared", "seriousCasesProsecuted", "seriousCasesCleared",
            "releasedResidents", "releasedReoffended", "crimesBaseline", "crimesCurrent", "socialEvilsBaseline",
            "socialEvilsCurrent", "hotspotsBaseline", "hotspotsCurrent", "newHotspotsFormed"};
    static final String[] MEMBERS = {"area", "profileId", "period", "baselinePeriod", "facts", "purpose",
            "supersedes", "reason"};
    static final String[] ODD_PARAMS = {"abc", "", "-1", "0", "1", "maybe", "TRUE", "yes", "1e3", "2147483648",
            "%00", "null", "[]", "2024-01-01", "2024-01-01T00:00:00Z", "QD124_2004", "TRANSFORMED", "PROGRESS",
            "NOPE", "ả"};
    static final String[] PARAM_NAMES = {"page", "size", "dryRun", "codeScheme", "areaCode", "provinceCode",
            "profileId", "verdict", "purpose", "rulesetVersion", "evaluatedFrom", "evaluatedTo", "unknown"};
    static final String[] CONTENT_TYPES = {"application/json", "application/json;charset=UTF-8",
            "application/json; charset=ISO-8859-1", "application/merge-patch+json", "text/json", null};

    @Test
    void nothingACallerSendsProducesA5xx() {
        Random random = new Random(20241212L);
        String target = create(VALID).json().path("id").asString();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int requests = 300;
        for (int i = 0; i < requests; i++) {
            Response r = fuzzRequest(random, i, target);
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() >= 500) {
                failures.add(r.describe());
            } else if (r.status() >= 400 && !Http.PROBLEM.equals(r.mediaType())) {
                failures.add("not a problem: " + r.describe());
            } else if (r.status() < 300 && !Http.JSON.equals(r.mediaType())) {
                failures.add("not JSON: " + r.describe());
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + requests + " requests failed:\n"
                + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        // the mix must have reached both sides of the parser to mean anything
        assertTrue(statuses.getOrDefault(400, 0) > requests / 3, statuses::toString);
        assertTrue(statuses.getOrDefault(201, 0) + statuses.getOrDefault(200, 0) > 10, statuses::toString);
    }

    private Response fuzzRequest(Random random, int i, String existingId) {
        byte[] valid = VALID.getBytes(UTF_8);
        String query = random.nextInt(4) == 0 ? "?" + randomParams(random, 2) : "";
        String[] headers = random.nextInt(8) == 0
                ? new String[] {"Idempotency-Key", randomAscii(random, 1 + random.nextInt(250))} : new String[0];
        String contentType = random.nextInt(10) == 0 ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)] : Http.JSON;
        return switch (i % 12) {
            case 0 -> http.post(EVALUATIONS + query, contentType, Arrays.copyOf(valid, random.nextInt(valid.length)), headers);
            case 1 -> {
                byte[] b = valid.clone();
                for (int n = 1 + random.nextInt(3); n > 0; n--) b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                yield http.post(EVALUATIONS + query, contentType, b, headers);
            }
            case 2, 3 -> {
                String fact = FACTS[random.nextInt(FACTS.length)];
                String body = VALID.replaceFirst("\"" + fact + "\": [^,\\n]+", "\"" + fact + "\": "
                        + Matcher.quoteReplacement(odd(random)));
                yield http.post(EVALUATIONS + query, contentType, body.getBytes(UTF_8), headers);
            }
            case 4 -> {
                String member = MEMBERS[random.nextInt(MEMBERS.length)];
                yield http.post(EVALUATIONS + query, contentType,
                        ("{\"" + member + "\": " + odd(random) + "," + VALID.substring(1)).getBytes(UTF_8), headers);
            }
            case 5 -> {
                String[] strings = {"\"QD124_2004\"", "\"07795\"", "\"Phường Nếnh\"", "\"2024-03-15\"", "\"2024-12-12\"",
                        "\"2023-03-15\"", "\"2023-12-12\""};
                String body = VALID.replace(strings[random.nextInt(strings.length)], odd(random));
                yield http.post(EVALUATIONS + query, contentType, body.getBytes(UTF_8), headers);
            }
            case 6 -> {
                int depth = 1 + random.nextInt(80);
                String nested = "{\"a\": ".repeat(depth) + odd(random) + "}".repeat(depth);
                String where = random.nextBoolean() ? "\"facts\": {" : "\"area\": {";
                yield http.post(EVALUATIONS + query, contentType,
                        VALID.replace(where, where + " \"deep\": " + nested + ",").getBytes(UTF_8), headers);
            }
            case 7 -> {
                String number = (random.nextBoolean() ? "-" : "") + "9".repeat(1 + random.nextInt(70_000))
                        + (random.nextInt(3) == 0 ? ".5" : random.nextInt(3) == 0 ? "e" + random.nextInt(1000) : "");
                yield http.post(EVALUATIONS + query, contentType, VALID.replace("\"casesOccurred\": 13",
                        "\"casesOccurred\": " + number).getBytes(UTF_8), headers);
            }
            case 8 -> {
                String key = randomAscii(random, 1 + random.nextInt(30)).replace("\"", "").replace("\\", "");
                String where = new String[] {"{\n", "\"facts\": {", "\"area\": {", "\"period\":         {"}[random.nextInt(4)];
                yield http.post(EVALUATIONS + query, contentType,
                        VALID.replaceFirst(Pattern.quote(where), Matcher.quoteReplacement(
                                where + "\"" + key + "\": " + odd(random) + ",")).getBytes(UTF_8), headers);
            }
            case 9 -> http.post(EVALUATIONS + "?" + randomParams(random, 1 + random.nextInt(3)), contentType, valid, headers);
            case 10 -> http.get(EVALUATIONS + "?" + randomParams(random, 1 + random.nextInt(4)));
            default -> {
                String id = switch (random.nextInt(4)) {
                    case 0 -> existingId;
                    case 1 -> UUID.randomUUID().toString();
                    case 2 -> URLEncoder.encode(randomAscii(random, 1 + random.nextInt(40)), UTF_8);
                    default -> existingId.toUpperCase();
                };
                yield switch (random.nextInt(3)) {
                    case 0 -> http.get(EVALUATIONS + "/" + id);
                    case 1 -> http.get(EVALUATIONS + "/" + id + "/status");
                    default -> http.post(EVALUATIONS + "/" + id + "/withdrawal", contentType,
                            ("{\"reason\": " + odd(random) + "}").getBytes(UTF_8));
                };
            }
        };
    }

    private static String odd(Random random) {
        return ODD_VALUES[random.nextInt(ODD_VALUES.length)];
    }

    private static String randomParams(Random random, int n) {
        List<String> params = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            params.add(PARAM_NAMES[random.nextInt(PARAM_NAMES.length)] + "="
                    + URLEncoder.encode(ODD_PARAMS[random.nextInt(ODD_PARAMS.length)], UTF_8));
        }
        return String.join("&", params);
    }

    /** Visible ASCII, which is what an HTTP header value or a URL segment can carry. */
    private static String randomAscii(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int k = 0; k < length; k++) sb.append((char) (0x21 + random.nextInt(0x7e - 0x21 + 1)));
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Response create(String body) {
        Response r = http.postJson(EVALUATIONS, body);
        assertEquals(201, r.status(), r::describe);
        return r;
    }

    private JsonNode search(String query) {
        Response r = http.get(EVALUATIONS + (query.isEmpty() ? "" : "?" + query));
        assertEquals(200, r.status(), r::describe);
        assertEquals(Http.JSON, r.mediaType());
        return r.json();
    }

    private static Map<String, JsonNode> criteria(JsonNode doc) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode c : doc.path("criteria")) assertEquals(null, out.put(c.path("id").asString(), c), "once each");
        return out;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }

    private static void forEachItem(JsonNode page, Consumer<JsonNode> check) {
        assertTrue(page.path("items").size() > 0, page::toString);
        page.path("items").forEach(check);
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
