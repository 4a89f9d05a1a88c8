package vn.chuyenhoa.ruleset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;

import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.CriterionResult;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.Evaluator;
import vn.chuyenhoa.evaluation.Explanations;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.Judgement;
import vn.chuyenhoa.kernel.Period;

/**
 * Test workbooks written by policy staff (decision-tables/tests/, kept apart from the rule workbooks, as OpenL
 * does): one row per case, with a sample area's facts and the expected verdict, profile and criterion outcomes. They
 * are Drools tables like the rules, compiled and fired the same way, so every failure points at the cell that holds
 * the expectation. A blank expectation is not checked; a blank fact is an absent fact.
 */
final class TableTests {

    /** How many cases ran, and what failed. */
    record Outcome(int cases, List<LoadProblem> failures) {}

    private TableTests() {}

    /** One row of a case workbook: where it is, and its cells by field ("fact.casesCleared", "expect.verdict"). */
    record CaseRow(DecisionTables.RowOrigin origin, Map<String, String> cells) {}

    /**
     * Every case workbook: the evaluation cases (tests/cases.drl.xlsx and any other), and those of the features that
     * registered case workbooks (tests/screening-cases.drl.xlsx, tests/monitoring-cases.drl.xlsx), each judged by its
     * feature. Each workbook is compiled apart, since their rule names (table and row) are alike.
     */
    static Outcome run(List<RuleFile> files, Engine engine, AreaDirectory areas) {
        List<LoadProblem> problems = new ArrayList<>();
        List<CaseRow> rows = EarlyBuild.cases(RuleFiles.versionId(files)).orElseGet(() -> everyCase(files, problems));
        if (!problems.isEmpty()) return new Outcome(0, problems);
        for (CaseRow row : rows) {
            String name = row.origin().file().substring(row.origin().file().lastIndexOf('/') + 1);
            FeatureTables feature = PolicyReader.FEATURES.stream()
                    .filter(t -> t.casesPrefix() != null && name.startsWith(t.casesPrefix())).findFirst().orElse(null);
            Case c = new Case(row.origin(), row.cells(), problems);
            if (feature == null) c.run(engine, areas);
            else c.judgedBy(feature, engine, areas);
        }
        return new Outcome(rows.size(), problems);
    }

    /** The rows of every test workbook among {@code files}, each workbook compiled apart (see {@link #run}). */
    static List<CaseRow> everyCase(List<RuleFile> files, List<LoadProblem> problems) {
        List<CaseRow> rows = new ArrayList<>();
        for (RuleFile f : files) {
            if (RulesetBuilder.isTest(f.path()) && RulesetBuilder.isTable(f.path())) rows.addAll(rows(List.of(f), problems));
        }
        return rows;
    }

    /**
     * The rows of the test workbooks among {@code files}, compiled and fired like the rule workbooks, in file, sheet
     * and row order; none when a workbook is broken (the problems say where).
     */
    static List<CaseRow> rows(List<RuleFile> files, List<LoadProblem> problems) {
        List<DecisionTables.CompiledSheet> sheets = new ArrayList<>();
        for (RuleFile f : files) {
            if (RulesetBuilder.isTest(f.path()) && RulesetBuilder.isTable(f.path())) sheets.addAll(DecisionTables.compile(f, problems));
        }
        if (sheets.isEmpty() || !problems.isEmpty()) return List.of();

        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Map<String, DecisionTables.RowOrigin> origins = new HashMap<>();
        for (DecisionTables.CompiledSheet s : sheets) {
            origins.putAll(s.origins());
            builder.add(RulesetBuilder.resource(s.sourcePath(), s.drl().getBytes(java.nio.charset.StandardCharsets.UTF_8)), ResourceType.DRL);
        }
        for (KnowledgeBuilderError e : builder.getErrors()) {
            DecisionTables.CompiledSheet s = sheets.stream()
                    .filter(x -> e.getResource() != null && x.sourcePath().equals(e.getResource().getSourcePath()))
                    .findFirst().orElse(sheets.get(0));
            int[] lines = e.getLines();
            problems.add(s.locate(lines == null || lines.length == 0 ? 1 : lines[0], "table_error",
                    "Drools không biên dịch được dòng kiểm thử này: " + e.getMessage(),
                    "Drools cannot compile this test row: " + e.getMessage()));
        }
        if (!problems.isEmpty()) return List.of();

        PolicyRows fired = new PolicyRows();
        StatelessKieSession session = builder.newKieBase().newStatelessKieSession();
        session.setGlobal("policy", fired);
        session.execute(List.of());
        List<CaseRow> rows = new ArrayList<>();
        fired.rows().forEach((rule, cells) -> rows.add(new CaseRow(origins.get(rule), cells)));
        rows.sort(java.util.Comparator.comparing((CaseRow r) -> r.origin().file()).thenComparing(r -> r.origin().sheet())
                .thenComparingInt(r -> r.origin().row()));
        return rows;
    }

