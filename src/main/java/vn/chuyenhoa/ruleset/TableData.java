package vn.chuyenhoa.ruleset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.chuyenhoa.ruleset.DecisionTables.RowOrigin;
import vn.chuyenhoa.ruleset.TableLayout.Layout;
import vn.chuyenhoa.ruleset.TableLayout.Table;
import vn.chuyenhoa.ruleset.WorkbookCells.Cell;

/**
 * The policy data of a set of rule files, read from the cells (never from compiled rules): every data row of every
 * table with the field each cell hands over. This is what the type check, the province scope of a change and the
 * policy diff look at, so none of them needs anything uploaded to be compiled first.
 */
record TableData(List<Row> rows, Map<String, List<Layout>> layouts, List<LoadProblem> unreadable) {

    /** One data row; {@code cells} are field → text, {@code origin} locates each field's cell. */
    record Row(String file, String sheet, String table, int row, Map<String, String> cells, RowOrigin origin) {

        boolean isTest() { return RulesetBuilder.isTest(file); }

        String get(String field) {
            String v = cells.get(field);
            return v == null || v.isBlank() ? null : v.strip();
        }

        String key() { return file + "#" + sheet + "!" + row; }

        SheetRow sheetRow() { return new SheetRow(key(), origin, cells); }
    }

    static TableData of(List<RuleFile> files, int maxRowsPerSheet) {
        List<Row> rows = new ArrayList<>();
        Map<String, List<Layout>> layouts = new LinkedHashMap<>();
        List<LoadProblem> unreadable = new ArrayList<>();
        for (RuleFile f : files) {
            if (!f.path().startsWith(RulesetBuilder.TABLES_DIR) || !RulesetBuilder.isTable(f.path())) continue;
            WorkbookCells.Workbook wb = WorkbookCells.read(f, maxRowsPerSheet);
            if (wb.unreadable() != null) {
                unreadable.add(wb.unreadable());
                continue;
            }
            List<Layout> sheets = new ArrayList<>();
            for (WorkbookCells.Sheet s : wb.sheets()) {
                Layout layout = TableLayout.of(s);
                sheets.add(layout);
                for (Table t : layout.tables()) {
                    Map<String, Integer> columns = new HashMap<>();
                    Map<Integer, String> titles = new HashMap<>();
                    t.fields().forEach((col, field) -> {
                        columns.put(field, col);
                        String title = s.text(t.headerRow() + 4, col);
                        if (title != null) titles.put(col, title);
                    });
                    for (int r = t.firstDataRow(); r <= t.lastDataRow(); r++) {
                        Map<String, String> cells = new LinkedHashMap<>();
                        Map<Integer, String> values = new HashMap<>();
                        for (Map.Entry<Integer, String> field : t.fields().entrySet()) {
                            Cell c = s.cell(r, field.getKey());
                            if (c == null) continue;
                            cells.put(field.getValue(), c.text());
                            values.put(c.col(), c.text());
                        }
                        rows.add(new Row(f.path(), s.name(), t.name(), r, cells,
                                new RowOrigin(f.path(), s.name(), t.name(), r, Map.copyOf(columns), values, Map.copyOf(titles))));
                    }
                }
            }
            layouts.put(f.path(), List.copyOf(sheets));
        }
        return new TableData(List.copyOf(rows), layouts, List.copyOf(unreadable));
    }

    /** The rows of the rule tables (not the staff tests) in the shape the policy reader takes. */
    Map<String, Map<String, String>> policyRows() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Row r : rows) if (!r.isTest()) out.put(r.key(), r.cells());
        return out;
    }

    Row row(String file, String sheet, int row) {
        for (Row r : rows) if (r.file().equals(file) && r.sheet().equals(sheet) && r.row() == row) return r;
        return null;
    }

    /** The text of the label row above a field's column ("Ngưỡng\nThreshold…"), or null. */
    String label(Row r, String field) {
        Integer col = r.origin().fieldColumns().get(field);
        if (col == null) return null;
        for (Layout l : layouts.getOrDefault(r.file(), List.of())) {
            if (!l.sheet().name().equals(r.sheet())) continue;
            for (Table t : l.tables()) {
                if (r.row() >= t.firstDataRow() && r.row() <= t.lastDataRow()) return l.sheet().text(t.headerRow() + 4, col);
            }
        }
        return null;
    }

    /**
     * What a key means, as the workbook's guide sheet says it (a sheet without tables whose header row has "Ý nghĩa"
     * and "Meaning" columns, one key per row in the first column): the programme settings are named this way, since
     * their rows carry only the key. Null when the file has no such line.
     */
    String meaning(String file, String key, boolean en) {
        for (Layout l : layouts.getOrDefault(file, List.of())) {
            if (!l.tables().isEmpty()) continue;
            Integer column = null;
            for (Map.Entry<Integer, java.util.TreeMap<Integer, Cell>> row : l.sheet().rows().entrySet()) {
                if (column == null) {
                    for (Cell c : row.getValue().values()) {
                        if (c.text().strip().equals(en ? "Meaning" : "Ý nghĩa")) column = c.col();
                    }
                    continue;
                }
                Cell first = row.getValue().isEmpty() ? null : row.getValue().firstEntry().getValue();
                String text = l.sheet().text(row.getKey(), column);
                if (first != null && first.text().strip().equals(key) && text != null && !text.isBlank()) return text.strip();
            }
        }
        return null;
    }

    Map<String, RowOrigin> origins() {
        Map<String, RowOrigin> out = new HashMap<>();
        for (Row r : rows) out.put(r.key(), r.origin());
        return out;
    }
}
