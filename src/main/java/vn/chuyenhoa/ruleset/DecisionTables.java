package vn.chuyenhoa.ruleset;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.parser.DataListener;

/**
 * Compiles a {@code .drl.xlsx} workbook, one sheet at a time, with drools-decisiontables, and keeps what is needed to
 * point any later complaint at a cell: the generated DRL's {@code // rule values at B10, header at B5} comments give
 * each rule its row, and the code row of each table gives each field its column. Cells are read by
 * {@link WorkbookCells} (and checked by {@link TableGate} before this runs); Drools reads the workbook itself only to
 * compile it.
 */
final class DecisionTables {

    private static final Pattern ORIGIN = Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at ([A-Z]+)(\\d+)");
    private static final Pattern RULE = Pattern.compile("^rule \"(.*)\"");
    private static final Pattern FIELD = Pattern.compile("policy\\.cell\\([^,]*,\\s*\"([\\w.]+)\"");

    private DecisionTables() {}

    /** Where a rule generated from a table row came from. Rows are 1-based as a spreadsheet shows them. */
    /** @param titles the table's column titles by column ("Mã tiêu chí\nCriterion id"), for messages that name a column */
    record RowOrigin(String file, String sheet, String table, int row, Map<String, Integer> fieldColumns,
                     Map<Integer, String> values, Map<Integer, String> titles) {

        /** The column's title as staff read it (its Vietnamese first line, or English second), else its letter. */
        String title(String field, boolean en) {
            Integer col = fieldColumns.get(field);
            if (col == null) return field;
            String t = titles.get(col);
            String[] lines = t == null ? new String[0] : t.strip().split("\\R");
            String line = en && lines.length > 1 ? lines[1] : lines.length > 0 ? lines[0] : "";
            return line.isBlank() ? (en ? "column " : "cột ") + CellReference.convertNumToColString(col) : line.strip();
        }

        String cell(String field) {
            Integer col = fieldColumns.get(field);
            return col == null ? null : CellReference.convertNumToColString(col) + row;
        }

        String value(String field) {
            Integer col = fieldColumns.get(field);
            return col == null ? null : values.get(col);
        }
    }

    record CompiledSheet(String file, String sheet, String drl, Map<String, RowOrigin> origins) {

        String sourcePath() { return file + "#" + sheet; }


        /** The row a generated DRL line belongs to, and the field its statement sets, if the line is in a rule. */
        LoadProblem locate(int drlLine, String code, String vi, String en) {
            String[] lines = drl.split("\n", -1);
            RowOrigin origin = null;
            for (int i = Math.min(drlLine, lines.length) - 1; i >= 0 && origin == null; i--) {
                Matcher r = RULE.matcher(lines[i]);
                if (r.find()) origin = origins.get(r.group(1));
            }
            if (origin == null) return new LoadProblem(file, sheet, null, null, null, code, vi, en);
            String field = null;
            if (drlLine >= 1 && drlLine <= lines.length) {
                Matcher f = FIELD.matcher(lines[drlLine - 1]);
                if (f.find()) field = f.group(1);
            }
            return new LoadProblem(file, sheet, origin.row(), field == null ? null : origin.cell(field),
                    field == null ? null : origin.value(field), code, vi, en);
        }
    }

