package vn.chuyenhoa.ruleset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.kernel.Numbers;
import vn.chuyenhoa.ruleset.TableLayout.Layout;
import vn.chuyenhoa.ruleset.TableLayout.Table;
import vn.chuyenhoa.ruleset.WorkbookCells.Cell;

/**
 * What the cells of rule files must pass before anything in them is compiled: policy cells are literal values as the
 * officer sees them (no formulas, no ambiguous thousands separators, no invisible blanks, nothing that could end the
 * string Drools copies them into), tables have no blank rows inside and stay within the row limit, scopes name areas
 * that exist, and — for an upload — every cell Drools compiles as program text is exactly that of the version in
 * force, DRL files included. Logic changes only with a release of the project.
 */
final class TableGate {

    /** Configured bounds: data rows per table, and problems listed in a report (the rest are counted). */
    record Limits(int maxRowsPerTable, int maxProblems) {
        /** Rows read per sheet: a table's rows plus room for its header and notes. */
        int maxRowsPerSheet() { return maxRowsPerTable + 50; }
    }

    private static final Pattern THOUSANDS = Pattern.compile("[+-]?[1-9]\\d{0,2}([.,\u00A0\u202F ])\\d{3}(\\1\\d{3})*");
    private static final String SMART_QUOTES = "“”‘’„‟‹›«»";

    private TableGate() {}

    /** Literal-value, layout, limit and area checks of every table of the files; data read once, from the cells. */
    static List<LoadProblem> checkCells(TableData data, AreaDirectory areas, Limits limits) {
        List<LoadProblem> problems = new ArrayList<>(data.unreadable());
        for (Map.Entry<String, List<Layout>> file : data.layouts().entrySet()) {
            for (Layout layout : file.getValue()) {
                if (!layout.compiled()) continue;
                String sheet = layout.sheet().name();
                if (layout.sheet().truncatedAt() > 0) {
                    problems.add(new LoadProblem(file.getKey(), sheet, layout.sheet().truncatedAt(), null, null, "too_many_rows",
                            "Trang tính có quá nhiều dòng: chỉ đọc " + Numbers.format(limits.maxRowsPerSheet(), true)
                                    + " dòng đầu; mỗi bảng tối đa " + Numbers.format(limits.maxRowsPerTable(), true)
                                    + " dòng dữ liệu. Hãy tách bảng hoặc xóa các dòng thừa.",
                            "The sheet has too many rows: only the first " + Numbers.format(limits.maxRowsPerSheet(), false)
                                    + " are read; a table holds at most " + Numbers.format(limits.maxRowsPerTable(), false)
                                    + " data rows. Split the table or delete the rows that are not needed."));
                }
                for (Table t : layout.tables()) {
                    if (t.dataRows() > limits.maxRowsPerTable()) {
                        problems.add(new LoadProblem(file.getKey(), sheet, t.firstDataRow() + limits.maxRowsPerTable(), null, null,
                                "too_many_rows",
                                "Bảng " + t.name() + " có " + Numbers.format(t.dataRows(), true) + " dòng dữ liệu, vượt giới hạn "
                                        + Numbers.format(limits.maxRowsPerTable(), true) + " dòng.",
                                "Table " + t.name() + " has " + Numbers.format(t.dataRows(), false) + " data rows, over the limit of "
                                        + Numbers.format(limits.maxRowsPerTable(), false) + "."));
                    }
                    if (t.dataRows() == 0) {
                        // Drools compiles an empty table to no rules at all: what is missing would surface as errors of
                        // the rows that refer to it, in other tables and files
                        problems.add(new LoadProblem(file.getKey(), sheet, t.firstDataRow(), null, null, "empty_table",
                                "Bảng " + t.name() + " không có dòng dữ liệu nào: dòng " + t.firstDataRow()
                                        + ", ngay dưới dòng tiêu đề cột, phải là dòng đầu tiên của bảng. Hãy khôi phục các dòng đã xóa.",
                                "Table " + t.name() + " has no data rows: row " + t.firstDataRow()
                                        + ", right below the column titles, must be its first row. Restore the rows that were deleted."));
                    }
                    if (t.gapRow() > 0) {
                        problems.add(new LoadProblem(file.getKey(), sheet, t.gapRow(), null, null, "blank_row_in_table",
                                "Dòng " + t.gapRow() + " trống nằm giữa bảng " + t.name() + ": Drools coi dòng trống là hết bảng, nên các dòng bên dưới không còn là dữ liệu của bảng. Hãy xóa dòng trống.",
                                "Row " + t.gapRow() + " is blank inside table " + t.name() + ": Drools takes a blank row as the end of the table, so the rows below it would no longer be its data. Delete the blank row."));
                    }
                    codeRow(file.getKey(), layout, t, problems);
                    for (int r = t.firstDataRow(); r <= t.lastDataRow() && r < t.firstDataRow() + limits.maxRowsPerTable(); r++) {
                        var row = layout.sheet().rows().get(r);
                        if (row == null) continue;
                        for (Cell c : row.subMap(t.firstCol(), true, t.lastCol(), true).values()) {
                            literal(file.getKey(), sheet, c, problems);
                        }
                    }
                }
            }
        }
        areas(data, areas, problems);
        return problems;
    }

