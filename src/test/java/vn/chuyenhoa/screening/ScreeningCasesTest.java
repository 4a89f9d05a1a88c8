package vn.chuyenhoa.screening;

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
 * The screening cases policy staff keep in decision-tables/tests/screening-cases.drl.xlsx, each a commune screened
 * alone through the real Drools build of the real files, as an upload judges them: its status, drug-area type and
 * every category, criterion and type the row expects.
 */
class ScreeningCasesTest {

    static final String CASES = "decision-tables/tests/screening-cases.drl.xlsx";

    static final Engine engine = ShippedRules.engine();
    static final AreaDirectory areas = ShippedRules.areas();

    static List<CaseWorkbook.Row> cases() {
        return CaseWorkbook.read(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRulesGiveWhatTheRowExpects(CaseWorkbook.Row c) {
        Map<String, String> actual = c.judgedBy(new ScreeningTables.Registration(), engine, areas);
        assertTrue(!c.expectations().isEmpty(), c + " expects something");
        for (String e : c.expectations()) c.expect("expect." + e, actual.getOrDefault(e, "(not in the tables)"));
    }
}
