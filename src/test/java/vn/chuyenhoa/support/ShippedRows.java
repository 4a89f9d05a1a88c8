package vn.chuyenhoa.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Where a row of the shipped tables (decision-tables/) is, found by what the row is about rather than written down:
 * a test that checks a result cites its cell asks for "the row of VIET_YEN_2024's CLEARANCE_RATE, column C" and keeps
 * passing when policy staff add, remove or reorder rows above it.
 */
public final class ShippedRows {

    private ShippedRows() {
    }

    /**
     * The address, in {@code column}, of the one row of {@code sheet} whose first cells (column A onwards) read
     * {@code key}: {@code cell("decision-tables/profiles.drl.xlsx", "Thresholds", "C", "VIET_YEN_2024",
     * "CLEARANCE_RATE")} is "C23" while that row is the 23rd.
     */
    public static String cell(String workbook, String sheet, String column, String... key) {
        return column + row(workbook, sheet, key);
    }

    /** The 1-based number of the one row of {@code sheet} whose first cells read {@code key}. */
    public static int row(String workbook, String sheet, String... key) {
        try (InputStream in = Files.newInputStream(Path.of(workbook)); Workbook wb = WorkbookFactory.create(in)) {
            Sheet s = wb.getSheet(sheet);
            if (s == null) throw new AssertionError("no sheet " + sheet + " in " + workbook);
            DataFormatter text = new DataFormatter();
            List<Integer> found = new ArrayList<>();
            for (Row r : s) {
                boolean match = true;
                for (int i = 0; i < key.length && match; i++) {
                    match = key[i].equals(text.formatCellValue(r.getCell(i)).strip());
                }
                if (match) found.add(r.getRowNum() + 1);
            }
            if (found.size() != 1) {
                throw new AssertionError(found.size() + " rows of " + workbook + " " + sheet + " read " + Arrays.toString(key));
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
