package vn.chuyenhoa.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.EngineSource;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.EvaluationService;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.programme.AreaState;
import vn.chuyenhoa.programme.ProgrammeService;
import vn.chuyenhoa.programme.ProgrammeService.Programme;
import vn.chuyenhoa.programme.ProgrammeService.StepRequest;
import vn.chuyenhoa.audit.Canonical;

/**
 * {@code --chuyenhoa.demo=dien-bien}: Điện Biên's programme 2017–2020 (seed 004: 44 areas selected, 42 transformed)
 * from src/main/resources/demo/dien-bien.json. Every area goes candidate → proposed → approved → in transformation,
 * gets a FINAL evaluation through the evaluation service with facts that produce its verdict, and the verdict step
 * cites it; transformed areas are then monitored (2017's are stable by the end of 2020), and the two not transformed
 * in 2020 are carried over into 2021; on 1 July 2025 every record follows its commune to the new list (domain spec
 * §8.1), so the sample shows its areas before and after the reform. Off by default; refused when the programme store already holds anything, so
 * it can never mix with real records.
 */
@Component
class DemoData implements ApplicationRunner {

    static final String DIEN_BIEN = "dien-bien";
    /** Who the loaded evaluations and steps name as having recorded them: no account, the data set itself. */
    static final String RECORDED_BY = "demo:" + DIEN_BIEN;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final String demo;
    private final ProgrammeService programmes;
    private final EvaluationService evaluations;
    private final EngineSource engines;
    private final AreaDirectory areas;
    private final ObjectMapper json;