    static List<CompiledSheet> compile(RuleFile file, List<LoadProblem> problems) {
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()));
        } catch (Exception | LinkageError e) {
            problems.add(LoadProblem.ofFile(file.path(), "unreadable_workbook",
                    "Không đọc được tệp như một bảng tính XLSX. Hãy lưu lại tệp bằng Excel hoặc LibreOffice dưới dạng .xlsx.",
                    "The file cannot be read as an XLSX workbook. Save it again from Excel or LibreOffice as .xlsx."));
            return List.of();
        }
        Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
        Map<String, DefaultRuleSheetListener> byName = new LinkedHashMap<>();
        Map<String, Map<Integer, Map<Integer, String>>> cellsBySheet = new HashMap<>();
        for (WorkbookCells.Sheet sheet : WorkbookCells.read(file, Integer.MAX_VALUE - 100).sheets()) {
            if (!sheet.hasRuleSet()) continue;
            DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
            listeners.put(sheet.name(), List.of(listener));
            byName.put(sheet.name(), listener);
            cellsBySheet.put(sheet.name(), texts(sheet));
        }
        if (byName.isEmpty()) {
            problems.add(LoadProblem.ofFile(file.path(), "no_ruleset",
                    "Không có trang tính nào chứa ô RuleSet, nên tệp không định nghĩa quy tắc nào.",
                    "No sheet has a RuleSet cell, so the file defines no rules."));
            return List.of();
        }
        try {
            new org.drools.decisiontable.parser.xls.ExcelParser(listeners).parseWorkbook(workbook);
        } catch (RuntimeException e) {
            problems.add(LoadProblem.ofFile(file.path(), "table_structure",
                    "Drools không đọc được cấu trúc bảng quyết định: " + e.getMessage(),
                    "Drools cannot read the decision-table structure: " + e.getMessage()));
            return List.of();
        }
        List<CompiledSheet> out = new ArrayList<>();
        SpreadsheetCompiler renderer = new SpreadsheetCompiler();
        for (Map.Entry<String, DefaultRuleSheetListener> e : byName.entrySet()) {
            String drl;
            try {
                drl = renderer.listenerToString(e.getValue());
            } catch (RuntimeException ex) {
                problems.add(new LoadProblem(file.path(), e.getKey(), null, null, null, "table_structure",
                        "Drools không tạo được quy tắc từ trang tính: " + ex.getMessage(),
                        "Drools cannot generate rules from the sheet: " + ex.getMessage()));
                continue;
            }
            drl = withMvel(drl);
            out.add(new CompiledSheet(file.path(), e.getKey(), drl,
                    origins(file.path(), e.getKey(), drl, cellsBySheet.get(e.getKey()))));
        }
        return out;
    }

    /**
     * Table rules fire once per build, so their consequences are left to MVEL instead of being compiled to Java: a
     * table of 2,000 rows builds in about half the time. The dialect goes right after the package line, before any row
     * comment, and error lines are mapped on this text.
     */
    private static String withMvel(String drl) {
        int end = drl.indexOf('\n', drl.indexOf("package "));
        return drl.substring(0, end + 1) + "dialect \"mvel\"\n" + drl.substring(end + 1);
    }

    /** The sheet's cell texts by 0-based row, as {@link #origins} maps the generated DRL back onto them. */
    private static Map<Integer, Map<Integer, String>> texts(WorkbookCells.Sheet sheet) {
        Map<Integer, Map<Integer, String>> cells = new HashMap<>();
        sheet.rows().forEach((row, cols) -> cols.values().forEach(c -> {
            if (!c.text().isBlank()) cells.computeIfAbsent(row - 1, k -> new HashMap<>()).put(c.col(), c.text());
        }));
        return cells;
    }

    private static Map<String, RowOrigin> origins(String file, String sheet, String drl, Map<Integer, Map<Integer, String>> cells) {
        Map<String, RowOrigin> out = new HashMap<>();
        Map<Integer, Map<String, Integer>> fieldsByHeader = new HashMap<>();
        String[] lines = drl.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            Matcher o = ORIGIN.matcher(lines[i].strip());
            if (!o.find()) continue;
            Matcher r = RULE.matcher(lines[i + 1].strip());
            if (!r.find()) continue;
            int row = Integer.parseInt(o.group(2));
            int header = Integer.parseInt(o.group(4));
            Map<Integer, String> headerRow = cells.getOrDefault(header - 1, Map.of());
            String tableCell = headerRow.getOrDefault(CellReference.convertColStringToIndex(o.group(3)), "");
            String table = tableCell.strip().length() > 9 ? tableCell.strip().substring(9).strip() : "";
            Map<String, Integer> fields = fieldsByHeader.computeIfAbsent(header, h -> fieldColumns(cells.getOrDefault(h - 1 + 3, Map.of())));
            out.put(r.group(1), new RowOrigin(file, sheet, table, row, fields, cells.getOrDefault(row - 1, Map.of()),
                    cells.getOrDefault(header - 1 + 4, Map.of())));
        }
        return out;
    }

    private static Map<String, Integer> fieldColumns(Map<Integer, String> codeRow) {
        Map<String, Integer> fields = new HashMap<>();
        codeRow.forEach((col, code) -> {
            Matcher m = FIELD.matcher(code);
            if (m.find()) fields.put(m.group(1), col);
        });
        return fields;
    }
}
