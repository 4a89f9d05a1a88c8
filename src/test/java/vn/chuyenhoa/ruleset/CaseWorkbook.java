package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A case workbook policy staff keep under decision-tables/tests/, read the way an upload reads it (compiled and fired
 * as a Drools table), for the features whose cases are not yet run on upload: screening and monitoring.
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
