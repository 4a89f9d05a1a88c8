package vn.chuyenhoa.programme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.kernel.Numbers;
import vn.chuyenhoa.ruleset.WorkbookCells;

/**
 * The facts spreadsheet of a province and a period (issue 15): its layout, the template an officer downloads and the
 * reading of the file they upload. One row per commune: its code, its name, then one column per fact of the catalogue
 * ({@link Fact}), headed by the fact's Vietnamese term. The province and the periods sit in the rows above, so a file
 * says what it is about wherever it travels. Cells are read by the project's one cell reader
 * ({@link WorkbookCells}), which stops at a row limit; what a cell should hold is checked here, cell by cell, so an
 * error names the cell and the column's label, never a field name.
 */
final class FactSheet {

    static final String DATA = "Số liệu";
    static final String HELP = "Hướng dẫn";
    /** 1-based rows, as Excel shows them. */
    static final int PROVINCE_ROW = 2, PERIOD_ROW = 3, BASELINE_ROW = 4, HEADER_ROW = 6, FIRST_ROW = 7;
    static final int CODE_COL = 0, NAME_COL = 1, FIRST_FACT_COL = 2;
    /** Data rows a file may hold: a province has at most a few hundred communes. */
    static final int MAX_ROWS = 2000;
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final String YES = "có", NO = "không";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_LOOSE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final List<Fact> FACTS = List.of(Fact.values());

    /** What a file is about: the province ("QD124_2004:11") and the periods; the baseline may be absent. */
    public record Header(String province, LocalDate from, LocalDate to, LocalDate baselineFrom, LocalDate baselineTo) {}

    /** A commune the template lists already. */
    record Commune(String code, String name) {}

    /** A cell that does not hold what its column asks for; {@code cell} like "D7", labels are the column's. */
    public record Problem(String cell, String labelVi, String labelEn, String messageVi, String messageEn) {}

    /** A number typed as text ("5.400") and the number read from it. */
    public record TextNumber(String cell, String labelVi, String labelEn, String typed, long value) {
        public String shownVi() { return Numbers.format(value, true); }

        public String shownEn() { return Numbers.format(value, false); }
    }

    /** One commune's row: the facts read (counts as Long, flags as Boolean), or its problems. */
    record Line(int row, String code, String name, Map<Fact, Object> facts, List<TextNumber> textNumbers,
                List<Problem> problems) {}

    /** A file read: its header and lines, or the problems that keep it from being read at all. */
    record Read(Header header, List<Line> lines, List<Problem> problems) {}

    private FactSheet() {}

    // ---- labels ----------------------------------------------------------------------------------------------------

    /** The fact's Vietnamese term, as the catalogue gives it in brackets after its meaning. */
    static String labelVi(Fact f) {
        String m = f.meaning();
        int open = m.indexOf(" ("), close = m.lastIndexOf(')');
        String vi = open < 0 || close < open ? m : m.substring(open + 2, close);
        return vi.substring(0, 1).toUpperCase(Locale.forLanguageTag("vi")) + vi.substring(1);
    }

    static String labelEn(Fact f) {
        String m = f.meaning();
        int open = m.indexOf(" (");
        String en = open < 0 ? m : m.substring(0, open);
        return en.substring(0, 1).toUpperCase(Locale.ENGLISH) + en.substring(1);
    }

    static String column(int col) {
        return CellReference.convertNumToColString(col);
    }

    static int columnOf(Fact f) {
        return FIRST_FACT_COL + FACTS.indexOf(f);
    }

    // ---- the template ----------------------------------------------------------------------------------------------

