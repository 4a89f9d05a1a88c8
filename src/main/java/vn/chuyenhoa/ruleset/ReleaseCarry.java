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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import vn.chuyenhoa.ruleset.WorkbookCells.Kind;

/**
 * A new release brings new templates; the values policy staff changed through uploads since the last release must not
 * be lost with the old ones. Three sets are compared cell by cell: the release last seen (base), the version in force
 * (base plus what uploads changed) and the new release. A data cell that uploads changed is written onto the new
 * release where its column is the same there (same table, same keyword, code and label cells) and the release left
 * that cell as it was; anywhere else the release wins and the cell is listed to be entered again.
 *
 * <p>The three workbooks are read by the project's one cell reader ({@link WorkbookCells}); POI's user model opens the
 * new release only to write the carried cells into it, and only when there are any.
 */
final class ReleaseCarry {

    /** Rows of a Drools RuleTable below its "RuleTable" cell: keyword, object binding, code, label; then data. */
    private static final int HEADER_ROWS = 4;

    /** One cell an upload had changed: where it is in the new release, the value in force, and what was the base. */
    record Moved(String file, String sheet, String cell, String value, String releaseValue, String reasonVi,
                 String reasonEn) {}

    record Result(List<RuleFile> files, List<Moved> carried, List<Moved> reenter) {
        boolean changedAnything() { return !carried.isEmpty() || !reenter.isEmpty(); }
    }

    /** A RuleTable: its name, the 1-based row and 0-based column of its "RuleTable" cell, its data columns. */
    private record Table(String name, int row, int col, List<Integer> columns) {}

    /** A cell in force to write onto the release at {@code row} (1-based) and {@code col}; null {@code from} blanks it. */
    private record Copy(String sheet, int row, int col, WorkbookCells.Cell from) {}

    /**
     * Why a cell was listed or kept, in the words of the case: a new release's templates, or a draft carried onto the
     * version in force (see {@link #rebase}).
     */
    private record Words(String goneVi, String goneEn, String columnVi, String columnEn, String bothVi, String bothEn,
                         String keptVi, String keptEn) {}

    private static final Words RELEASE = new Words(
            "Bảng %s không còn trong bản phát hành mới.", "The table %s is not in the new release.",
            "Cột dữ liệu này đã đổi trong bản phát hành mới; nhập lại giá trị theo cột mới.",
            "This data column changed in the new release; enter the value again under the new column.",
            "Bản phát hành mới cũng sửa ô này (%s → %s); xem lại và nhập lại nếu cần.",
            "The new release changed this cell too (%s → %s); review it and enter it again if needed.",
            "Giữ giá trị tỉnh đã tải lên.", "Kept the value uploaded by the province.");

    private static final Words REBASE = new Words(
            "Bảng %s không còn trong phiên bản đang áp dụng.", "The table %s is not in the version in force.",
            "Cột dữ liệu này đã đổi trong phiên bản đang áp dụng; nhập lại giá trị theo cột mới.",
            "This data column changed in the version in force; enter the value again under the new column.",
            "Phiên bản đang áp dụng cũng sửa ô này (%s → %s); ô giữ giá trị đang áp dụng, nhập lại giá trị của bản nháp nếu vẫn cần.",
            "The version in force changed this cell too (%s → %s); it keeps the value in force; enter the draft's value again if still needed.",
            "Giữ giá trị của bản nháp.", "Kept the draft's value.");

    private ReleaseCarry() {}

    /** The release as it is: nothing in force differs from the release last seen. */
    static Result none(List<RuleFile> release) {
        return new Result(release, List.of(), List.of());
    }

    static Result carry(List<RuleFile> base, List<RuleFile> inForce, List<RuleFile> release) {
        return carry(base, inForce, release, RELEASE);
    }

