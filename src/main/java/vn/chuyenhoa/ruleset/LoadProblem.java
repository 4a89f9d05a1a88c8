package vn.chuyenhoa.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a ruleset cannot be used, located as precisely as the evidence allows: always the file; for a decision
 * table the sheet, and where known the 1-based row, the cell (like "C12") and the value the cell holds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadProblem(String file, String sheet, Integer row, String cell, String value, String code,
                          String messageVi, String messageEn) {

    static LoadProblem ofFile(String file, String code, String vi, String en) {
        return new LoadProblem(file, null, null, null, null, code, vi, en);
    }

    /** The column letter of the cell, for reports read next to the spreadsheet. */
    @com.fasterxml.jackson.annotation.JsonProperty("column")
    public String column() {
        return cell == null ? null : cell.replaceAll("\\d+$", "");
    }

    /** One line for logs: where, what, in both languages. */
    public String describe() {
        StringBuilder sb = new StringBuilder(file);
        if (sheet != null) sb.append(", sheet ").append(sheet);
        if (cell != null) sb.append(", cell ").append(cell);
        else if (row != null) sb.append(", row ").append(row);
        if (value != null) sb.append(" (value '").append(value).append("')");
        return sb.append(": ").append(messageEn).append(" / ").append(messageVi).toString();
    }
}
