package vn.chuyenhoa.ruleset;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.parser.DataListener;

/**
 * Compiles a {@code .drl.xlsx} workbook, one sheet at a time, with drools-decisiontables, and keeps what is needed to
 * point any later complaint at a cell: the generated DRL's {@code // rule values at B10, header at B5} comments give
 * each rule its row, and the code row of each table gives each field its column. POI is only used to look at the
 * cells Drools cannot judge (percent and date formats, typographic quotes); the rules themselves are Drools' reading.
 */
final class DecisionTables {

    private static final Pattern ORIGIN = Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at ([A-Z]+)(\\d+)");
    private static final Pattern RULE = Pattern.compile("^rule \"(.*)\"");
    private static final Pattern FIELD = Pattern.compile("policy\\.cell\\([^,]*,\\s*\"([\\w.]+)\"");
    private static final String SMART_QUOTES = "“”‘’„‟‹›«»";

    private DecisionTables() {}

    /** Where a rule generated from a table row came from. Rows are 1-based as a spreadsheet shows them. */
    record RowOrigin(String file, String sheet, String table, int row, Map<String, Integer> fieldColumns,
                     Map<Integer, String> values) {

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
                    "Không đọc được tệp như một bảng tính XLSX (" + e.getClass().getSimpleName() + "). Hãy lưu lại tệp bằng Excel hoặc LibreOffice dưới dạng .xlsx.",
                    "The file cannot be read as an XLSX workbook (" + e.getClass().getSimpleName() + "). Save it again from Excel or LibreOffice as .xlsx."));
            return List.of();
        }
        DataFormatter formatter = new DataFormatter(Locale.ENGLISH);
        Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
        Map<String, DefaultRuleSheetListener> byName = new LinkedHashMap<>();
        Map<String, Map<Integer, Map<Integer, String>>> cellsBySheet = new HashMap<>();
        for (Sheet sheet : workbook) {
            Map<Integer, Map<Integer, String>> cells = readCells(sheet, formatter);
            if (!hasRuleSet(cells)) continue;
            checkCells(file.path(), sheet, cells, formatter, problems);
            DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
            listeners.put(sheet.getSheetName(), List.of(listener));
            byName.put(sheet.getSheetName(), listener);
            cellsBySheet.put(sheet.getSheetName(), cells);
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

    private static Map<Integer, Map<Integer, String>> readCells(Sheet sheet, DataFormatter formatter) {
        Map<Integer, Map<Integer, String>> cells = new HashMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String v = formatter.formatCellValue(cell);
                if (!v.isBlank()) cells.computeIfAbsent(row.getRowNum(), k -> new HashMap<>()).put(cell.getColumnIndex(), v);
            }
        }
        return cells;
    }

    private static boolean hasRuleSet(Map<Integer, Map<Integer, String>> cells) {
        return cells.values().stream().flatMap(r -> r.values().stream()).anyMatch(v -> v.strip().equalsIgnoreCase("RuleSet"));
    }

    /**
     * What Drools accepts but reads wrongly or fails on obscurely: a percent-formatted number reaches the rules as a
     * fraction (10% as 0.1), a date-formatted cell as a locale-dependent text, and typographic quotes in a code cell
     * break the generated DRL.
     */
    private static void checkCells(String file, Sheet sheet, Map<Integer, Map<Integer, String>> cells,
                                   DataFormatter formatter, List<LoadProblem> problems) {
        for (Map.Entry<Integer, Map<Integer, String>> rowEntry : cells.entrySet()) {
            for (Map.Entry<Integer, String> c : rowEntry.getValue().entrySet()) {
                if (!c.getValue().strip().regionMatches(true, 0, "RuleTable", 0, 9)) continue;
                int header = rowEntry.getKey();
                int firstCol = c.getKey();
                for (int r = header + 1; r <= header + 3; r++) {
                    for (Map.Entry<Integer, String> code : cells.getOrDefault(r, Map.of()).entrySet()) {
                        if (containsSmartQuote(code.getValue())) {
                            problems.add(new LoadProblem(file, sheet.getSheetName(), r + 1, ref(code.getKey(), r), code.getValue(), "smart_quotes",
                                    "Ô mã có dấu ngoặc kép kiểu chữ (“ ” ‘ ’) do Excel/LibreOffice tự đổi; hãy gõ lại bằng dấu \" thẳng (tắt AutoCorrect).",
                                    "The code cell contains typographic quotes (“ ” ‘ ’) that Excel/LibreOffice substituted; retype them as straight \" quotes (turn off AutoCorrect)."));
                        }
                    }
                }
                for (int r = header + 5; cells.containsKey(r); r++) {
                    Row row = sheet.getRow(r);
                    if (row == null) break;
                    for (Cell cell : row) {
                        if (cell.getColumnIndex() < firstCol) continue;
                        if (cell.getCellType() == CellType.STRING) {
                            String text = cell.getStringCellValue();
                            if (text.indexOf('\\') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                                // Drools copies cell text into a Java string literal: a backslash escapes, a line
                                // break ends the literal, and either silently changes or breaks the rule
                                problems.add(new LoadProblem(file, sheet.getSheetName(), r + 1, ref(cell.getColumnIndex(), r), text, "unsafe_character",
                                        "Ô có dấu \\ hoặc xuống dòng (Alt+Enter); Drools không chép được ký tự này vào quy tắc. Hãy xóa nó hoặc viết trên một dòng.",
                                        "The cell contains a backslash or a line break (Alt+Enter), which Drools cannot copy into a rule. Remove it or keep the text on one line."));
                            }
                            continue;
                        }
                        if (cell.getCellType() != CellType.NUMERIC) continue;
                        String shown = formatter.formatCellValue(cell);
                        if (DateUtil.isCellDateFormatted(cell)) {
                            problems.add(new LoadProblem(file, sheet.getSheetName(), r + 1, ref(cell.getColumnIndex(), r), shown, "date_cell",
                                    "Ô được định dạng ngày; hãy gõ ngày dưới dạng văn bản YYYY-MM-DD (ví dụ 2024-12-31) để không phụ thuộc cài đặt vùng.",
                                    "The cell is date-formatted; type the date as text YYYY-MM-DD (e.g. 2024-12-31) so that it does not depend on locale settings."));
                        } else if (cell.getCellStyle().getDataFormatString().contains("%")) {
                            problems.add(new LoadProblem(file, sheet.getSheetName(), r + 1, ref(cell.getColumnIndex(), r), shown, "percent_cell",
                                    "Ô được định dạng phần trăm nên Drools đọc " + shown + " thành " + cell.getNumericCellValue()
                                            + "; hãy định dạng ô là General/Text và gõ số (ví dụ 10 cho 10%).",
                                    "The cell is percent-formatted, so Drools reads " + shown + " as " + cell.getNumericCellValue()
                                            + "; format it as General/Text and type the number (e.g. 10 for 10%)."));
                        }
                    }
                }
            }
        }
    }

    static boolean containsSmartQuote(String s) {
        for (int i = 0; i < s.length(); i++) if (SMART_QUOTES.indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }

    private static String ref(int col, int row0) {
        return CellReference.convertNumToColString(col) + (row0 + 1);
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
            out.put(r.group(1), new RowOrigin(file, sheet, table, row, fields, cells.getOrDefault(row - 1, Map.of())));
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
