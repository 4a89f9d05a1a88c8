package vn.chuyenhoa.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.evaluation.EvaluationExamples;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.Outcome;
import vn.chuyenhoa.evaluation.Purpose;
import vn.chuyenhoa.evaluation.Verdict;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RunningServer;
import vn.chuyenhoa.support.Scenarios;
import vn.chuyenhoa.support.SchemaCheck;

/**
 * The contract other systems generate clients from. The served OpenAPI document is the reviewed snapshot in
 * src/test/resources/openapi/openapi.json, so that a change to the contract is a change someone looked at; after a
 * reviewed change rewrite it with {@code mvn -B test -Dtest=ContractTest -Dopenapi.update=true} and commit it with
 * the change. The document is checked by swagger-parser, its examples against its own schemas, and real answers of
 * the running server against the schemas they are declared with.
 */
@RunningServer
class ContractTest {

    static final Path SNAPSHOT = Path.of("src/test/resources/openapi/openapi.json");
    static final String PROBLEM = "#/components/schemas/Problem";

    @LocalServerPort
    int port;

    Http http;
    JsonNode doc;

    /** The document as served, read once: springdoc builds it on the first request, which can take long here. */
    private static JsonNode served;

    @BeforeEach
    void served() throws IOException, InterruptedException {
        http = new Http(port);
        if (served == null) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), r::body);
            served = Scenarios.JSON.readTree(r.body());
        }
        doc = served;
    }

    @Test
    void theServedDocumentIsTheReviewedSnapshot() throws IOException {
        String pretty = pretty(doc);
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, pretty, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(SNAPSHOT)) fail("No snapshot at " + SNAPSHOT + "; write it with -Dopenapi.update=true");
        assertEquals(pretty(Scenarios.JSON.readTree(Files.readString(SNAPSHOT, StandardCharsets.UTF_8))), pretty,
                "The served OpenAPI document differs from " + SNAPSHOT + ". If the change is meant, review it and "
                        + "rewrite the snapshot: mvn -B test -Dtest=ContractTest -Dopenapi.update=true");
    }

    @Test
    void swaggerParserFindsNothingWrong() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(doc.toString(), null, options);
        assertEquals(List.of(), result.getMessages());
        assertEquals("3.0.1", result.getOpenAPI().getOpenapi());
        assertFalse(result.getOpenAPI().getInfo().getVersion().isBlank());
    }

    @Test
    void operationsHaveMeaningfulUniqueIdsTagsAndSummaries() {
        Set<String> ids = new HashSet<>();
        Set<String> declaredTags = new HashSet<>();
        doc.get("tags").forEach(t -> {
            declaredTags.add(t.get("name").asString());
            assertFalse(t.path("description").asString("").isBlank(), t::toString);
        });
        forEachOperation((where, op) -> {
            String id = op.path("operationId").asString("");
            assertTrue(id.matches("[a-z][A-Za-z]+"), where + " has operationId " + id);
            assertTrue(ids.add(id), "operationId " + id + " twice");
            assertEquals(1, op.path("tags").size(), where);
            assertTrue(declaredTags.contains(op.get("tags").get(0).asString()), where + " has an undeclared tag");
            assertFalse(op.path("summary").asString("").isBlank(), where);
        });
    }

    @Test
    void everyJsonBodyIsARealSchemaAndEveryRefusalTheProblemSchema() {
        forEachOperation((where, op) -> {
            op.path("requestBody").path("content").properties().forEach(c ->
                    assertTyped(where + " request " + c.getKey(), c.getValue().get("schema")));
            op.get("responses").properties().forEach(r -> {
                String status = r.getKey();
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertEquals(Set.of("application/problem+json"), names(r.getValue().get("content")), where + " " + status);
                    assertEquals(PROBLEM, r.getValue().get("content").get("application/problem+json").get("schema")
                            .get("$ref").asString(), where + " " + status);
                } else {
                    JsonNode json = r.getValue().path("content").path("application/json");
                    if (!json.isMissingNode()) assertTyped(where + " " + status, json.get("schema"));
                }
            });
            Set<String> statuses = names(op.get("responses"));
            assertTrue(statuses.containsAll(Set.of("401", "403")), where + " " + statuses);
            // an id in the path is looked up, and a lookup can find nothing
            if (where.matches(".*\\{(id|version|username)}.*")) assertTrue(statuses.contains("404"), where + " " + statuses);
            if (op.has("requestBody")) assertTrue(statuses.containsAll(Set.of("400", "415")), where + " " + statuses);
        });
        JsonNode problem = doc.get("components").get("schemas").get("Problem").get("properties");
        for (String member : List.of("type", "title", "status", "detail", "instance", "titleVi", "detailVi", "errors")) {
            assertTrue(problem.has(member), member);
        }
    }

    @Test
    void theRealStatusCodesAreDeclared() {
        assertTrue(doc.at("/paths/~1api~1v1~1evaluations/post/responses").has("201"));
        assertTrue(doc.at("/paths/~1api~1v1~1evaluations/post/responses/201/headers").has("Location"));
        assertTrue(doc.at("/paths/~1api~1v1~1rulesets~1{version}~1impact/post/responses").has("202"));
        assertTrue(doc.at("/paths/~1api~1v1~1admin~1tokens/post/responses").has("201"));
        assertTrue(doc.at("/paths/~1api~1v1~1admin~1accounts/post/responses").has("201"));
        assertTrue(doc.at("/paths/~1api~1v1~1admin~1accounts~1{username}~1password/post/responses").has("204"));
        forEachOperation((where, op) -> {
            if (where.startsWith("post") && !Set.of("post /api/v1/evaluations/{id}/replay", "post /api/v1/rulesets/{version}/activate",
                    "post /api/v1/evaluations/{id}/withdrawal", "post /api/v1/admin/tokens/{id}/revocation",
                    "post /api/v1/admin/accounts/{username}/unlock",
                    "post /api/v1/programmes/{codeScheme}/{provinceCode}/reorganisation").contains(where)) {
                assertFalse(op.get("responses").has("200") && !op.get("responses").has("201") && !op.get("responses").has("202")
                        && !op.get("responses").has("204"), where + " declares only 200");
            }
        });
    }

    @Test
    void theEvaluationRequestNamesTypesAndDescribesEveryFact() {
        JsonNode request = doc.at("/paths/~1api~1v1~1evaluations/post/requestBody/content/application~1json/schema");
        assertEquals("#/components/schemas/EvaluationRequest", request.get("$ref").asString());
        JsonNode facts = doc.at("/components/schemas/EvaluationFacts");
        assertFalse(facts.get("additionalProperties").asBoolean(true));
        assertEquals(Arrays.stream(Fact.values()).map(Fact::jsonName).toList(), names(facts.get("properties")).stream()
                .sorted((a, b) -> Fact.byName(a).ordinal() - Fact.byName(b).ordinal()).toList());
        for (Fact f : Fact.values()) {
            JsonNode p = facts.get("properties").get(f.jsonName());
            assertEquals(f.type() == Fact.Type.COUNT ? "integer" : "boolean", p.get("type").asString(), f.jsonName());
            // the Vietnamese term is in parentheses, as in api.md's table
            assertTrue(p.get("description").asString().matches(".+\\(.*[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệơờớởỡợưừứửữựôồốổỗộ].*\\).*"),
                    f.jsonName() + ": " + p.get("description"));
        }
        assertEquals(enumOf(Verdict.values()), doc.at("/components/schemas/Verdict/enum").toString());
        assertEquals(enumOf(Outcome.values()), doc.at("/components/schemas/Outcome/enum").toString());
        assertEquals(enumOf(Purpose.values()), doc.at("/components/schemas/Purpose/enum").toString());
        assertEquals("#/components/schemas/EvaluationDocument",
                doc.at("/paths/~1api~1v1~1evaluations~1{id}/get/responses/200/content/application~1json/schema/$ref").asString());
    }

    @Test
    void everyExampleConformsToItsSchema() {
        SchemaCheck check = new SchemaCheck(doc, false);
        List<String> problems = new ArrayList<>();
        int[] examples = {0};
        doc.get("components").get("schemas").properties().forEach(s -> {
            if (s.getValue().has("example")) {
                examples[0]++;
                problems.addAll(check.problems(s.getValue().get("example"), s.getValue(), s.getKey()));
            }
            s.getValue().path("properties").properties().forEach(p -> {
                if (p.getValue().has("example")) {
                    examples[0]++;
                    problems.addAll(check.problems(p.getValue().get("example"), p.getValue(), s.getKey() + "." + p.getKey()));
                }
                if (p.getValue().path("items").has("example")) {
                    examples[0]++;
                    problems.addAll(check.problems(p.getValue().get("items").get("example"), p.getValue().get("items"),
                            s.getKey() + "." + p.getKey() + "[]"));
                }
            });
        });
        forEachOperation((where, op) -> {
            for (JsonNode p : op.path("parameters")) {
                if (p.has("example")) {
                    examples[0]++;
                    problems.addAll(check.problems(p.get("example"), p.get("schema"), where + " " + p.get("name").asString()));
                }
            }
            op.path("requestBody").path("content").properties().forEach(c -> {
                assertTrue(c.getValue().has("schema"), where);
                c.getValue().path("examples").properties().forEach(e -> {
                    examples[0]++;
                    problems.addAll(check.problems(e.getValue().get("value"), c.getValue().get("schema"), where + " example " + e.getKey()));
                });
            });
        });
        assertEquals(List.of(), problems);
        assertTrue(examples[0] > 30, "only " + examples[0] + " examples found: the walk misses them");
    }

    @Test
    void realAnswersConformToTheirDeclaredSchemas() {
        SchemaCheck check = new SchemaCheck(doc, true);
        JsonNode post = doc.at("/paths/~1api~1v1~1evaluations/post/responses");
        Http.Response created = http.postJson("/api/v1/evaluations", EvaluationExamples.EXAMPLE);
        assertEquals(201, created.status(), created::describe);
        assertEquals(List.of(), check.problems(created.json(), post.at("/201/content/application~1json/schema"), "201"));

        Http.Response read = http.get(created.header("Location").orElseThrow());
        assertEquals(List.of(), check.problems(read.json(),
                doc.at("/paths/~1api~1v1~1evaluations~1{id}/get/responses/200/content/application~1json/schema"), "get"));

        Http.Response bad = http.postJson("/api/v1/evaluations",
                EvaluationExamples.EXAMPLE.replace("\"casesCleared\": 11", "\"casesCleared\": 14"));
        assertEquals(400, bad.status(), bad::describe);
        assertEquals(List.of(), check.problems(bad.json(), post.at("/400/content/application~1problem+json/schema"), "400"));

        Http.Response page = http.get("/api/v1/evaluations?size=5");
        assertEquals(List.of(), check.problems(page.json(),
                doc.at("/paths/~1api~1v1~1evaluations/get/responses/200/content/application~1json/schema"), "search"));

        Http.Response status = http.get(created.header("Location").orElseThrow() + "/status");
        assertEquals(List.of(), check.problems(status.json(),
                doc.at("/paths/~1api~1v1~1evaluations~1{id}~1status/get/responses/200/content/application~1json/schema"), "status"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    interface OperationCheck {
        void check(String where, JsonNode operation);
    }

    private void forEachOperation(OperationCheck check) {
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                check.check(op.getKey() + " " + path.getKey(), op.getValue())));
    }

    /** A $ref, or a schema with a type and, for objects, properties: never the untyped "object" of a lost type. */
    private void assertTyped(String where, JsonNode schema) {
        assertTrue(schema != null, where + " has no schema");
        if (schema.has("$ref")) return;
        String type = schema.path("type").asString("");
        if (type.equals("array")) {
            assertTyped(where + "[]", schema.get("items"));
            return;
        }
        assertFalse(type.isEmpty(), where + " " + schema);
        assertFalse(type.equals("object") && !schema.has("properties"), where + " is an untyped object");
        assertFalse(type.equals("string") && "byte".equals(schema.path("format").asString("")), where + " is a byte string");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) out.add(e.getKey());
        return out;
    }

    private static String enumOf(Enum<?>[] values) {
        return Scenarios.JSON.valueToTree(Arrays.stream(values).map(Enum::name).toList()).toString();
    }

    private static String pretty(JsonNode json) {
        return Scenarios.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
    }
}
