package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.kernel.Period;

/**
 * A case workbook policy staff keep under decision-tables/tests/, read the way an upload reads it (compiled and fired
 * as a Drools table), so that the test suite runs each case as a test of its own: the evaluation cases, and those a
 * feature judges as it does on upload ({@link Row#judgedBy}).
 */
public final class CaseWorkbook {

    private CaseWorkbook() {}

    /** One case: its cells by field, blank cells left out, and where each sits so a failure names the cell to fix. */
    public record Row(String name, Map<String, String> cells, Map<String, String> addresses) {

        public String get(String field) { return cells.get(field); }

        /** Fails naming the case and cell unless {@code actual} is what the row expects; blank expects nothing. */
        public void expect(String field, String actual) {
            String expected = cells.get(field);
            if (expected != null) assertEquals(expected, actual, name + ", " + field + " at " + addresses.get(field));
        }

        /** The area of columns codeScheme and areaCode, as the official list places it. */
        public Area area(AreaDirectory areas) {
            AdminUnit u = areas.find(CodeScheme.parse(get("codeScheme")).orElseThrow(), get("areaCode")).orElseThrow();
            return new Area(u.scheme().name(), u.code(), u.name(), u.districtCode(), u.provinceCode());
        }

        /** The period of two date columns; null when the first is blank. */
        public Period period(String from, String to) {
            return get(from) == null ? null : new Period(LocalDate.parse(get(from)), LocalDate.parse(get(to)));
        }

        /** The facts of columns "fact.NAME": a flag as true/false, a count as a number; a blank cell is absent. */
        public <F extends Enum<F>> Map<F, Object> facts(Class<F> type, Function<F, String> name, Predicate<F> isFlag) {
            Map<F, Object> facts = new EnumMap<>(type);
            for (F f : type.getEnumConstants()) {
                String v = get("fact." + name.apply(f));
                if (v != null) facts.put(f, isFlag.test(f) ? (Object) Boolean.valueOf(v) : (Object) Long.valueOf(v));
            }
            return facts;
        }

        /** What the rules give for this case, as the feature judges it on upload (see {@link FeatureTables#judge}). */
        public Map<String, String> judgedBy(FeatureTables feature, vn.chuyenhoa.evaluation.Engine engine, AreaDirectory areas) {
            return feature.judge(engine, new StaffCase(cells, areas));
        }

        /** The fields starting "expect.", without that prefix. */
        public List<String> expectations() {
            return cells.keySet().stream().filter(f -> f.startsWith("expect.")).map(f -> f.substring(7)).toList();
        }

        @Override
        public String toString() { return name; }
    }

    public static List<Row> read(String path) {
        List<LoadProblem> problems = new ArrayList<>();
        List<TableTests.CaseRow> rows;
        try {
            rows = TableTests.rows(List.of(new RuleFile(path, Files.readAllBytes(Path.of(path)))), problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), problems, path);
        List<Row> out = new ArrayList<>();
        for (TableTests.CaseRow r : rows) {
            Map<String, String> cells = new TreeMap<>(), addresses = new TreeMap<>();
            r.cells().forEach((field, value) -> {
                if (value == null || value.isBlank()) return;
                cells.put(field, value.strip());
                addresses.put(field, r.origin().sheet() + "!" + r.origin().cell(field));
            });
            out.add(new Row(cells.getOrDefault("name", "row " + r.origin().row()), cells, addresses));
        }
        return out;
    }
}
