package vn.chuyenhoa.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.ruleset.CaseWorkbook;
import vn.chuyenhoa.support.Scenarios;
import vn.chuyenhoa.support.ShippedRules;

/**
 * What the results say about each staff case of decision-tables/tests/cases.drl.xlsx, beyond the verdict and the
 * outcomes the workbook holds (and every upload replays, StaffTestsTest): every criterion of the profile decided once,
 * how the profile was selected, the missing facts, and the values worked out by hand in scenarios/evaluations.json.
 */
class ScenarioTest {

    static final String CASES = "decision-tables/tests/cases.drl.xlsx";

    static final Engine engine = ShippedRules.engine();
    static final AreaDirectory areas = ShippedRules.areas();
    static JsonNode told;

    @BeforeAll
    static void read() {
        try (InputStream in = ScenarioTest.class.getResourceAsStream("/scenarios/evaluations.json")) {
            told = Scenarios.JSON.readTree(in).get("cases");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CaseWorkbook.Row> cases() {
        return CaseWorkbook.read(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scenario(CaseWorkbook.Row c) {
        JsonNode expect = told.get(c.name());
        assertNotNull(expect, c + " has its hand-worked values in scenarios/evaluations.json");
        Judgement j = Evaluator.judge(engine, input(c));
        List<CriterionResult> results = Explanations.render(j);

        c.expect("expect.verdict", j.verdict().name());
        c.expect("expect.profile", j.profile().profile().id());
        List<String> expected = new ArrayList<>();
        j.profile().profile().requirements().forEach(r -> expected.add(r.id()));
        assertEquals(expected, results.stream().map(CriterionResult::id).toList(), "the profile's criteria, each once, in table order");
        results.forEach(r -> c.expect("expect." + r.id(), r.outcome().name()));
        assertEquals(expected.size(), c.expectations().size() - 2, "the row expects an outcome of every criterion of the profile");

        if (expect.has("selectedBy")) assertEquals(expect.get("selectedBy").asString(), j.profile().selectedBy().name());
        List<String> missing = new ArrayList<>();
        expect.get("missingFacts").forEach(n -> missing.add(n.asString()));
        assertEquals(missing, Explanations.missingFacts(j), "missingFacts");
        checkValues(expect, "actual", results, CriterionResult::actual);
        checkValues(expect, "remedyEn", results, CriterionResult::remedyEn);
        checkValues(expect, "explanationVi", results, CriterionResult::explanationVi);
    }

    /** The case as the evaluation receives it once a request is read: a blank fact is an absent fact. */
    static EvaluationInput input(CaseWorkbook.Row c) {
        return new EvaluationInput(c.area(areas), c.get("profileId"), c.period("periodFrom", "periodTo"),
                c.period("baselineFrom", "baselineTo"), c.facts(Fact.class, Fact::jsonName, f -> f.type() == Fact.Type.FLAG));
    }

    private static void checkValues(JsonNode expect, String field, List<CriterionResult> results,
                                    Function<CriterionResult, String> getter) {
        if (!expect.has(field)) return;
        expect.get(field).properties().forEach(e -> {
            CriterionResult r = results.stream().filter(x -> x.id().equals(e.getKey())).findFirst().orElseThrow();
            assertEquals(e.getValue().asString(), getter.apply(r), field + " of " + e.getKey());
        });
    }
}
