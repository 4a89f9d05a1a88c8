package vn.chuyenhoa.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * A new release brings new templates; the values policy staff changed through uploads since the last release must not
 * be lost with the old ones. Three sets are compared cell by cell: the release last seen (base), the version in force
 * (base plus what uploads changed) and the new release. A data cell that uploads changed is written onto the new
 * release where its column is the same there (same table, same keyword, code and label cells) and the release left
 * that cell as it was; anywhere else the release wins and the cell is listed to be entered again.
 *
 * <p>Cells are read in {@link #open} and {@link #text} only (POI's user model; the workbooks are a few tens of KB),
 * so the project's one cell reader can take their place there.
 */
final class ReleaseCarry {

    /** Rows of a Drools RuleTable below its "RuleTable" cell: keyword, object binding, code, label; then data. */
    private static final int HEADER_ROWS = 4;
    private static final DataFormatter FORMAT = new DataFormatter(java.util.Locale.ROOT);

    /** One cell an upload had changed: where it is in the new release, the value in force, and what was the base. */
    record Moved(String file, String sheet, String cell, String value, String releaseValue, String reasonVi,
                 String reasonEn) {}

    record Result(List<RuleFile> files, List<Moved> carried, List<Moved> reenter) {
        boolean changedAnything() { return !carried.isEmpty() || !reenter.isEmpty(); }
    }

    private record Table(String name, int row, int col, List<Integer> columns) {}

    private ReleaseCarry() {}

    /** The release as it is: nothing in force differs from the release last seen. */
    static Result none(List<RuleFile> release) {
        return new Result(release, List.of(), List.of());
    }

    static Result carry(List<RuleFile> base, List<RuleFile> inForce, List<RuleFile> release) {
        Map<String, byte[]> b = contents(base), f = contents(inForce);
        List<RuleFile> out = new ArrayList<>();
        List<Moved> carried = new ArrayList<>(), reenter = new ArrayList<>();
        for (RuleFile r : release) {
            byte[] was = b.get(r.path()), now = f.get(r.path());
            if (!r.path().endsWith(".xlsx") || was == null || now == null || Arrays.equals(was, now)) {
                out.add(r);
                continue;
            }
            out.add(new RuleFile(r.path(), carry(r.path(), was, now, r.content(), carried, reenter)));
        }
        return new Result(List.copyOf(out), List.copyOf(carried), List.copyOf(reenter));
    }

    private static byte[] carry(String path, byte[] was, byte[] now, byte[] release, List<Moved> carried, List<Moved> reenter) {
        try (Workbook base = open(was); Workbook inForce = open(now); Workbook next = open(release)) {
            int before = carried.size();
            for (Sheet forced : inForce) {
                Sheet old = base.getSheet(forced.getSheetName()), fresh = next.getSheet(forced.getSheetName());
                if (old == null) continue;
                Map<String, Table> oldTables = tables(old), freshTables = fresh == null ? Map.of() : tables(fresh);
                for (Table t : tables(forced).values()) {
                    Table o = oldTables.get(t.name());
                    if (o == null) continue;
                    carryTable(path, forced, t, old, o, fresh, freshTables.get(t.name()), carried, reenter);
                }
            }
            if (carried.size() == before) return release;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            next.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void carryTable(String path, Sheet forced, Table t, Sheet old, Table o, Sheet fresh, Table n,
                                   List<Moved> carried, List<Moved> reenter) {
        int rows = Math.max(dataRows(forced, t), dataRows(old, o));
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < t.columns().size(); k++) {
                int col = t.columns().get(k);
                String value = text(forced, t.row() + HEADER_ROWS + 1 + i, col);
                int oldCol = o.col() + (col - t.col());
                String was = text(old, o.row() + HEADER_ROWS + 1 + i, oldCol);
                if (Objects.equals(value, was)) continue;
                if (n == null) {
                    reenter.add(new Moved(path, forced.getSheetName(), ref(t.row() + HEADER_ROWS + 1 + i, col), value, null,
                            "Bảng " + t.name() + " không còn trong bản phát hành mới.",
                            "The table " + t.name() + " is not in the new release."));
                    continue;
                }
                int newRow = n.row() + HEADER_ROWS + 1 + i, newCol = n.col() + (col - t.col());
                String cell = ref(newRow, newCol);
                String released = text(fresh, newRow, newCol);
                if (!header(old, o, oldCol).equals(header(fresh, n, newCol))) {
                    reenter.add(new Moved(path, forced.getSheetName(), cell, value, released,
                            "Cột dữ liệu này đã đổi trong bản phát hành mới; nhập lại giá trị theo cột mới.",
                            "This data column changed in the new release; enter the value again under the new column."));
                } else if (!Objects.equals(released, was)) {
                    reenter.add(new Moved(path, forced.getSheetName(), cell, value, released,
                            "Bản phát hành mới cũng sửa ô này (" + was + " → " + released + "); xem lại và nhập lại nếu cần.",
                            "The new release changed this cell too (" + was + " → " + released + "); review it and enter it again if needed."));
                } else {
                    copy(cellAt(forced, t.row() + HEADER_ROWS + 1 + i, col), fresh, newRow, newCol);
                    carried.add(new Moved(path, forced.getSheetName(), cell, value, released,
                            "Giữ giá trị tỉnh đã tải lên.", "Kept the value uploaded by the province."));
                }
            }
        }
    }

    /** The RuleTables of a sheet by name, with the columns that carry data (those with a keyword or code cell). */
    private static Map<String, Table> tables(Sheet s) {
        Map<String, Table> out = new LinkedHashMap<>();
        for (Row r : s) {
            for (Cell c : r) {
                String v = text(s, r.getRowNum(), c.getColumnIndex());
                if (v == null || !v.startsWith("RuleTable")) continue;
                List<Integer> columns = new ArrayList<>();
                for (int col = c.getColumnIndex(); ; col++) {
                    if (text(s, r.getRowNum() + 1, col) == null && text(s, r.getRowNum() + 3, col) == null) break;
                    columns.add(col);
                }
                String name = v.substring("RuleTable".length()).strip();
                out.putIfAbsent(name, new Table(name, r.getRowNum(), c.getColumnIndex(), columns));
            }
        }
        return out;
    }

    /** Data rows down to the first row blank in every data column, as Drools reads a table. */
    private static int dataRows(Sheet s, Table t) {
        for (int n = 0; ; n++) {
            int row = t.row() + HEADER_ROWS + 1 + n;
            if (t.columns().stream().allMatch(col -> text(s, row, col) == null)) return n;
        }
    }

    private static List<String> header(Sheet s, Table t, int col) {
        List<String> h = new ArrayList<>();
        for (int i = 1; i <= HEADER_ROWS; i++) h.add(String.valueOf(text(s, t.row() + i, col)));
        return h;
    }

    static Workbook open(byte[] xlsx) throws IOException {
        return WorkbookFactory.create(new ByteArrayInputStream(xlsx));
    }

    /** A cell as the officer sees it, or null when blank. */
    static String text(Sheet s, int row, int col) {
        Cell c = cellAt(s, row, col);
        if (c == null) return null;
        String v = FORMAT.formatCellValue(c);
        return v.isBlank() ? null : v;
    }

    private static Cell cellAt(Sheet s, int row, int col) {
        Row r = s.getRow(row);
        return r == null ? null : r.getCell(col);
    }

    /** The cell's value and type; its look only where the release has no cell there yet. */
    private static void copy(Cell from, Sheet to, int row, int col) {
        Row r = to.getRow(row) == null ? to.createRow(row) : to.getRow(row);
        boolean created = r.getCell(col) == null;
        Cell c = created ? r.createCell(col) : r.getCell(col);
        if (from == null) {
            c.setBlank();
            return;
        }
        if (created) {
            CellStyle style = to.getWorkbook().createCellStyle();
            style.cloneStyleFrom(from.getCellStyle());
            c.setCellStyle(style);
        }
        switch (from.getCellType()) {
            case NUMERIC -> c.setCellValue(from.getNumericCellValue());
            case BOOLEAN -> c.setCellValue(from.getBooleanCellValue());
            case STRING -> c.setCellValue(from.getStringCellValue());
            case FORMULA -> c.setCellFormula(from.getCellFormula());
            default -> c.setBlank();
        }
    }

    private static String ref(int row, int col) {
        return CellReference.convertNumToColString(col) + (row + 1);
    }

    private static Map<String, byte[]> contents(List<RuleFile> files) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (RuleFile f : files) m.put(f.path(), f.content());
        return m;
    }
}