    /** One test row. */
    private record Case(DecisionTables.RowOrigin origin, Map<String, String> cells, List<LoadProblem> problems) {

        String get(String field) {
            String v = cells.get(field);
            return v == null || v.isBlank() ? null : v.strip();
        }

        String name() {
            return get("name") != null ? get("name") : "row " + origin.row();
        }

        void problem(String field, String code, String vi, String en) {
            problems.add(new LoadProblem(origin.file(), origin.sheet(), origin.row(), origin.cell(field), get(field), code,
                    "Ca kiểm thử \"" + name() + "\": " + vi, "Test case \"" + name() + "\": " + en));
        }

        void run(Engine engine, AreaDirectory areas) {
            int before = problems.size();
            Optional<CodeScheme> scheme = CodeScheme.parse(get("codeScheme"));
            Optional<AdminUnit> unit = scheme.flatMap(s -> areas.find(s, get("areaCode")));
            if (unit.isEmpty()) {
                problem("areaCode", "test_bad_input", "không có địa bàn này trong danh mục của hệ mã.",
                        "no such area in the code scheme's list.");
            }
            LocalDate from = date("periodFrom", true), to = date("periodTo", true);
            LocalDate bFrom = date("baselineFrom", false), bTo = date("baselineTo", false);
            Map<Fact, Object> facts = new EnumMap<>(Fact.class);
            for (Fact f : Fact.values()) {
                String v = get("fact." + f.jsonName());
                if (v == null) continue;
                if (f.type() == Fact.Type.FLAG) {
                    Boolean flag = Cells.trueOrFalse(v);
                    if (flag != null) facts.put(f, flag);
                    else problem("fact." + f.jsonName(), "test_bad_input", "số liệu có/không phải là true hoặc false.", "a flag must be true or false.");
                } else {
                    try {
                        long n = Long.parseLong(v);
                        if (n < 0 || n > Integer.MAX_VALUE) throw new NumberFormatException();
                        facts.put(f, n);
                    } catch (NumberFormatException ex) {
                        problem("fact." + f.jsonName(), "test_bad_input", "số liệu đếm phải là số nguyên không âm.", "a count must be a whole number ≥ 0.");
                    }
                }
            }
            String profileId = get("profileId");
            if (profileId != null && engine.policy().profile(profileId).isEmpty()) {
                problem("profileId", "test_bad_input", "không có bộ tiêu chí này.", "no such profile.");
            }
            if (problems.size() > before) return;
            AdminUnit u = unit.get();
            EvaluationInput input = new EvaluationInput(
                    new Area(u.scheme().name(), u.code(), u.name(), u.districtCode(), u.provinceCode()), profileId,
                    new Period(from, to), bFrom == null || bTo == null ? null : new Period(bFrom, bTo), facts);
            if (profileId == null && engine.policy().resolve(input.area(), to).isEmpty()) {
                problem("periodTo", "test_failed", "không bộ tiêu chí nào áp dụng cho địa bàn vào ngày này.",
                        "no profile covers the area on this date.");
                return;
            }
            Judgement j;
            try {
                j = Evaluator.judge(engine, input);
            } catch (IllegalStateException e) {
                // rules that decide nothing (an empty or gutted rules/*.drl) fail the case, not the upload's request
                problem("expect.verdict", "test_failed", "các quy tắc không đưa ra kết luận nào cho ca này (tệp quy tắc"
                        + " rules/*.drl trống hoặc thiếu quy tắc).", "the rules reached no verdict for this case (a rule"
                        + " file rules/*.drl is empty or lacks rules).");
                return;
            }
            String verdict = j.verdict().name();
            PolicyDiff.Names names = new PolicyDiff.Names(engine.policy(), engine.policy());
            expect(names, "expect.verdict", verdict, "", "", "«" + Outcomes.words("expect.verdict", verdict, false) + "»",
                    "«" + Outcomes.words("expect.verdict", verdict, true) + "»");
            String profile = j.profile().profile().id();
            expect(names, "expect.profile", profile, "bộ tiêu chí ", "profile ", named(names.profile(profile, false), profile),
                    named(names.profile(profile, true), profile));
            List<CriterionResult> results = Explanations.render(j);
            for (String field : cells.keySet()) {
                if (!field.startsWith("expect.") || field.equals("expect.verdict") || field.equals("expect.profile")) continue;
                String id = field.substring("expect.".length());
                String actual = results.stream().filter(r -> r.id().equals(id)).map(r -> r.outcome().name()).findFirst()
                        .orElse(null);
                expect(names, field, actual, "tiêu chí " + named(names.criterion(id, false), id) + ": ",
                        "criterion " + named(names.criterion(id, true), id) + ": ",
                        actual == null ? "không có trong bộ tiêu chí" : "«" + Outcomes.words(field, actual, false) + "»",
                        actual == null ? "not in the profile" : "«" + Outcomes.words(field, actual, true) + "»");
            }
        }

