package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the rows of the shipped tables are what users read as a legal basis, a label or a reason, so they cite
 * documents as readers know them (domain spec §1.1), never the specification's own shorthand ("Seed 002", "Đặc tả §5",
 * "[policy choice]"). Rows 1–9 of a sheet (the table's program text and headers) are not shown to users.
 */
class ShippedCitationsTest {

    static final Pattern SHORTHAND = Pattern.compile("(?i)seed\\s*\\d|đặc tả\\s*§|spec\\s*§|policy choice|lựa chọn chính sách");

    @Test
    void noDataCellOfAShippedTableCitesTheSpecificationsShorthand() throws IOException {
        List<String> found = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.list(Path.of("decision-tables"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl.xlsx")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
                    for (Sheet sheet : wb) {
                        for (Row row : sheet) {
                            if (row.getRowNum() < 9) continue;
                            for (Cell cell : row) {
                                if (cell.getCellType() != CellType.STRING) continue;
                                read++;
                                if (SHORTHAND.matcher(cell.getStringCellValue()).find()) {
                                    found.add(file.getFileName() + "!" + sheet.getSheetName() + "!"
                                            + new CellReference(cell).formatAsString(false) + ": " + cell.getStringCellValue());
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(read > 200, "the shipped tables were read: " + read + " text cells");
        assertEquals(List.of(), found);
    }
}