    static byte[] template(String provinceName, Header h, List<Commune> communes) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            head.setWrapText(true);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));

            Sheet s = wb.createSheet(DATA);
            set(s, 0, 0, "Số liệu đánh giá chuyển hóa địa bàn — " + provinceName, head);
            set(s, PROVINCE_ROW - 1, 0, "Tỉnh, thành phố", head);
            set(s, PROVINCE_ROW - 1, 1, provinceName, null);
            set(s, PROVINCE_ROW - 1, 2, "Mã", head);
            set(s, PROVINCE_ROW - 1, 3, h.province(), null);
            period(s, PERIOD_ROW, "Kỳ đánh giá từ ngày", h.from(), h.to(), head, text);
            period(s, BASELINE_ROW, "Kỳ so sánh từ ngày", h.baselineFrom(), h.baselineTo(), head, text);
            set(s, HEADER_ROW - 1, CODE_COL, "Mã xã", head);
            set(s, HEADER_ROW - 1, NAME_COL, "Tên xã, phường, thị trấn", head);
            for (Fact f : FACTS) set(s, HEADER_ROW - 1, columnOf(f), labelVi(f), head);
            int r = FIRST_ROW - 1;
            for (Commune c : communes) {
                set(s, r, CODE_COL, c.code(), text);
                set(s, r, NAME_COL, c.name(), null);
                r++;
            }
            // codes stay text (a leading zero is part of the code) in every row an officer may add
            for (int row = FIRST_ROW - 1; row < FIRST_ROW - 1 + MAX_ROWS; row++) {
                Row x = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
                if (x.getCell(CODE_COL) == null) x.createCell(CODE_COL).setCellStyle(text);
            }
            validations(s);
            s.setColumnWidth(CODE_COL, 10 * 256);
            s.setColumnWidth(NAME_COL, 28 * 256);
            for (Fact f : FACTS) s.setColumnWidth(columnOf(f), 22 * 256);
            s.getRow(HEADER_ROW - 1).setHeightInPoints(90);
            s.createFreezePane(FIRST_FACT_COL, FIRST_ROW - 1);
            help(wb.createSheet(HELP), head, provinceName, h);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void period(Sheet s, int row, String label, LocalDate from, LocalDate to, CellStyle head, CellStyle text) {
        set(s, row - 1, 0, label, head);
        set(s, row - 1, 1, from == null ? "" : DAY.format(from), text);
        set(s, row - 1, 2, "đến ngày", head);
        set(s, row - 1, 3, to == null ? "" : DAY.format(to), text);
    }

    private static void validations(Sheet s) {
        DataValidationHelper dv = s.getDataValidationHelper();
        int first = FIRST_ROW - 1, last = FIRST_ROW - 2 + MAX_ROWS;
        for (Fact f : FACTS) {
            int col = columnOf(f);
            DataValidation v;
            if (f.type() == Fact.Type.COUNT) {
                v = dv.createValidation(dv.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL,
                        "0", null), new CellRangeAddressList(first, last, col, col));
                v.createErrorBox("Số không hợp lệ", "Nhập số nguyên từ 0 trở lên (ví dụ 5400 hoặc 5.400).");
            } else {
                v = dv.createValidation(dv.createExplicitListConstraint(new String[]{YES, NO}),
                        new CellRangeAddressList(first, last, col, col));
                v.createErrorBox("Giá trị không hợp lệ", "Chọn \"có\" hoặc \"không\", hoặc để trống nếu chưa có số liệu.");
            }
            v.setShowErrorBox(true);
            v.setEmptyCellAllowed(true);
            s.addValidationData(v);
        }
    }

    private static void help(Sheet s, CellStyle head, String provinceName, Header h) {
        List<String> lines = List.of(
                "Hướng dẫn nhập số liệu đánh giá chuyển hóa địa bàn — " + provinceName,
                "",
                "1. Mỗi dòng của trang \"" + DATA + "\" là một xã, phường, thị trấn. Các địa bàn đang chuyển hóa hoặc đang theo dõi"
                        + " sau chuyển hóa trong kỳ đã được điền sẵn mã và tên; có thể thêm dòng cho xã khác của tỉnh.",
                "2. Cột \"Mã xã\" là mã đơn vị hành chính (ví dụ 03124); tên xã để đối chiếu, có thể bỏ trống.",
                "3. Cột số lượng: nhập số nguyên từ 0 trở lên. Có thể viết theo kiểu Việt Nam, dấu chấm ngăn cách hàng nghìn"
                        + " (5.400 là năm nghìn bốn trăm); không nhập số thập phân.",
                "4. Cột có/không: chọn \"có\" hoặc \"không\" trong danh sách.",
                "5. Ô để trống là chưa có số liệu; tiêu chí cần số liệu đó sẽ được ghi là thiếu số liệu. Dòng chưa điền"
                        + " số liệu nào thì không được đánh giá, không được lưu.",
                "6. Kỳ đánh giá (" + (h.from() == null ? "" : DAY.format(h.from())) + " – "
                        + (h.to() == null ? "" : DAY.format(h.to())) + ") và kỳ so sánh (dùng cho tiêu chí giảm tội phạm,"
                        + " giảm điểm tệ nạn) ghi ở đầu trang, dạng ngày/tháng/năm (dd/mm/yyyy).",
                "7. Không đổi tên trang, không xóa hay đổi thứ tự cột, không sửa dòng tiêu đề.",
                "8. Tải tệp lên trang \"Nhập số liệu bằng bảng tính\": mỗi dòng được kiểm tra và đánh giá thử; lỗi được chỉ ra"
                        + " theo từng ô. Bấm \"Lưu\" để lưu các dòng hợp lệ; dòng đã lưu trước đây không bị lưu lại.",
                "",
                "Các cột số liệu:");
        int r = 0;
        for (String line : lines) set(s, r++, 0, line, r == 1 ? head : null);
        set(s, r, 0, "Cột", head);
        set(s, r, 1, "Số liệu", head);
        set(s, r, 2, "Kiểu", head);
        r++;
        for (Fact f : FACTS) {
            set(s, r, 0, column(columnOf(f)), null);
            set(s, r, 1, labelVi(f), null);
            set(s, r, 2, f.type() == Fact.Type.COUNT ? "số nguyên ≥ 0" : "có / không", null);
            r++;
        }
        s.setColumnWidth(0, 12 * 256);
        s.setColumnWidth(1, 90 * 256);
        s.setColumnWidth(2, 18 * 256);
    }

    private static void set(Sheet s, int row, int col, String value, CellStyle style) {
        Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
        var c = r.createCell(col);
        c.setCellValue(value);
        if (style != null) c.setCellStyle(style);
    }

    // ---- reading an upload -----------------------------------------------------------------------------------------

    static Read read(byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        if (bytes.length > MAX_BYTES) {
            problems.add(fileProblem("Tệp lớn hơn " + Numbers.format(MAX_BYTES / 1024 / 1024, true)
                    + " MB, quá lớn cho một bảng số liệu của một tỉnh.",
                    "The file is larger than " + MAX_BYTES / 1024 / 1024 + " MB, too large for one province's facts."));
            return new Read(null, List.of(), problems);
        }
        WorkbookCells.Workbook wb = WorkbookCells.read("upload.xlsx", bytes, HEADER_ROW + MAX_ROWS);
        if (wb.unreadable() != null) {
            problems.add(fileProblem(wb.unreadable().messageVi(), wb.unreadable().messageEn()));
            return new Read(null, List.of(), problems);
        }
        WorkbookCells.Sheet s = wb.byName().get(DATA);
        if (s == null) {
            problems.add(fileProblem("Tệp không có trang \"" + DATA + "\"; hãy dùng mẫu tải về từ trang này.",
                    "The file has no sheet \"" + DATA + "\"; use the template downloaded from this page."));
            return new Read(null, List.of(), problems);
        }
        if (s.truncatedAt() > 0) {
            problems.add(new Problem("A" + s.truncatedAt(), "Dòng", "Row", "Tệp có quá nhiều dòng: mỗi tệp có tối đa "
                    + Numbers.format(MAX_ROWS, true) + " dòng số liệu; không đọc từ dòng " + s.truncatedAt() + ".",
                    "The file has too many rows: at most " + Numbers.format(MAX_ROWS, false) + " rows of facts; row "
                            + s.truncatedAt() + " onwards was not read."));
            return new Read(null, List.of(), problems);
        }
        checkHeadings(s, problems);
        Header header = header(s, problems);
        if (!problems.isEmpty()) return new Read(header, List.of(), problems);
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<Integer, TreeMap<Integer, WorkbookCells.Cell>> e : s.rows().tailMap(FIRST_ROW).entrySet()) {
            Line line = line(e.getKey(), e.getValue());
            if (line != null) lines.add(line);
        }
        if (lines.isEmpty()) {
            problems.add(new Problem("A" + FIRST_ROW, "Mã xã", "Commune code", "Tệp chưa có dòng số liệu nào.",
                    "The file has no row of facts."));
        }
        return new Read(header, lines, problems);
    }

    private static Problem fileProblem(String vi, String en) {
        return new Problem(null, "Tệp", "File", vi, en);
    }

    private static void checkHeadings(WorkbookCells.Sheet s, List<Problem> problems) {
        heading(s, CODE_COL, "Mã xã", problems);
        heading(s, NAME_COL, "Tên xã, phường, thị trấn", problems);
        for (Fact f : FACTS) heading(s, columnOf(f), labelVi(f), problems);
    }

    private static void heading(WorkbookCells.Sheet s, int col, String expected, List<Problem> problems) {
        String found = s.text(HEADER_ROW, col);
        if (found == null || !same(found, expected)) {
            String cell = column(col) + HEADER_ROW;
            problems.add(new Problem(cell, "Tiêu đề cột", "Column heading", "Ô " + cell + " phải là tiêu đề \"" + expected
                    + "\"; hãy dùng mẫu tải về, không xóa hay đổi thứ tự cột.",
                    "Cell " + cell + " must be the heading \"" + expected + "\"; use the downloaded template without "
                            + "removing or moving columns."));
        }
    }

    private static Header header(WorkbookCells.Sheet s, List<Problem> problems) {
        String province = s.text(PROVINCE_ROW, 3);
        if (province == null || province.isBlank()) {
            problems.add(new Problem("D" + PROVINCE_ROW, "Mã tỉnh", "Province code", "Thiếu mã tỉnh ở ô D" + PROVINCE_ROW
                    + "; hãy dùng mẫu tải về.", "The province code in D" + PROVINCE_ROW + " is missing; use the template."));
        }
        LocalDate from = day(s, PERIOD_ROW, 1, "Kỳ đánh giá từ ngày", "Period from", true, problems);
        LocalDate to = day(s, PERIOD_ROW, 3, "Kỳ đánh giá đến ngày", "Period to", true, problems);
        LocalDate bFrom = day(s, BASELINE_ROW, 1, "Kỳ so sánh từ ngày", "Baseline from", false, problems);
        LocalDate bTo = day(s, BASELINE_ROW, 3, "Kỳ so sánh đến ngày", "Baseline to", false, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new Problem("D" + PERIOD_ROW, "Kỳ đánh giá đến ngày", "Period to",
                    "Ngày kết thúc kỳ đánh giá trước ngày bắt đầu.", "The period ends before it starts."));
        }
        if ((bFrom == null) != (bTo == null)) {
            String cell = (bFrom == null ? "B" : "D") + BASELINE_ROW;
            problems.add(new Problem(cell, "Kỳ so sánh", "Baseline period", "Kỳ so sánh cần cả ngày bắt đầu và ngày kết thúc"
                    + " (hoặc để trống cả hai).", "The baseline period needs both days (or neither)."));
        }
        return new Header(province == null ? null : province.strip(), from, to, bFrom, bTo);
    }

    private static LocalDate day(WorkbookCells.Sheet s, int row, int col, String labelVi, String labelEn, boolean required,
                                 List<Problem> problems) {
        WorkbookCells.Cell c = s.cell(row, col);
        String cell = column(col) + row;
        if (c == null || c.blank()) {
            if (required) problems.add(new Problem(cell, labelVi, labelEn, "Chưa nhập ngày (dd/mm/yyyy).",
                    "No date was entered (dd/mm/yyyy)."));
            return null;
        }
        if (c.date() != null) return c.date();
        String t = c.text().strip();
        for (DateTimeFormatter f : List.of(DAY, DAY_LOOSE)) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // the next form, or refused below
            }
        }
        problems.add(new Problem(cell, labelVi, labelEn, "\"" + clip(t) + "\" không phải là ngày dạng dd/mm/yyyy.",
                "\"" + clip(t) + "\" is not a date written dd/mm/yyyy."));
        return null;
    }

    /**
     * A row's cells; null for a row without a single fact: a listed commune the officer did not fill is no evaluation
     * to store (it would be one of missing data only).
     */
    private static Line line(int row, TreeMap<Integer, WorkbookCells.Cell> cells) {
        if (cells.tailMap(FIRST_FACT_COL).values().stream().allMatch(WorkbookCells.Cell::blank)) return null;
        List<Problem> problems = new ArrayList<>();
        List<TextNumber> textNumbers = new ArrayList<>();
        String code = code(cells.get(CODE_COL), row, problems);
        WorkbookCells.Cell nameCell = cells.get(NAME_COL);
        String name = nameCell == null || nameCell.blank() ? null : nameCell.text().strip();
        Map<Fact, Object> facts = new EnumMap<>(Fact.class);
        for (Fact f : FACTS) {
            WorkbookCells.Cell c = cells.get(columnOf(f));
            if (c == null || c.blank()) continue;
            Object v = f.type() == Fact.Type.COUNT ? count(f, c, problems, textNumbers) : flag(f, c, problems);
            if (v != null) facts.put(f, v);
        }
        int lastFact = columnOf(FACTS.get(FACTS.size() - 1));
        for (WorkbookCells.Cell c : cells.tailMap(lastFact + 1).values()) {
            if (c.blank()) continue;
            problems.add(new Problem(c.ref(), "Ngoài bảng", "Outside the table", "Ô " + c.ref()
                    + " nằm ngoài các cột của mẫu; hãy xóa nội dung này.",
                    "Cell " + c.ref() + " is outside the template's columns; remove what it holds."));
        }
        return new Line(row, code, name, facts, textNumbers, problems);
    }

    private static String code(WorkbookCells.Cell c, int row, List<Problem> problems) {
        String cell = column(CODE_COL) + row;
        if (c == null || c.blank()) {
            problems.add(new Problem(cell, "Mã xã", "Commune code", "Dòng có số liệu nhưng thiếu mã xã.",
                    "The row has facts but no commune code."));
            return null;
        }
        String t = c.text().strip();
        // a code typed as a number lost its leading zero: codes of communes are five digits
        Long typed = c.integer();
        if (typed != null && typed >= 0 && typed <= 99_999) t = String.format("%05d", typed);
        if (!t.matches("\\d{1,10}")) {
            problems.add(new Problem(cell, "Mã xã", "Commune code", "\"" + clip(t) + "\" không phải là mã xã (chỉ gồm chữ số,"
                    + " ví dụ 03124).", "\"" + clip(t) + "\" is not a commune code (digits only, for example 03124)."));
            return null;
        }
        return t;
    }

    private static Long count(Fact f, WorkbookCells.Cell c, List<Problem> problems, List<TextNumber> textNumbers) {
        BigDecimal value;
        boolean typedAsText = false;
        if (c.kind() == WorkbookCells.Kind.NUMBER) {
            value = c.decimal();
        } else if (c.kind() == WorkbookCells.Kind.TEXT) {
            Numbers.Read read = Numbers.parse(c.text(), true);
            if (!read.ok()) {
                problems.add(new Problem(c.ref(), labelVi(f), labelEn(f), read.problemVi(), read.problemEn()));
                return null;
            }
            value = read.value();
            typedAsText = true;
        } else {
            value = null;
        }
        if (value == null) {
            problems.add(new Problem(c.ref(), labelVi(f), labelEn(f), "\"" + clip(c.text()) + "\" không phải là số.",
                    "\"" + clip(c.text()) + "\" is not a number."));
            return null;
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            String shownVi = Numbers.format(value, true), shownEn = Numbers.format(value, false);
            problems.add(new Problem(c.ref(), labelVi(f), labelEn(f), "Cần một số nguyên từ 0 đến "
                    + Numbers.format(Integer.MAX_VALUE, true) + ", không phải " + shownVi + ".",
                    "A whole number from 0 to " + Numbers.format(Integer.MAX_VALUE, false) + " is needed, not " + shownEn + "."));
            return null;
        }
        long v = value.longValueExact();
        if (typedAsText) textNumbers.add(new TextNumber(c.ref(), labelVi(f), labelEn(f), c.text().strip(), v));
        return v;
    }

    private static Boolean flag(Fact f, WorkbookCells.Cell c, List<Problem> problems) {
        if (c.bool() != null) return c.bool();
        String t = Normalizer.normalize(c.text().strip(), Normalizer.Form.NFC).toLowerCase(Locale.forLanguageTag("vi"));
        if (t.equals(YES) || t.equals("yes")) return true;
        if (t.equals(NO) || t.equals("no")) return false;
        problems.add(new Problem(c.ref(), labelVi(f), labelEn(f), "\"" + clip(c.text()) + "\" không phải là \"có\" hoặc \"không\".",
                "\"" + clip(c.text()) + "\" is not \"có\" (yes) or \"không\" (no)."));
        return null;
    }

    private static boolean same(String a, String b) {
        return Normalizer.normalize(a.strip(), Normalizer.Form.NFC).equalsIgnoreCase(Normalizer.normalize(b, Normalizer.Form.NFC));
    }

    private static String clip(String s) {
        return vn.chuyenhoa.http.Shown.clip(s);
    }
}
