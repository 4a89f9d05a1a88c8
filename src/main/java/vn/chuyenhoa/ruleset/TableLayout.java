package vn.chuyenhoa.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.chuyenhoa.ruleset.WorkbookCells.Cell;
import vn.chuyenhoa.ruleset.WorkbookCells.Sheet;

/**
 * Which cells of a decision-table sheet are policy data and which are program text, read the way Drools' rule-sheet
 * listener reads them: a {@code RuleTable} cell opens a table; the next four rows are its CONDITION/ACTION row, its
 * object-binding row, its code (template) row and its label row; then every row with a cell at or right of the
 * table's first column is a rule, up to the first row without one. Data cells are the cells of those rows within the
 * table's columns. Everything else Drools reads — RuleSet, Import, Variables, Functions and the other keyword cells,
 * the table name and its four header rows, anything after a gap — is program text.
 */
final class TableLayout {

    static final Pattern FIELD = Pattern.compile("policy\\.cell\\([^,]*,\\s*\"([\\w.]+)\"");
    private static final int HEADER_ROWS = 4;

    /**
     * One RuleTable. Rows are 1-based; {@code fields} maps a data column to the field its code cell hands over.
     * {@code gapRow} is the first blank row after the data when more table-wide cells follow it (a blank row inside
     * the table, which Drools would read as the end of the table), or 0.
     */
    record Table(String sheet, String name, int headerRow, int firstCol, int lastCol, Map<Integer, String> fields,
                 int firstDataRow, int lastDataRow, int gapRow) {

        boolean isData(int row, int col) {
            return row >= firstDataRow && row <= lastDataRow && col >= firstCol && col <= lastCol;
        }

        int dataRows() { return Math.max(0, lastDataRow - firstDataRow + 1); }
    }

    /** A sheet with its tables; only sheets with a RuleSet cell are compiled, so only they have tables. */
    record Layout(Sheet sheet, boolean compiled, List<Table> tables) {

        Table tableAt(int row, int col) {
            for (Table t : tables) if (t.isData(row, col)) return t;
            return null;
        }

        /**
         * The program-text cells, keyed by their place once data rows are taken out ("row:col"), so that adding or
         * removing a data row moves nothing: the value is the cell's text with its formula, if any.
         */
        Map<String, Cell> programText() {
            Map<String, Cell> out = new LinkedHashMap<>();
            if (!compiled) return out;
            for (TreeMap<Integer, Cell> r : sheet.rows().values()) {
                for (Cell c : r.values()) {
                    int row = c.row();
                    Table in = null;
                    int inIndex = -1, removedAbove = 0;
                    for (int i = 0; i < tables.size(); i++) {
                        Table t = tables.get(i);
                        if (row >= t.firstDataRow && row <= t.lastDataRow) { in = t; inIndex = i; }
                        else if (t.lastDataRow < row) removedAbove += t.dataRows();
                    }
                    if (in == null) out.put((row - removedAbove) + ":" + c.col(), c);
                    else if (!in.isData(row, c.col())) out.put("table " + inIndex + " row " + (row - in.firstDataRow) + ":" + c.col(), c);
                }
            }
            return out;
        }
    }

    private TableLayout() {}

    static Layout of(Sheet sheet) {
        if (!sheet.hasRuleSet()) return new Layout(sheet, false, List.of());
        List<Table> tables = new ArrayList<>();
        Integer next = sheet.rows().isEmpty() ? null : sheet.rows().firstKey();
        while (next != null) {
            Cell head = ruleTableCell(sheet, next);
            if (head == null) {
                next = sheet.rows().higherKey(next);
                continue;
            }
            Table t = table(sheet, head);
            tables.add(t);
            next = sheet.rows().higherKey(Math.max(t.lastDataRow, head.row() + HEADER_ROWS));
        }
        return new Layout(sheet, true, List.copyOf(tables));
    }

    static boolean isRuleTable(String text) {
        return text.strip().toLowerCase(Locale.ROOT).startsWith("ruletable");
    }

    private static Cell ruleTableCell(Sheet sheet, int row) {
        for (Cell c : sheet.rows().get(row).values()) if (isRuleTable(c.text())) return c;
        return null;
    }

    private static Table table(Sheet sheet, Cell head) {
        int h = head.row(), first = head.col();
        int last = first;
        TreeMap<Integer, Cell> actions = sheet.rows().getOrDefault(h + 1, new TreeMap<>());
        for (Cell c : actions.tailMap(first, true).values()) if (!c.text().isBlank()) last = Math.max(last, c.col());
        Map<Integer, String> fields = new TreeMap<>();
        for (Cell c : sheet.rows().getOrDefault(h + 3, new TreeMap<>()).tailMap(first, true).values()) {
            Matcher m = FIELD.matcher(c.text());
            if (m.find()) fields.put(c.col(), m.group(1));
        }
        int firstData = h + HEADER_ROWS + 1;
        int row = firstData;
        while (hasCellFrom(sheet, row, first) && ruleTableCell(sheet, row) == null) row++;
        int lastData = row - 1;
        int gap = 0;
        Integer after = sheet.rows().higherKey(row);
        if (after != null && hasCellFrom(sheet, after, first) && ruleTableCell(sheet, after) == null
                && !isKeywordRow(sheet, after)) {
            gap = row;
        }
        String name = head.text().strip().length() > 9 ? head.text().strip().substring(9).strip() : "";
        return new Table(sheet.name(), name, h, first, last, Map.copyOf(fields), firstData, lastData, gap);
    }

    private static boolean hasCellFrom(Sheet sheet, int row, int col) {
        TreeMap<Integer, Cell> r = sheet.rows().get(row);
        return r != null && r.tailMap(col, true).values().stream().anyMatch(c -> !c.text().isBlank());
    }

    /** A row that starts a new section of the sheet on purpose: a keyword cell such as Import or Notes. */
    private static boolean isKeywordRow(Sheet sheet, int row) {
        Cell first = sheet.rows().get(row).firstEntry().getValue();
        return KEYWORDS.contains(first.text().strip().toLowerCase(Locale.ROOT));
    }

    private static final List<String> KEYWORDS = List.of("ruleset", "import", "variables", "functions", "queries",
            "declare", "notes", "sequential", "escapequotes", "numericdisabled", "unit", "dialect");
}
