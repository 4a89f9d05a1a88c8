package vn.chuyenhoa.monitoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.evaluation.Area;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.Period;
import vn.chuyenhoa.ruleset.CaseWorkbook;
import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.ruleset.RulesetBuilder;

/**
 * The relapse cases policy staff keep in decision-tables/tests/monitoring-cases.drl.xlsx, each a report of a
 * recognised area judged through the real Drools build of the real files: the verdict and every reason the row
 * expects.
 */
class MonitoringCasesTest {

    static final String CASES = "decision-tables/tests/monitoring-cases.drl.xlsx";

    static Engine engine;
    static AreaDirectory areas;

    @BeforeAll
    static void build() throws Exception {
        engine = RulesetBuilder.build(RuleFiles.read(Path.of(""), List.of("rules", "decision-tables")), "TEST").engine();
        areas = AreaDirectory.loadBundled();
    }

    static List<CaseWorkbook.Row> cases() {
        return CaseWorkbook.read(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRulesGiveWhatTheRowExpects(CaseWorkbook.Row c) {
        AdminUnit u = areas.find(CodeScheme.parse(c.get("codeScheme")).orElseThrow(), c.get("areaCode")).orElseThrow();
        Area area = new Area(u.scheme().name(), u.code(), u.name(), u.districtCode(), u.provinceCode());
        Map<Fact, Object> facts = new EnumMap<>(Fact.class);
        for (Fact f : Fact.values()) {
            String v = c.get("fact." + f.jsonName());
            if (v != null) facts.put(f, f.type() == Fact.Type.FLAG ? (Object) Boolean.valueOf(v) : (Object) Long.valueOf(v));
        }
        Period baseline = c.get("baselineFrom") == null ? null
                : new Period(LocalDate.parse(c.get("baselineFrom")), LocalDate.parse(c.get("baselineTo")));
        Boolean proposedAgain = c.get("proposedAgain") == null ? null : Boolean.valueOf(c.get("proposedAgain"));
        MonitoringJudgement j = Monitor.judge(engine, new MonitoringInput(new EvaluationInput(area, null,
                new Period(LocalDate.parse(c.get("periodFrom")), LocalDate.parse(c.get("periodTo"))), baseline, facts),
                LocalDate.parse(c.get("recognisedOn")), null, proposedAgain, null));

        Map<String, String> actual = new HashMap<>();
        actual.put("verdict", j.verdict().name());
        j.reasons().forEach(f -> actual.put(f.check().getReason().id(), f.outcome().name()));
        assertTrue(!c.expectations().isEmpty(), c + " expects something");
        for (String e : c.expectations()) c.expect("expect." + e, actual.getOrDefault(e, "(not judged)"));
    }
}
