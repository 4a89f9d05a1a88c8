package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.chuyenhoa.support.RuleTree;

/**
 * The one cell reader, on its own: what each kind of cell reads as (text, whole and decimal numbers exactly, a
 * percent-formatted cell as the fraction it stores, a date-formatted cell as its day, TRUE/FALSE, a formula with its
 * cached value), the addresses problem reports name, the row limit that keeps a huge upload cheap and the refusal of
 * what is no XLSX; then the typed reading of a table row's fields ({@link Cells}) and a release carrying an upload.
 */
class WorkbookCellsTest {

    @TempDir
    Path dir;

    @Test
    void everyKindOfCellReadsAsItsTypedValueAtItsAddress() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Số liệu");
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            CellStyle day = wb.createCellStyle();
            day.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            Row r = s.createRow(6); // row 7 as Excel shows it
            r.createCell(0).setCellValue("03124");
            r.createCell(1).setCellValue(5400);
            r.createCell(2).setCellValue(12.5);
            r.createCell(3).setCellValue(0.8);
            r.getCell(3).setCellStyle(percent);
            r.createCell(4).setCellValue(LocalDate.of(2025, 7, 1));
            r.getCell(4).setCellStyle(day);
            r.createCell(5).setCellValue(true);
            r.createCell(6).setCellFormula("B7*2");
            r.getCell(6).setCellValue(10800); // the cached value Excel would store
            r.createCell(7).setCellValue(""); // an empty cell is no cell
            r.createCell(27).setCellValue("xa"); // column AB
            wb.write(out);
            xlsx = out.toByteArray();
        }
        WorkbookCells.Workbook wb = WorkbookCells.read("upload.xlsx", xlsx, 100);
        assertNull(wb.unreadable());
        WorkbookCells.Sheet s = wb.byName().get("Số liệu");

        WorkbookCells.Cell text = s.cell(7, 0);
        assertEquals("A7", text.ref());
        assertEquals(WorkbookCells.Kind.TEXT, text.kind());
        assertEquals("03124", text.text());
        assertNull(text.decimal(), "text is no number, even when it looks like one");

        WorkbookCells.Cell whole = s.cell(7, 1);
        assertEquals("B7", whole.ref());
        assertEquals(5400L, whole.integer());
        assertEquals(0, new BigDecimal("5400").compareTo(whole.decimal()));

        WorkbookCells.Cell decimal = s.cell(7, 2);
        assertEquals(new BigDecimal("12.5"), decimal.decimal());
        assertNull(decimal.integer(), "a number with a fraction is no whole number");

        WorkbookCells.Cell fraction = s.cell(7, 3);
        assertEquals("80%", fraction.text(), "as the officer sees it");
        assertEquals(new BigDecimal("0.8"), fraction.decimal(), "as a program reads it: the fraction stored");
        assertTrue(fraction.percentFormatted());

        WorkbookCells.Cell date = s.cell(7, 4);
        assertTrue(date.dateFormatted());
        assertEquals(LocalDate.of(2025, 7, 1), date.date());
        assertEquals("01/07/2025", date.text());
        assertNull(whole.date(), "a number without a date format is no day");

        assertEquals(Boolean.TRUE, s.cell(7, 5).bool());
        assertNull(text.bool());

        WorkbookCells.Cell formula = s.cell(7, 6);
        assertEquals("B7*2", formula.formula());
        assertEquals(10800L, formula.integer(), "the value Excel cached");

        assertNull(s.cell(7, 7), "an empty cell is not kept");
        assertEquals("AB7", s.cell(7, 27).ref());
    }

    @Test
    void readingStopsAtTheRowLimitAndSaysWhere() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Big");
            for (int i = 0; i < 500; i++) s.createRow(i).createCell(0).setCellValue(i);
            wb.write(out);
            xlsx = out.toByteArray();
        }
        WorkbookCells.Sheet s = WorkbookCells.read("big.xlsx", xlsx, 20).sheets().get(0);
        assertEquals(21, s.truncatedAt(), "the first row not read, as Excel numbers it");
        assertEquals(20, s.rows().size());
        assertEquals(0, WorkbookCells.read("big.xlsx", xlsx, 500).sheets().get(0).truncatedAt());
    }

    @Test
    void whatIsNoXlsxIsRefusedInWords() {
        byte[] legacy = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        LoadProblem xls = WorkbookCells.read("old.xlsx", legacy, 10).unreadable();
        assertEquals("not_xlsx", xls.code());
        assertEquals("old.xlsx", xls.file());
        LoadProblem junk = WorkbookCells.read("junk.xlsx", "not a workbook".getBytes(), 10).unreadable();
        assertEquals("unreadable_workbook", junk.code());
        assertTrue(junk.messageVi().contains(".xlsx"), junk.messageVi());
    }

    @Test
    void aTableRowsFieldsAreTypedOnceWithTheirCellInEveryProblem() {
        List<LoadProblem> problems = new ArrayList<>();
        Cells cells = new Cells(problems);
        DecisionTables.RowOrigin origin = new DecisionTables.RowOrigin("decision-tables/x.drl.xlsx", "Settings",
                "Settings", 12, Map.of("value", 2, "flag", 3, "day", 4), Map.of(2, "0,5"), Map.of());
        SheetRow row = new SheetRow("r", origin, Map.of("value", "0,5", "flag", "TRUE", "day", "2024-12-31"));

        assertEquals(new BigDecimal("0.5"), cells.number(row, "value", "0,5", "vi", "en"), "a decimal comma is read");
        assertEquals(Boolean.TRUE, cells.flag(row, "flag"));
        assertEquals(LocalDate.of(2024, 12, 31), cells.date(row, "day", true));
        assertEquals(MonthDay.of(12, 15), cells.monthDay(row, "day", "12-15"));
        assertEquals(20, cells.wholeNumber(row, "value", "20", 1, 28));
        assertTrue(problems.isEmpty(), problems::toString);

        assertNull(cells.number(row, "value", "năm", "Không phải số.", "Not a number."));
        assertNull(cells.monthDay(row, "day", "02-30"));
        assertNull(cells.wholeNumber(row, "value", "5.0", 1, 28));
        assertNull(cells.flag(row, "value", "có", "Phải là true hoặc false.", "Must be true or false."));
        assertEquals(List.of("not_a_number", "bad_month_day", "out_of_range", "not_a_flag"),
                problems.stream().map(LoadProblem::code).toList());
        assertEquals(List.of("C12", "E12", "C12", "C12"), problems.stream().map(LoadProblem::cell).toList());
        assertEquals("Không phải số.", problems.get(0).messageVi(), "the caller's words");
        assertEquals("0,5", problems.get(0).value(), "the value the cell holds");
    }

    @Test
    void aReleaseCarriesTheUploadedCellItLeftAsItWasAndKeepsItsOwnChange() throws IOException {
        String profiles = BrokenTablesTest.PROFILES;
        byte[] base = Files.readAllBytes(RuleTree.copyInto(Files.createDirectories(dir.resolve("base"))).file(profiles));
        byte[] inForce = Files.readAllBytes(RuleTree.copyInto(Files.createDirectories(dir.resolve("force")))
                .set(profiles, "Thresholds", "E27", "Kế hoạch của tỉnh").file(profiles));
        byte[] release = Files.readAllBytes(RuleTree.copyInto(Files.createDirectories(dir.resolve("release")))
                .set(profiles, "Thresholds", "E10", "Căn cứ của bản phát hành").file(profiles));

        ReleaseCarry.Result r = ReleaseCarry.carry(List.of(new RuleFile(profiles, base)),
                List.of(new RuleFile(profiles, inForce)), List.of(new RuleFile(profiles, release)));
        assertEquals(List.of("E27"), r.carried().stream().map(ReleaseCarry.Moved::cell).toList());
        assertEquals("Kế hoạch của tỉnh", r.carried().get(0).value());
        assertTrue(r.reenter().isEmpty(), r.reenter()::toString);
        WorkbookCells.Sheet carried = WorkbookCells.read(r.files().get(0), 10_000).byName().get("Thresholds");
        assertEquals("Kế hoạch của tỉnh", carried.text(27, 4));
        assertEquals("Căn cứ của bản phát hành", carried.text(10, 4));

        // the release changed the very cell the province had uploaded: the release wins, the cell is to enter again
        byte[] clash = Files.readAllBytes(RuleTree.copyInto(Files.createDirectories(dir.resolve("clash")))
                .set(profiles, "Thresholds", "E27", "Kế hoạch mới").file(profiles));
        ReleaseCarry.Result c = ReleaseCarry.carry(List.of(new RuleFile(profiles, base)),
                List.of(new RuleFile(profiles, inForce)), List.of(new RuleFile(profiles, clash)));
        assertTrue(c.carried().isEmpty());
        assertEquals(List.of("E27"), c.reenter().stream().map(ReleaseCarry.Moved::cell).toList());
        assertArrayEquals(clash, c.files().get(0).content(), "the release is kept byte for byte");
    }
}