    /**
     * A draft made on {@code base} carried onto the version in force: what the draft changed is written where the
     * version in force left the cell as the base had it; a cell both changed keeps the value in force and is listed
     * ({@link Moved#value} the draft's, {@link Moved#releaseValue} the one in force). A file the draft added is added
     * where the version in force has none; any other change of a whole file cannot be carried cell by cell and is listed.
     */
    static Result rebase(List<RuleFile> base, List<RuleFile> draft, List<RuleFile> inForce) {
        Result cells = carry(base, draft, inForce, REBASE);
        Map<String, byte[]> b = contents(base), d = contents(draft), f = contents(inForce);
        List<RuleFile> files = new ArrayList<>(cells.files());
        List<Moved> reenter = new ArrayList<>(cells.reenter());
        d.forEach((path, bytes) -> {
            if (b.containsKey(path)) {
                if (Arrays.equals(bytes, b.get(path))) return;
                if (!f.containsKey(path)) {
                    reenter.add(wholeFile(path, "Phiên bản đang áp dụng không còn tệp này.", "The version in force no longer has this file."));
                } else if (!path.endsWith(".xlsx") && !Arrays.equals(bytes, f.get(path))) {
                    reenter.add(wholeFile(path, "Bản nháp sửa tệp này, không phải ô dữ liệu; không chuyển được.",
                            "The draft changed this file, not data cells; it cannot be carried."));
                }
            } else if (!f.containsKey(path)) {
                files.add(new RuleFile(path, bytes));
            } else if (!Arrays.equals(bytes, f.get(path))) {
                reenter.add(wholeFile(path, "Bản nháp và phiên bản đang áp dụng cùng thêm tệp này, khác nhau; giữ tệp đang áp dụng.",
                        "The draft and the version in force both added this file, differently; the one in force is kept."));
            }
        });
        b.keySet().stream().filter(path -> !d.containsKey(path) && f.containsKey(path)).forEach(path -> reenter.add(
                wholeFile(path, "Bản nháp bỏ tệp này; phiên bản đang áp dụng vẫn giữ.", "The draft removed this file; the version in force keeps it.")));
        return new Result(List.copyOf(files), cells.carried(), List.copyOf(reenter));
    }

    private static Moved wholeFile(String path, String vi, String en) {
        return new Moved(path, "", "", null, null, vi, en);
    }

    private static Result carry(List<RuleFile> base, List<RuleFile> inForce, List<RuleFile> release, Words words) {
        Map<String, byte[]> b = contents(base), f = contents(inForce);
        List<RuleFile> out = new ArrayList<>();
        List<Moved> carried = new ArrayList<>(), reenter = new ArrayList<>();
        for (RuleFile r : release) {
            byte[] was = b.get(r.path()), now = f.get(r.path());
            if (!r.path().endsWith(".xlsx") || was == null || now == null || Arrays.equals(was, now)) {
                out.add(r);
                continue;
            }
            out.add(new RuleFile(r.path(), carry(r, was, now, carried, reenter, words)));
        }
        return new Result(List.copyOf(out), List.copyOf(carried), List.copyOf(reenter));
    }

    private static byte[] carry(RuleFile release, byte[] was, byte[] now, List<Moved> carried, List<Moved> reenter,
                                Words words) {
        Map<String, WorkbookCells.Sheet> base = sheets(release.path(), was), next = sheets(release.path(), release.content()),
                inForce = sheets(release.path(), now);
        // a workbook that cannot be read carries nothing: validation refuses it and says why
        if (base == null || next == null || inForce == null) return release.content();
        List<Copy> copies = new ArrayList<>();
        for (WorkbookCells.Sheet forced : inForce.values()) {
            WorkbookCells.Sheet old = base.get(forced.name()), fresh = next.get(forced.name());
            if (old == null) continue;
            Map<String, Table> oldTables = tables(old), freshTables = fresh == null ? Map.of() : tables(fresh);
            for (Table t : tables(forced).values()) {
                Table o = oldTables.get(t.name());
                if (o == null) continue;
                carryTable(release.path(), forced, t, old, o, fresh, freshTables.get(t.name()), copies, carried, reenter, words);
            }
        }
        return copies.isEmpty() ? release.content() : write(release.content(), copies);
    }

