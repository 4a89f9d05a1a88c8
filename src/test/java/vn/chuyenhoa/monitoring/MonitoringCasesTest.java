package vn.chuyenhoa.monitoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.ruleset.CaseWorkbook;
import vn.chuyenhoa.support.ShippedRules;

/**
 * The relapse cases policy staff keep in decision-tables/tests/monitoring-cases.drl.xlsx, each a report of a
 * recognised area judged through the real Drools build of the real files: the verdict and every reason the row
 * expects.
 */
class MonitoringCasesTest {

    static final String CASES = "decision-tables/tests/monitoring-cases.drl.xlsx";

    static final Engine engine = ShippedRules.engine();
    static final AreaDirectory areas = ShippedRules.areas();

    static List<CaseWorkbook.Row> cases() {
        return CaseWorkbook.read(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRulesGiveWhatTheRowExpects(CaseWorkbook.Row c) {
        Map<Fact, Object> facts = c.facts(Fact.class, Fact::jsonName, f -> f.type() == Fact.Type.FLAG);
        Boolean proposedAgain = c.get("proposedAgain") == null ? null : Boolean.valueOf(c.get("proposedAgain"));
        MonitoringJudgement j = Monitor.judge(engine, new MonitoringInput(new EvaluationInput(c.area(areas), null,
                c.period("periodFrom", "periodTo"), c.period("baselineFrom", "baselineTo"), facts),
                LocalDate.parse(c.get("recognisedOn")), null, proposedAgain, null));

        Map<String, String> actual = new HashMap<>();
        actual.put("verdict", j.verdict().name());
        j.reasons().forEach(f -> actual.put(f.check().getReason().id(), f.outcome().name()));
        assertTrue(!c.expectations().isEmpty(), c + " expects something");
        for (String e : c.expectations()) c.expect("expect." + e, actual.getOrDefault(e, "(not judged)"));
    }
}
