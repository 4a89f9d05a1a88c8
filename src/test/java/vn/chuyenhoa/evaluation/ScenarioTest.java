package vn.chuyenhoa.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.ruleset.RulesetBuilder;
import vn.chuyenhoa.support.Scenarios;

/**
 * Every hand-worked scenario through the real Drools build of the real files in rules/ and decision-tables/: the
 * verdict, the profile, every criterion's outcome and the selected values the case states.
 */
class ScenarioTest {

    static Engine engine;
    static AreaDirectory areas;

    @BeforeAll
    static void build() throws Exception {
        engine = RulesetBuilder.build(RuleFiles.read(Path.of(""), List.of("rules", "decision-tables")), "TEST").engine();
        areas = AreaDirectory.loadBundled();
    }

    static List<Scenarios.Case> cases() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scenario(Scenarios.Case c) {
        Parsed<EvaluationRequest> parsed = new EvaluationRequestParser(new Requests.World(engine, areas))
                .parse(c.requestJson().getBytes(StandardCharsets.UTF_8));
        assertTrue(parsed.isValid(), () -> c.name() + ": " + parsed);
        Judgement j = Evaluator.judge(engine, Requests.input(parsed.value(), areas));
        List<CriterionResult> results = Explanations.render(j);
        JsonNode expect = c.expect();

        assertEquals(expect.get("profile").asString(), j.profile().profile().id(), "profile");
        if (expect.has("selectedBy")) assertEquals(expect.get("selectedBy").asString(), j.profile().selectedBy().name());
        Map<String, String> expected = new LinkedHashMap<>();
        expect.get("criteria").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asString()));
        Map<String, String> actual = new LinkedHashMap<>();
        results.forEach(r -> actual.put(r.id(), r.outcome().name()));
        assertEquals(expected, actual, "criterion outcomes (the profile's criteria, each once, in table order)");
        assertEquals(expect.get("verdict").asString(), j.verdict().name(), "verdict");

        List<String> missing = new ArrayList<>();
        expect.get("missingFacts").forEach(n -> missing.add(n.asString()));
        assertEquals(missing, Explanations.missingFacts(j), "missingFacts");
        checkValues(expect, "actual", results, CriterionResult::actual);
        checkValues(expect, "remedyEn", results, CriterionResult::remedyEn);
        checkValues(expect, "explanationVi", results, CriterionResult::explanationVi);
    }

    private static void checkValues(JsonNode expect, String field, List<CriterionResult> results,
                                    java.util.function.Function<CriterionResult, String> getter) {
        if (!expect.has(field)) return;
        expect.get(field).properties().forEach(e -> {
            CriterionResult r = results.stream().filter(x -> x.id().equals(e.getKey())).findFirst().orElseThrow();
            assertEquals(e.getValue().asString(), getter.apply(r), field + " of " + e.getKey());
        });
    }
}
