package vn.chuyenhoa.ruleset;

import java.util.Map;

import vn.chuyenhoa.kernel.TableSource;
import vn.chuyenhoa.ruleset.DecisionTables.RowOrigin;

/** One table row as its rule handed it over, with where it came from, for the readers of the newer tables. */
public record SheetRow(String rule, RowOrigin origin, Map<String, String> cells) {

    /** The cell's text, stripped; null when blank. */
    public String get(String field) {
        String v = cells.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public TableSource source(String field) {
        return new TableSource(origin.file(), origin.sheet(), origin.row(), origin.cell(field), rule);
    }

    public String table() {
        return origin.table();
    }

    /** The row's number in its sheet, as the author sees it. */
    public int row() {
        return origin.row();
    }
}
