package vn.chuyenhoa.kernel;

/** The decision-table cell a value came from, so that every answer can cite its row (as OpenL does). */
public record TableSource(String file, String sheet, int row, String cell, String rule) {

    /** "screening.drl.xlsx · Ranking · B10": the cell as every page cites it, for sentences that cite one. */
    public String cited() {
        return file + " · " + sheet + " · " + cell;
    }
}