    private static void carryTable(String path, WorkbookCells.Sheet forced, Table t, WorkbookCells.Sheet old, Table o,
                                   WorkbookCells.Sheet fresh, Table n, List<Copy> copies, List<Moved> carried,
                                   List<Moved> reenter, Words words) {
        int rows = Math.max(dataRows(forced, t), dataRows(old, o));
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < t.columns().size(); k++) {
                int col = t.columns().get(k);
                String value = text(forced, t.row() + HEADER_ROWS + 1 + i, col);
                int oldCol = o.col() + (col - t.col());
                String was = text(old, o.row() + HEADER_ROWS + 1 + i, oldCol);
                if (Objects.equals(value, was)) continue;
                if (n == null) {
                    reenter.add(new Moved(path, forced.name(), ref(t.row() + HEADER_ROWS + 1 + i, col), value, null,
                            words.goneVi().formatted(t.name()), words.goneEn().formatted(t.name())));
                    continue;
                }
                int newRow = n.row() + HEADER_ROWS + 1 + i, newCol = n.col() + (col - t.col());
                String cell = ref(newRow, newCol);
                String released = text(fresh, newRow, newCol);
                if (!header(old, o, oldCol).equals(header(fresh, n, newCol))) {
                    reenter.add(new Moved(path, forced.name(), cell, value, released, words.columnVi(), words.columnEn()));
                } else if (Objects.equals(released, value)) {
                    // both sides made the same change: nothing to carry, nothing to enter again
                    continue;
                } else if (!Objects.equals(released, was)) {
                    reenter.add(new Moved(path, forced.name(), cell, value, released,
                            words.bothVi().formatted(was, released), words.bothEn().formatted(was, released)));
                } else {
                    copies.add(new Copy(forced.name(), newRow, newCol, forced.cell(t.row() + HEADER_ROWS + 1 + i, col)));
                    carried.add(new Moved(path, forced.name(), cell, value, released, words.keptVi(), words.keptEn()));
                }
            }
        }
    }

    /** The RuleTables of a sheet by name, with the columns that carry data (those with a keyword or code cell). */
    private static Map<String, Table> tables(WorkbookCells.Sheet s) {
        Map<String, Table> out = new LinkedHashMap<>();
        s.rows().forEach((row, cells) -> cells.values().forEach(c -> {
            String v = text(s, row, c.col());
            if (v == null || !v.startsWith("RuleTable")) return;
            List<Integer> columns = new ArrayList<>();
            for (int col = c.col(); ; col++) {
                if (text(s, row + 1, col) == null && text(s, row + 3, col) == null) break;
                columns.add(col);
            }
            String name = v.substring("RuleTable".length()).strip();
            out.putIfAbsent(name, new Table(name, row, c.col(), columns));
        }));
        return out;
    }

    /** Data rows down to the first row blank in every data column, as Drools reads a table. */
    private static int dataRows(WorkbookCells.Sheet s, Table t) {
        for (int n = 0; ; n++) {
            int row = t.row() + HEADER_ROWS + 1 + n;
            if (t.columns().stream().allMatch(col -> text(s, row, col) == null)) return n;
        }
    }

    private static List<String> header(WorkbookCells.Sheet s, Table t, int col) {
        List<String> h = new ArrayList<>();
        for (int i = 1; i <= HEADER_ROWS; i++) h.add(String.valueOf(text(s, t.row() + i, col)));
        return h;
    }

    /** Every row of every sheet (stored versions and a release on disk, no upload), or null when unreadable. */
    private static Map<String, WorkbookCells.Sheet> sheets(String path, byte[] xlsx) {
        WorkbookCells.Workbook wb = WorkbookCells.read(new RuleFile(path, xlsx), Integer.MAX_VALUE - 100);
        return wb.unreadable() != null ? null : wb.byName();
    }

    /**
     * A cell as compared across the three versions, or null when blank: the text the officer sees, or the formula of
     * a formula cell (its cached value would hide that the formula changed).
     */
    private static String text(WorkbookCells.Sheet s, int row, int col) {
        WorkbookCells.Cell c = s.cell(row, col);
        if (c == null) return null;
        String v = c.formula() != null ? c.formula() : c.text();
        return v.isBlank() ? null : v;
    }

    /** The carried cells written onto the release: value and type, and their number format where the release had no cell. */
    private static byte[] write(byte[] release, List<Copy> copies) {
        try (Workbook next = WorkbookFactory.create(new ByteArrayInputStream(release));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Copy copy : copies) copy(copy.from(), next.getSheet(copy.sheet()), copy.row() - 1, copy.col());
            next.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(WorkbookCells.Cell from, Sheet to, int row, int col) {
        Row r = to.getRow(row) == null ? to.createRow(row) : to.getRow(row);
        boolean created = r.getCell(col) == null;
        Cell c = created ? r.createCell(col) : r.getCell(col);
        if (from == null) {
            c.setBlank();
            return;
        }
        if (created && from.format() != null) {
            CellStyle style = to.getWorkbook().createCellStyle();
            style.setDataFormat(to.getWorkbook().createDataFormat().getFormat(from.format()));
            c.setCellStyle(style);
        }
        if (from.formula() != null) c.setCellFormula(from.formula());
        else if (from.kind() == Kind.NUMBER) c.setCellValue(Double.parseDouble(from.raw()));
        else if (from.kind() == Kind.BOOLEAN) c.setCellValue(from.bool());
        else if (from.kind() == Kind.TEXT) c.setCellValue(from.text());
        else c.setBlank();
    }

    private static String ref(int row, int col) {
        return CellReference.convertNumToColString(col) + row;
    }

    private static Map<String, byte[]> contents(List<RuleFile> files) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (RuleFile f : files) m.put(f.path(), f.content());
        return m;
    }
}
