package vn.chuyenhoa.monitoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.ruleset.CaseWorkbook;
import vn.chuyenhoa.support.ShippedRules;

/**
 * The relapse cases policy staff keep in decision-tables/tests/monitoring-cases.drl.xlsx, each a report of a
 * recognised area judged through the real Drools build of the real files, as an upload judges them: the verdict and
 * every reason the row expects.
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
        Map<String, String> actual = c.judgedBy(new RelapseTables.Registration(), engine, areas);
        assertTrue(!c.expectations().isEmpty(), c + " expects something");
        for (String e : c.expectations()) c.expect("expect." + e, actual.getOrDefault(e, "(not judged)"));
    }
}