        /** A feature's case: every expectation against what the feature's rules give. */
        void judgedBy(FeatureTables feature, Engine engine, AreaDirectory areas) {
            Map<String, String> actual;
            try {
                actual = feature.judge(engine, new StaffCase(cells, areas));
            } catch (StaffCase.BadInput e) {
                problem(e.field, "test_bad_input", e.vi, e.getMessage());
                return;
            } catch (IllegalArgumentException e) {
                // cells each readable, together no input the feature takes (a period that ends before it starts)
                problem("name", "test_bad_input", "các ô của ca này không tạo thành dữ liệu đầu vào hợp lệ.",
                        "the cells of this case do not make a valid input.");
                return;
            } catch (IllegalStateException e) {
                problem("name", "test_failed", "các quy tắc không đưa ra kết luận nào cho ca này.",
                        "the rules reached no conclusion for this case.");
                return;
            }
            PolicyDiff.Names names = new PolicyDiff.Names(engine.policy(), engine.policy());
            for (String field : cells.keySet()) {
                if (!field.startsWith("expect.")) continue;
                String got = actual.get(field.substring("expect.".length()));
                expect(names, field, got, "", "", got == null ? "không được xét" : "«" + Outcomes.words(field, got, false) + "»",
                        got == null ? "not judged" : "«" + Outcomes.words(field, got, true) + "»");
            }
        }

        /** A profile or criterion by its name, the code beside it; the code alone when it has no name. */
        private static String named(String name, String code) {
            return name.equals(code) ? "«" + code + "»" : "«" + name + "» (" + code + ")";
        }

        /**
         * Says what the rules gave when it is not what the row expects, in words: verdicts and outcomes as the
         * evaluation page says them, profiles and criteria by name (the report is read by the staff who wrote it).
         */
        private void expect(PolicyDiff.Names names, String field, String actual, String whatVi, String whatEn, String actualVi, String actualEn) {
            String expected = get(field);
            if (expected == null || expected.equalsIgnoreCase(actual)) return;
            boolean outcome = !field.equals("expect.profile");
            String expectedVi = outcome ? "«" + Outcomes.words(field, expected, false) + "»" : named(names.profile(expected, false), expected);
            String expectedEn = outcome ? "«" + Outcomes.words(field, expected, true) + "»" : named(names.profile(expected, true), expected);
            problem(field, "test_failed", whatVi + "mong đợi " + expectedVi + " nhưng kết quả là " + actualVi + ".",
                    whatEn + "expected " + expectedEn + " but the rules gave " + actualEn + ".");
        }

        private LocalDate date(String field, boolean required) {
            String v = get(field);
            if (v == null) {
                if (required) problem(field, "test_bad_input", "thiếu ngày.", "the date is missing.");
                return null;
            }
            LocalDate d = Cells.day(v);
            if (d == null) problem(field, "test_bad_input", "ngày phải có dạng YYYY-MM-DD.", "a date must be YYYY-MM-DD.");
            return d;
        }
    }
}
