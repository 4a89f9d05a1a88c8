package vn.chuyenhoa.screening;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.ruleset.CaseWorkbook;
import vn.chuyenhoa.screening.ScreeningDocument.CommuneView;
import vn.chuyenhoa.support.ShippedRules;

/**
 * The screening cases policy staff keep in decision-tables/tests/screening-cases.drl.xlsx, each a commune screened
 * alone through the real Drools build of the real files: its status, drug-area type and every category, criterion
 * and type the row expects.
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
        Area area = c.area(areas);
        Map<ScreeningFact, Object> facts = c.facts(ScreeningFact.class, ScreeningFact::jsonName, f -> f.type() == Fact.Type.FLAG);
        CommuneView v = ScreeningService.screen(engine, new ScreeningInput(Integer.parseInt(c.get("year")), null,
                area.codeScheme(), area.provinceCode(), area.provinceCode(), List.of(new Candidate(area, facts))),
                UUID.randomUUID(), Instant.EPOCH, null).communes().get(0);

        Map<String, String> actual = new HashMap<>();
        actual.put("status", v.status().name());
        actual.put("drugType", v.drugArea().type() == null ? "NONE" : v.drugArea().type());
        v.categories().forEach(x -> actual.put("category." + x.id(), x.outcome().name()));
        v.drugArea().criteria().forEach(x -> actual.put("criterion." + x.id(), x.outcome().name()));
        v.drugArea().types().forEach(x -> actual.put("type." + x.id(), x.outcome().name()));
        assertTrue(!c.expectations().isEmpty(), c + " expects something");
        for (String e : c.expectations()) c.expect("expect." + e, actual.getOrDefault(e, "(not in the tables)"));
    }
}
