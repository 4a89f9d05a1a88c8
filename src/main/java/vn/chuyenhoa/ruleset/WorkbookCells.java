package vn.chuyenhoa.ruleset;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one reader of workbook cells, for every workbook the service reads (decision tables shipped or uploaded, the
 * officers' facts sheet): streams each sheet's XML (POI's event API) and keeps every non-blank cell as the officer
 * sees it in Excel — the formatted text, whether a formula produced it, whether a percent or date format changes what
 * a program would read — with its address for problem reports and its typed value ({@link Cell#decimal()},
 * {@link Cell#integer()}, {@link Cell#date()}, {@link Cell#bool()}). Reading stops at a given number of rows per
 * sheet, so a huge upload costs neither the time nor the memory of loading it whole. Validation, the template check,
 * limits, the policy diff, a release's carried cells and the facts sheet all read cells here; what a cell must hold is
 * checked by its reader ({@link Cells} for the rows of decision tables). Drools reads a workbook itself only to
 * compile it, and the writers of workbooks (templates, exports) use POI's user model.
 */
public final class WorkbookCells {

    /** What a cell holds, as far as checking it is concerned. */
    public enum Kind { TEXT, NUMBER, BOOLEAN, ERROR }

    /**
     * One non-blank cell. {@code row} is 1-based as Excel shows it, {@code col} 0-based; {@code formula} is the formula
     * text when the cell has one; {@code format} the number format's code and {@code raw} the stored value, for numbers.
     */
    public record Cell(int row, int col, String text, Kind kind, String formula, String format, boolean dateFormatted, String raw) {
        /** The cell's address as Excel shows it ("D7"), the one every problem report names. */
        public String ref() { return CellReference.convertNumToColString(col) + row; }

        /** Whether the cell shows nothing (an empty string or blanks only). */
        public boolean blank() { return text.isBlank(); }

        /**
         * The number the workbook stores, exactly (never through a double), or null unless the cell is a number. A
         * percent-formatted cell showing "10%" stores 0.1, and 0.1 is what this gives: the value a program reads.
         */
        public BigDecimal decimal() {
            if (kind != Kind.NUMBER || raw == null) return null;
            try {
                return new BigDecimal(raw);
            } catch (NumberFormatException e) {
                return null; // NaN or infinity: no number a program should use
            }
        }

        /** The whole number the workbook stores ("123" or "123.0"), or null when it is no number or has a fraction. */
        public Long integer() {
            BigDecimal d = decimal();
            if (d == null) return null;
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }

        /** The day a date-formatted number stands for (Excel's serial day), or null for any other cell. */
        public LocalDate date() {
            if (kind != Kind.NUMBER || !dateFormatted) return null;
            try {
                return DateUtil.getLocalDateTime(Double.parseDouble(raw)).toLocalDate();
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** A TRUE/FALSE cell's value; null for any other cell. */
        public Boolean bool() {
            return kind == Kind.BOOLEAN ? "TRUE".equals(text) : null;
        }

        boolean percentFormatted() { return kind == Kind.NUMBER && format != null && format.contains("%"); }
    }

    /** A sheet's cells by row, then column. {@code truncatedAt} is the first row not read (over the limit), or 0. */
    public record Sheet(String name, TreeMap<Integer, TreeMap<Integer, Cell>> rows, int truncatedAt) {
        public Cell cell(int row, int col) {
            TreeMap<Integer, Cell> r = rows.get(row);
            return r == null ? null : r.get(col);
        }

        public String text(int row, int col) {
            Cell c = cell(row, col);
            return c == null ? null : c.text();
        }

        /** Whether a cell of the sheet reads "RuleSet": only such sheets are decision tables to Drools. */
        boolean hasRuleSet() {
            return rows.values().stream().flatMap(r -> r.values().stream())
                    .anyMatch(c -> c.text().strip().equalsIgnoreCase("RuleSet"));
        }
    }

    /** The sheets of one workbook in workbook order, or why it could not be read. */
    public record Workbook(String file, List<Sheet> sheets, LoadProblem unreadable) {
        public Map<String, Sheet> byName() {
            Map<String, Sheet> m = new LinkedHashMap<>();
            sheets.forEach(s -> m.put(s.name(), s));
            return m;
        }
    }

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private WorkbookCells() {}

    /** An uploaded workbook that is not a rule file, read by the same rules. */
    public static Workbook read(String name, byte[] content, int maxRowsPerSheet) {
        return read(new RuleFile(name, content), maxRowsPerSheet);
    }

    static Workbook read(RuleFile file, int maxRowsPerSheet) {
        byte[] bytes = file.content();
        if (startsWith(bytes, OLE2)) {
            return new Workbook(file.path(), List.of(), LoadProblem.ofFile(file.path(), "not_xlsx",
                    "Tệp là bảng tính Excel cũ (.xls, hoặc .xlsx có mật khẩu), không phải XLSX. Hãy mở trong Excel hoặc LibreOffice và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).",
                    "The file is a legacy Excel workbook (.xls, or a password-protected .xlsx), not XLSX. Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)."));
        }
        List<Sheet> sheets = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    SheetHandler handler = new SheetHandler(strings, styles, maxRowsPerSheet);
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(handler);
                    try {
                        xml.parse(new InputSource(in));
                    } catch (LimitReached stop) {
                        // the rest of the sheet is not read: the limit is reported instead
                    }
                    sheets.add(new Sheet(it.getSheetName(), handler.rows, handler.truncatedAt));
                }
            }
        } catch (Exception | LinkageError e) {
            return new Workbook(file.path(), List.of(), LoadProblem.ofFile(file.path(), "unreadable_workbook",
                    "Không đọc được tệp như một bảng tính XLSX. Hãy mở tệp trong Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.",
                    "The file cannot be read as an XLSX workbook. Open it in Excel or LibreOffice and save it again as .xlsx."));
        }
        return new Workbook(file.path(), List.copyOf(sheets), null);
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (bytes[i] != magic[i]) return false;
        return true;
    }

    private static final class LimitReached extends RuntimeException {
        LimitReached() { super(null, null, false, false); }
    }

    /** One sheet's XML: {@code <row r>}, {@code <c r t s>} with {@code <f>}, {@code <v>} or {@code <is><t>}. */
    private static final class SheetHandler extends DefaultHandler {
        private static final DataFormatter FORMATTER = new DataFormatter(Locale.ENGLISH);

        final TreeMap<Integer, TreeMap<Integer, Cell>> rows = new TreeMap<>();
        int truncatedAt;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final int maxRows;
        private int rowsSeen, nextRow = 1, nextCol;

        private String type, style;
        private int row, col;
        private final StringBuilder value = new StringBuilder(), formula = new StringBuilder();
        private boolean inValue, inFormula, inInline, hasFormula;

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, int maxRows) {
            this.strings = strings;
            this.styles = styles;
            this.maxRows = maxRows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            String name = localName.isEmpty() ? qName : localName;
            switch (name) {
                case "row" -> {
                    String r = a.getValue("r");
                    row = r == null ? nextRow : Integer.parseInt(r);
                    nextRow = row + 1;
                    nextCol = 0;
                    if (++rowsSeen > maxRows) {
                        truncatedAt = row;
                        throw new LimitReached();
                    }
                }
                case "c" -> {
                    String r = a.getValue("r");
                    if (r != null) {
                        CellReference ref = new CellReference(r);
                        col = ref.getCol();
                        row = ref.getRow() + 1;
                    } else {
                        col = nextCol;
                    }
                    nextCol = col + 1;
                    type = a.getValue("t");
                    style = a.getValue("s");
                    value.setLength(0);
                    formula.setLength(0);
                    hasFormula = false;
                }
                case "f" -> { inFormula = true; hasFormula = true; }
                case "v" -> inValue = true;
                case "is" -> inInline = true;
                case "t" -> { if (inInline) inValue = true; }
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String name = localName.isEmpty() ? qName : localName;
            switch (name) {
                case "f" -> inFormula = false;
                case "v" -> inValue = false;
                case "t" -> { if (inInline) inValue = false; }
                case "is" -> inInline = false;
                case "c" -> cell();
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inFormula) formula.append(ch, start, length);
            else if (inValue) value.append(ch, start, length);
        }

        private void cell() {
            String raw = value.toString();
            String f = hasFormula ? formula.toString() : null;
            if (raw.isEmpty() && f == null) return;
            Cell c;
            String t = type == null ? "n" : type;
            switch (t) {
                case "s" -> {
                    String s;
                    try {
                        s = strings.getItemAt(Integer.parseInt(raw.strip())).getString();
                    } catch (RuntimeException e) {
                        s = raw;
                    }
                    c = new Cell(row, col, s, Kind.TEXT, f, null, false, null);
                }
                case "inlineStr", "str" -> c = new Cell(row, col, raw, Kind.TEXT, f, null, false, null);
                case "b" -> c = new Cell(row, col, "1".equals(raw.strip()) ? "TRUE" : "FALSE", Kind.BOOLEAN, f, null, false, null);
                case "e" -> c = new Cell(row, col, raw, Kind.ERROR, f, null, false, null);
                default -> c = number(raw, f);
            }
            if (c.text().isEmpty() && c.formula() == null) return;
            rows.computeIfAbsent(row, k -> new TreeMap<>()).put(col, c);
        }

        private Cell number(String raw, String f) {
            XSSFCellStyle s = null;
            if (style != null && styles != null) {
                try {
                    s = styles.getStyleAt(Integer.parseInt(style));
                } catch (RuntimeException e) {
                    s = null;
                }
            }
            short formatIndex = s == null ? 0 : s.getDataFormat();
            String format = s == null ? "General" : s.getDataFormatString();
            if (format == null) format = "General";
            double d;
            try {
                d = Double.parseDouble(raw.strip());
            } catch (NumberFormatException e) {
                return new Cell(row, col, raw, Kind.TEXT, f, null, false, null);
            }
            boolean date = DateUtil.isADateFormat(formatIndex, format);
            String shown = FORMATTER.formatRawCellContents(d, formatIndex, format);
            return new Cell(row, col, shown, Kind.NUMBER, f, format, date, raw.strip());
        }
    }
}