    DemoData(@Value("${chuyenhoa.demo:}") String demo, ProgrammeService programmes, EvaluationService evaluations,
             EngineSource engines, AreaDirectory areas, ObjectMapper json) {
        this.demo = demo;
        this.programmes = programmes;
        this.evaluations = evaluations;
        this.engines = engines;
        this.areas = areas;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo == null || demo.isBlank()) return;
        if (!DIEN_BIEN.equals(demo)) {
            throw new IllegalStateException("Unknown demo data set '" + demo + "'; the one there is: " + DIEN_BIEN
                    + " / Không có bộ dữ liệu minh họa '" + demo + "'.");
        }
        if (!programmes.isEmpty()) {
            // the local run asks for the demo at every start; real or earlier records are never mixed with it
            log.info("Demo data '{}' not loaded: the programme store already holds records", demo);
            return;
        }
        load();
    }

    /** @throws IllegalStateException when the programme store is not empty */
    void load() {
        if (!programmes.isEmpty()) {
            throw new IllegalStateException("The demo data set '" + DIEN_BIEN + "' is loaded only into an empty programme"
                    + " store, and this database already holds programme records; start without --chuyenhoa.demo, or"
                    + " with a fresh database. / Dữ liệu minh họa chỉ được nạp vào kho chương trình trống.");
        }
        JsonNode root = read();
        CodeScheme scheme = CodeScheme.parse(root.get("codeScheme").asString()).orElseThrow();
        String province = root.get("provinceCode").asString();
        String actor = root.get("actor").asString();
        int areasLoaded = 0;
        for (JsonNode year : root.get("years")) {
            Programme p = programmes.programme(scheme.name(), province, year.get("year").asInt());
            JsonNode d = year.get("dates");
            for (JsonNode entry : year.get("areas")) {
                String code = entry.get(0).asString();
                JsonNode factSet = root.get("factSets").get(entry.get(2).asString());
                drive(p, code, entry.get(1).asString(), factSet, year, d, actor);
                areasLoaded++;
            }
        }
        // the areas before and after the reform of 1 July 2025: every record follows its commune to the new list
        JsonNode reform = root.get("reorganised");
        int moved = programmes.reorganise(programmes.province(scheme.name(), province),
                LocalDate.parse(reform.get("effectiveDate").asString()), actor, Map.of(), RECORDED_BY).size();
        log.info("Demo data '{}' loaded: {} areas of {} province {}, each through the lifecycle with a stored evaluation;"
                + " {} records moved to the new communes on {}", DIEN_BIEN, areasLoaded, scheme, province, moved,
                reform.get("effectiveDate").asString());
    }

    private void drive(Programme p, String code, String name, JsonNode factSet, JsonNode year, JsonNode d, String actor) {
        programmes.addCandidate(p, new ProgrammeService.NewCandidate(code, name, actor, date(d, "candidate"),
                "Huyện đề xuất xem xét (minh họa)"), RECORDED_BY);
        step(p, code, AreaState.PROPOSED, actor, date(d, "proposed"), null, null, null, null);
        step(p, code, AreaState.APPROVED, actor, null, year.get("approval").asString(), date(d, "approved"), null,
                "Phê duyệt danh sách địa bàn chuyển hóa năm " + p.year());
        step(p, code, AreaState.IN_TRANSFORMATION, actor, date(d, "start"), null, null, null, null);

        EvaluationService.Answer answer = evaluate(p, code, factSet, date(d, "periodFrom"), date(d, "periodTo"));
        String verdict = json.readTree(answer.json()).get("verdict").asString();
        if (!verdict.equals(factSet.get("expect").asString())) {
            // the tables in force judge these facts otherwise: a demo that contradicts itself must not load
            throw new IllegalStateException("demo area " + code + ": the rules in force find " + verdict + ", the demo expects "
                    + factSet.get("expect").asString());
        }
        boolean transformed = AreaState.valueOf(verdict) == AreaState.TRANSFORMED;
        if (transformed) {
            // recognition is a decision taking the area off the list (domain spec §2)
            step(p, code, AreaState.TRANSFORMED, actor, null, year.get("recognition").asString(), date(d, "verdict"),
                    answer.id(), null);
        } else {
            step(p, code, AreaState.NOT_TRANSFORMED, actor, date(d, "verdict"), null, null, answer.id(), null);
        }
        if (transformed) {
            step(p, code, AreaState.MONITORING, actor, date(d, "monitoring"), null, null, null, null);
            if (d.has("stable")) step(p, code, AreaState.STABLE, actor, date(d, "stable"), null, null, null, null);
        } else if (d.has("carryOver")) {
            step(p, code, AreaState.IN_TRANSFORMATION, actor, null, year.get("carryOver").asString(),
                    date(d, "carryOver"), null, "Chuyển tiếp sang chương trình năm " + (p.year() + 1) + " (Gia Lai 2022)");
        }
    }

    private void step(Programme p, String code, AreaState to, String actor, LocalDate effective, String decisionNumber,
                      LocalDate decisionDate, java.util.UUID evaluationId, String comment) {
        programmes.step(p, code, new StepRequest(to, actor, effective, decisionNumber, decisionDate, evaluationId,
                comment, null, null), RECORDED_BY);
    }

    /** A FINAL evaluation stored as if posted: the request text is what the facts would look like on the wire. */
    private EvaluationService.Answer evaluate(Programme p, String code, JsonNode factSet, LocalDate from, LocalDate to) {
        AdminUnit unit = areas.find(p.scheme(), code).orElseThrow();
        Map<Fact, Object> facts = new EnumMap<>(Fact.class);
        Map<String, Object> wire = new LinkedHashMap<>();
        factSet.get("facts").properties().forEach(e -> {
            Fact f = Fact.byName(e.getKey());
            Object v = f.type() == Fact.Type.FLAG ? (Object) e.getValue().asBoolean() : (Object) e.getValue().asLong();
            facts.put(f, v);
            wire.put(e.getKey(), v);
        });
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("area", Map.of("codeScheme", p.scheme().name(), "code", code, "name", unit.name()));
        request.put("period", Map.of("from", from.toString(), "to", to.toString()));
        request.put("facts", wire);
        request.put("purpose", "FINAL");
        String body = json.writeValueAsString(request);
        EvaluationInput input = new EvaluationInput(new Area(p.scheme().name(), code, unit.name(), unit.districtCode(),
                unit.provinceCode()), null, new Period(from, to), null, facts);
        return evaluations.evaluate(engines.current(), new EvaluationService.Submission(input, "FINAL", body, Canonical.sha256(body),
                "demo-" + DIEN_BIEN + "-" + p.year() + "-" + code, null, null, RECORDED_BY), false);
    }

    private JsonNode read() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + DIEN_BIEN + ".json")) {
            if (in == null) throw new IllegalStateException("demo/" + DIEN_BIEN + ".json is missing from the classpath");
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(JsonNode dates, String name) {
        return LocalDate.parse(dates.get(name).asString());
    }

}