    /** Typographic quotes in a code cell break the generated DRL; said plainly instead of as a compiler error. */
    private static void codeRow(String file, Layout layout, Table t, List<LoadProblem> problems) {
        for (int r = t.headerRow() + 1; r <= t.headerRow() + 3; r++) {
            var row = layout.sheet().rows().get(r);
            if (row == null) continue;
            for (Cell c : row.values()) {
                if (containsSmartQuote(c.text())) {
                    problems.add(new LoadProblem(file, layout.sheet().name(), r, c.ref(), c.text(), "smart_quotes",
                            "Ô mã có dấu ngoặc kép kiểu chữ (“ ” ‘ ’) do Excel/LibreOffice tự đổi; hãy gõ lại bằng dấu \" thẳng (tắt AutoCorrect).",
                            "The code cell contains typographic quotes (“ ” ‘ ’) that Excel/LibreOffice substituted; retype them as straight \" quotes (turn off AutoCorrect)."));
                }
            }
        }
    }

    static boolean containsSmartQuote(String s) {
        for (int i = 0; i < s.length(); i++) if (SMART_QUOTES.indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }

    /** One data cell: what the officer typed must be the value, as they see it. */
    private static void literal(String file, String sheet, Cell c, List<LoadProblem> problems) {
        if (c.formula() != null) {
            problems.add(new LoadProblem(file, sheet, c.row(), c.ref(), "=" + c.formula(), "formula_cell",
                    "Ô chứa công thức (=" + c.formula() + "); hãy nhập giá trị, không nhập công thức.",
                    "The cell holds a formula (=" + c.formula() + "); enter the value, not a formula."));
            return;
        }
        String text = c.text();
        if (text.indexOf('\\') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            // Drools copies cell text into a string literal: a backslash escapes the quote Drools adds, a line break
            // ends the literal; either could turn the rest of the cell into program text
            problems.add(new LoadProblem(file, sheet, c.row(), c.ref(), text, "unsafe_character",
                    "Ô có dấu \\ hoặc xuống dòng (Alt+Enter); Drools không chép được ký tự này vào quy tắc. Hãy xóa nó hoặc viết trên một dòng.",
                    "The cell contains a backslash or a line break (Alt+Enter), which Drools cannot copy into a rule. Remove it or keep the text on one line."));
            return;
        }
        String invisible = invisible(text);
        if (invisible != null) {
            problems.add(new LoadProblem(file, sheet, c.row(), c.ref(), text, "invisible_character",
                    "Ô có ký tự trống không nhìn thấy: " + invisible + ". Hãy xóa nó và gõ lại giá trị (dấu cách thường nếu cần).",
                    "The cell contains an invisible blank: " + invisible + ". Delete it and type the value again (an ordinary space if one is needed)."));
            return;
        }
        if (c.kind() == WorkbookCells.Kind.NUMBER && c.dateFormatted()) {
            problems.add(new LoadProblem(file, sheet, c.row(), c.ref(), text, "date_cell",
                    "Ô được định dạng ngày; hãy gõ ngày dưới dạng văn bản YYYY-MM-DD (ví dụ 2024-12-31) để không phụ thuộc cài đặt vùng.",
                    "The cell is date-formatted; type the date as text YYYY-MM-DD (e.g. 2024-12-31) so that it does not depend on locale settings."));
            return;
        }
        if (c.percentFormatted()) {
            String fractionVi = c.decimal() == null ? "?" : Numbers.format(c.decimal(), true);
            String fractionEn = c.decimal() == null ? "?" : Numbers.format(c.decimal(), false);
            problems.add(new LoadProblem(file, sheet, c.row(), c.ref(), text, "percent_cell",
                    "Ô được định dạng phần trăm nên Drools đọc " + text + " thành " + fractionVi
                            + "; hãy định dạng ô là General/Text và gõ số (ví dụ 10 cho 10%).",
                    "The cell is percent-formatted, so Drools reads " + text + " as " + fractionEn
                            + "; format it as General/Text and type the number (e.g. 10 for 10%)."));
            return;
        }
        Matcher m = THOUSANDS.matcher(text.strip());
        if (m.matches()) {
            String sep = m.group(1);
            String grouped = text.strip().replace(sep, "");
            String decimal = sep.equals(".") || sep.equals(",")
                    ? new BigDecimal(text.strip().replaceFirst(Pattern.quote(sep), ".").replace(sep, "")).stripTrailingZeros().toPlainString()
                    : text.strip().substring(0, text.strip().indexOf(sep));
            problems.add(new LoadProblem(file, sheet, c.row(), c.ref(), text, "ambiguous_number",
                    "Số \"" + text + "\" có dấu phân cách hàng nghìn nên đọc được hai cách: " + decimal + " hoặc " + grouped
                            + ". Hãy gõ số không có dấu phân cách hàng nghìn (ví dụ " + grouped + "), dùng dấu phẩy hoặc chấm chỉ cho phần thập phân.",
                    "The number \"" + text + "\" has a thousands separator, so it reads two ways: " + decimal + " or " + grouped
                            + ". Type it without a thousands separator (e.g. " + grouped + "), with a comma or point only before decimals."));
        }
    }

    /** The first invisible or look-alike blank in the text, named, or null. Ordinary spaces are fine. */
    static String invisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            String name = switch (ch) {
                case '\u00A0' -> "khoảng trắng không ngắt / no-break space";
                case '\u202F' -> "khoảng trắng hẹp không ngắt / narrow no-break space";
                case '\u2007' -> "khoảng trắng chữ số / figure space";
                case '\u200B' -> "khoảng trắng độ rộng 0 / zero-width space";
                case '\u200C' -> "ký tự không nối độ rộng 0 / zero-width non-joiner";
                case '\u200D' -> "ký tự nối độ rộng 0 / zero-width joiner";
                case '\u2060' -> "ký tự nối từ / word joiner";
                case '\uFEFF' -> "dấu BOM độ rộng 0 / zero-width no-break space (BOM)";
                case '\t' -> "ký tự tab / tab";
                case '\u00AD' -> "gạch nối mềm / soft hyphen";
                default -> (Character.getType(ch) == Character.SPACE_SEPARATOR && ch != ' ')
                        || Character.getType(ch) == Character.FORMAT || Character.isISOControl(ch)
                        ? "ký tự trống / blank character" : null;
            };
            if (name != null) return String.format("U+%04X (%s)", (int) ch, name);
        }
        return null;
    }

    /** A scope's province, district and commune codes must name units that exist together in its scheme. */
    private static void areas(TableData data, AreaDirectory areas, List<LoadProblem> problems) {
        for (TableData.Row r : data.rows()) {
            if (r.isTest() || !r.cells().containsKey("provinceCode")) continue;
            CodeScheme scheme = r.get("codeScheme") == null ? null : CodeScheme.parse(r.get("codeScheme")).orElse(null);
            String province = padded(r.get("provinceCode"), 2), district = padded(r.get("districtCode"), 3),
                    commune = padded(r.get("communeCode"), 5);
            if (scheme == null || province == null) continue; // blank or wrong: the policy reader names it
            List<AdminUnit> units = areas.communesOf(scheme, province);
            String field = null, vi = null, en = null;
            if (units.isEmpty()) {
                field = "provinceCode";
                vi = "Không có tỉnh mã " + province + " trong danh mục " + scheme + ".";
                en = "There is no province " + province + " in the " + scheme + " list.";
            } else if (district != null && units.stream().noneMatch(u -> district.equals(u.districtCode()))) {
                field = "districtCode";
                vi = "Huyện mã " + district + " không thuộc tỉnh " + province + " (" + units.get(0).provinceName() + ") trong danh mục " + scheme + ".";
                en = "District " + district + " is not in province " + province + " (" + units.get(0).provinceName() + ") in the " + scheme + " list.";
            } else if (commune != null && units.stream().noneMatch(u -> u.code().equals(commune)
                    && (district == null || district.equals(u.districtCode())))) {
                field = "communeCode";
                vi = "Xã mã " + commune + " không thuộc " + (district == null ? "tỉnh " + province : "huyện " + district + ", tỉnh " + province)
                        + " trong danh mục " + scheme + ".";
                en = "Commune " + commune + " is not in " + (district == null ? "province " + province : "district " + district + " of province " + province)
                        + " in the " + scheme + " list.";
            }
            if (field != null) {
                problems.add(new LoadProblem(r.file(), r.sheet(), r.row(), r.origin().cell(field), r.origin().value(field),
                        "unknown_area", vi + " Phạm vi như vậy không bao giờ áp dụng được cho địa bàn nào.",
                        en + " Such a scope could never apply to any area."));
            }
        }
    }

    private static String padded(String v, int width) {
        if (v == null || !v.chars().allMatch(Character::isDigit) || v.length() > width) return null;
        return "0".repeat(width - v.length()) + v;
    }

    /**
     * An upload changes policy values only: every program-text cell of every table workbook, and every DRL file, must
     * be exactly as in the version in force; a table the version in force does not have is refused too.
     */
    static List<LoadProblem> sameProgramText(List<RuleFile> files, TableData data, List<RuleFile> base, TableData baseData) {
        List<LoadProblem> problems = new ArrayList<>();
        Map<String, byte[]> now = new LinkedHashMap<>(), before = new LinkedHashMap<>();
        files.forEach(f -> now.put(f.path(), f.content()));
        base.forEach(f -> before.put(f.path(), f.content()));
        Set<String> paths = new LinkedHashSet<>(before.keySet());
        paths.addAll(now.keySet());
        for (String path : paths) {
            if (!path.endsWith(".drl") || Arrays.equals(now.get(path), before.get(path))) continue;
            String what = now.containsKey(path) ? (before.containsKey(path) ? "sửa / changed" : "thêm / added") : "xóa / removed";
            problems.add(LoadProblem.ofFile(path, "drl_upload",
                    "Không tải lên được tệp DRL (" + what.substring(0, what.indexOf(" /")) + "): logic quy tắc chỉ thay đổi bằng bản phát hành mới của phần mềm; tải lên chỉ sửa giá trị chính sách trong bảng.",
                    "DRL files cannot be uploaded (" + what.substring(what.indexOf("/ ") + 2) + "): rule logic changes only with a new release; an upload changes policy values in the tables only."));
        }
        for (Map.Entry<String, List<Layout>> file : data.layouts().entrySet()) {
            if (!before.containsKey(file.getKey())) {
                problems.add(unknownFileName(file.getKey(), before.keySet()));
                continue;
            }
            List<Layout> old = baseData.layouts().get(file.getKey());
            Map<String, Layout> oldSheets = new LinkedHashMap<>();
            if (old != null) old.forEach(l -> oldSheets.put(l.sheet().name(), l));
            for (Layout l : file.getValue()) {
                if (!l.compiled()) continue;
                Layout o = oldSheets.get(l.sheet().name());
                if (o == null || !o.compiled()) {
                    problems.add(new LoadProblem(file.getKey(), l.sheet().name(), null, null, null, "unknown_table",
                            "Trang tính " + l.sheet().name() + " là bảng quy tắc mà phiên bản đang áp dụng không có; bảng mới chỉ có thể thêm bằng bản phát hành mới.",
                            "Sheet " + l.sheet().name() + " is a rule table the version in force does not have; new tables come only with a new release."));
                    continue;
                }
                if (l.tables().stream().anyMatch(t -> t.gapRow() > 0)) continue; // reported at the blank row
                compare(file.getKey(), l, o, problems);
            }
            for (Layout o : oldSheets.values()) {
                boolean kept = file.getValue().stream().anyMatch(l -> l.compiled() && l.sheet().name().equals(o.sheet().name()));
                if (o.compiled() && !kept) {
                    problems.add(new LoadProblem(file.getKey(), o.sheet().name(), null, null, null, "table_removed",
                            "Trang tính bảng quy tắc " + o.sheet().name() + " của phiên bản đang áp dụng không còn trong tệp tải lên.",
                            "The rule-table sheet " + o.sheet().name() + " of the version in force is missing from the upload."));
                }
            }
        }
        for (String path : baseData.layouts().keySet()) {
            if (!data.layouts().containsKey(path) && !now.containsKey(path)) {
                problems.add(LoadProblem.ofFile(path, "table_removed",
                        "Tệp bảng quy tắc " + path + " của phiên bản đang áp dụng không còn trong bộ tải lên.",
                        "The rule-table file " + path + " of the version in force is missing from the upload."));
            }
        }
        return problems;
    }

    /**
     * A table workbook the version in force does not have. An upload cannot add one (new tables come with a release),
     * so this is nearly always a rule file under another name: the browser's "profiles (1).drl.xlsx" for a second
     * download, another capital letter, "profiles.xlsx" without its ".drl". Said as a wrong name, with the names the
     * ruleset has and the one most likely meant, rather than as new tables on each of its sheets.
     */
    static LoadProblem unknownFileName(String path, Set<String> inForce) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        List<String> names = inForce.stream().filter(p -> p.startsWith(RulesetBuilder.TABLES_DIR) && RulesetBuilder.isTable(p))
                .map(p -> p.substring(RulesetBuilder.TABLES_DIR.length())).sorted().toList();
        String meant = names.stream().filter(n -> plainName(n.substring(n.lastIndexOf('/') + 1)).equals(plainName(name)))
                .findFirst().orElse(null);
        String listed = String.join(", ", names);
        return LoadProblem.ofFile(path, "unknown_file_name",
                "Tên tệp «" + name + "» không khớp tệp nào của bộ quy tắc (" + listed + ")"
                        + (meant != null ? "; hãy đặt lại tên là " + meant + " rồi tải lên lại." : "; hãy đặt lại tên tệp đúng như tệp đã tải về rồi tải lên lại."),
                "The file name «" + name + "» matches no file of the ruleset (" + listed + ")"
                        + (meant != null ? "; rename it to " + meant + " and upload it again." : "; give it the name of the file it was downloaded as and upload it again."));
    }

    /**
     * A file name without case, copy marks (" (1)", " - Copy", " - bản sao"), blanks or its extension (".drl.xlsx",
     * ".xlsx"), to find the name meant.
     */
    private static String plainName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("\\((\\d+)\\)|-\\s*(copy|bản sao)|^copy of|\\s", "")
                .replaceAll("(\\.drl)?\\.xlsx$", "");
    }

    private static void compare(String file, Layout now, Layout before, List<LoadProblem> problems) {
        TableColumns.Aligned aligned = TableColumns.aligned(file, now, before, problems);
        Map<String, Cell> a = aligned.before(), b = aligned.now();
        Set<String> places = new LinkedHashSet<>(b.keySet());
        places.addAll(a.keySet());
        for (String place : places) {
            Cell x = a.get(place), y = b.get(place);
            if (x != null && y != null && x.text().equals(y.text()) && Objects.equals(x.formula(), y.formula())) continue;
            Cell at = y != null ? y : x;
            String was = x == null ? "(trống / blank)" : "«" + x.text() + "»";
            problems.add(new LoadProblem(file, now.sheet().name(), at.row(), at.ref(),
                    y == null ? null : (y.formula() != null ? "=" + y.formula() : y.text()), "program_text_changed",
                    "Ô này là mã chương trình của bảng (từ khóa, tên bảng, dòng CONDITION/ACTION, dòng mẫu mã hoặc ngoài các cột dữ liệu), không phải giá trị chính sách; nó chỉ thay đổi bằng bản phát hành mới. Trong phiên bản đang áp dụng ô là "
                            + was + ".",
                    "This cell is program text of the table (a keyword, the table name, the CONDITION/ACTION row, the template row or outside the data columns), not a policy value; it changes only with a new release. In the version in force it is "
                            + was.replace("(trống / blank)", "blank") + "."));
        }
    }
}
