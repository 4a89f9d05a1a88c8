package vn.chuyenhoa.ruleset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellReference;

import vn.chuyenhoa.ruleset.TableLayout.Layout;
import vn.chuyenhoa.ruleset.TableLayout.Table;
import vn.chuyenhoa.ruleset.WorkbookCells.Cell;

/**
 * A whole column deleted from a table, or inserted into it, as an officer does in Excel: every column to its right
 * moves, so compared cell by cell each of their header cells would be a program-text change, and the report would
 * never say what happened. Here the columns of each table are matched by their four header cells (CONDITION/ACTION,
 * binding, code, title); when the upload's columns are those in force with some taken out or put in, each such column
 * is one problem naming its title, and the rest of the sheet is compared as if it had not moved.
 */
final class TableColumns {

    private TableColumns() {}

    /** The program text of both sheets, keyed alike, without the cells of deleted or inserted columns. */
    record Aligned(Map<String, Cell> before, Map<String, Cell> now) {}

    /**
     * The program text of {@code before} and {@code now}, the latter keyed by where its cells stand in the former once
     * deleted and inserted columns are accounted for (each reported to {@code problems}); as they stand when none was.
     */
    static Aligned aligned(String file, Layout now, Layout before, List<LoadProblem> problems) {
        Map<String, Cell> text = now.programText(), old = before.programText();
        if (now.tables().size() != before.tables().size()) return new Aligned(old, text);
        for (int i = 0; i < now.tables().size(); i++) {
            Table t = now.tables().get(i), o = before.tables().get(i);
            List<String> a = columns(before, o), b = columns(now, t);
            if (a.size() == b.size()) continue;
            int[] oldOf = a.size() > b.size() ? kept(a, b) : inserted(kept(b, a), b.size());
            if (oldOf == null) continue; // not a clean deletion or insertion: compared cell by cell
            boolean[] present = new boolean[a.size()];
            for (int j = 0; j < oldOf.length; j++) {
                if (oldOf[j] >= 0) present[oldOf[j]] = true;
                else problems.add(added(file, now, t, t.firstCol() + j));
            }
            for (int k = 0; k < a.size(); k++) if (!present[k]) problems.add(missing(file, before, o, o.firstCol() + k));
            return new Aligned(rekeyed(old, c -> c >= o.firstCol() && c <= o.lastCol() && !present[c - o.firstCol()] ? -1 : c),
                    rekeyed(text, c -> c < t.firstCol() ? c
                            : c > t.lastCol() ? c + (o.lastCol() - t.lastCol())
                            : oldOf[c - t.firstCol()] < 0 ? -1 : o.firstCol() + oldOf[c - t.firstCol()]));
        }
        return new Aligned(old, text);
    }

    /** Each column of the table as its four header cells say it. */
    private static List<String> columns(Layout l, Table t) {
        List<String> out = new java.util.ArrayList<>();
        for (int c = t.firstCol(); c <= t.lastCol(); c++) {
            StringBuilder sb = new StringBuilder();
            for (int r = t.headerRow() + 1; r <= t.headerRow() + 4; r++) sb.append(l.sheet().text(r, c)).append('\u0000');
            out.add(sb.toString());
        }
        return out;
    }

    /** For each of the fewer columns, which of the more it is, in order; null unless they are the more with some left out. */
    private static int[] kept(List<String> more, List<String> fewer) {
        int[] at = new int[fewer.size()];
        int k = 0;
        for (int j = 0; j < fewer.size(); j++) {
            while (k < more.size() && !more.get(k).equals(fewer.get(j))) k++;
            if (k == more.size()) return null;
            at[j] = k++;
        }
        return at;
    }

    /** For each of {@code columns} columns of the upload, which column in force it is, or -1 where one was put in. */
    private static int[] inserted(int[] newOf, int columns) {
        if (newOf == null) return null;
        int[] oldOf = new int[columns];
        java.util.Arrays.fill(oldOf, -1);
        for (int j = 0; j < newOf.length; j++) oldOf[newOf[j]] = j;
        return oldOf;
    }

    private static LoadProblem missing(String file, Layout before, Table o, int col) {
        int titleRow = o.headerRow() + 4;
        String[] title = title(before.sheet().text(titleRow, col));
        String letter = CellReference.convertNumToColString(col);
        boolean right = col < o.lastCol();
        String next = CellReference.convertNumToColString(col + 1);
        return new LoadProblem(file, before.sheet().name(), titleRow, letter + titleRow, null, "column_missing",
                "Bảng " + o.name() + " thiếu cột «" + title[0] + "» (cột " + letter + " trong phiên bản đang áp dụng)"
                        + (right ? "; các cột từ " + next + " trở đi đã dịch sang trái một cột" : "")
                        + ". Cột của bảng chỉ thay đổi bằng bản phát hành mới: hãy chèn lại cột này đúng chỗ cũ (hoặc sửa lại từ tệp tải về của phiên bản đang áp dụng).",
                "Table " + o.name() + " lacks the column «" + title[1] + "» (column " + letter + " in the version in force)"
                        + (right ? "; the columns from " + next + " on moved one to the left" : "")
                        + ". A table's columns change only with a new release: insert this column again where it was (or edit a fresh download of the version in force).");
    }

    private static LoadProblem added(String file, Layout now, Table t, int col) {
        int titleRow = t.headerRow() + 4;
        String shown = now.sheet().text(titleRow, col);
        String[] title = title(shown);
        String letter = CellReference.convertNumToColString(col);
        return new LoadProblem(file, now.sheet().name(), titleRow, letter + titleRow, shown, "column_added",
                "Bảng " + t.name() + " có thêm cột " + letter + (shown == null ? "" : " «" + title[0] + "»")
                        + " mà phiên bản đang áp dụng không có. Cột của bảng chỉ thay đổi bằng bản phát hành mới: hãy xóa cột này.",
                "Table " + t.name() + " has an extra column " + letter + (shown == null ? "" : " «" + title[1] + "»")
                        + " the version in force does not have. A table's columns change only with a new release: delete this column.");
    }

    /** A column title as its Vietnamese and English lines ("Cơ sở so sánh\nBasis\n(…)"); the whole text for both otherwise. */
    private static String[] title(String text) {
        if (text == null) return new String[] {"", ""};
        String[] lines = text.strip().split("\\s*\\n\\s*");
        return lines.length >= 2 ? new String[] {lines[0], lines[1]} : new String[] {lines[0], lines[0]};
    }

    /** The same cells under keys whose column is mapped; a cell whose column maps to -1 (deleted or inserted) is left out. */
    private static Map<String, Cell> rekeyed(Map<String, Cell> text, java.util.function.IntUnaryOperator column) {
        Map<String, Cell> out = new LinkedHashMap<>();
        text.forEach((key, cell) -> {
            int colon = key.lastIndexOf(':');
            int mapped = column.applyAsInt(Integer.parseInt(key.substring(colon + 1)));
            if (mapped >= 0) out.put(key.substring(0, colon + 1) + mapped, cell);
        });
        return out;
    }
}
