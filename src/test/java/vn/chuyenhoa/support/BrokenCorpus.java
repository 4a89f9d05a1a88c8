package vn.chuyenhoa.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The corpus of broken decision tables under {@code src/test/resources/broken-tables/}: each file is one of the shipped
 * workbooks with exactly one defect, the kind policy staff make in Excel or LibreOffice (or a file that is not a usable
 * workbook at all). {@code expected.json} says under which name each is uploaded and what the service must report:
 * the problem code, file, sheet, row, cell and the value found. The expectations are written here by hand from the
 * layout of the shipped tables and the validation rules, not taken from the service's answers.
 *
 * <p>Layout of the shipped tables the defects rely on: criteria.drl.xlsx sheet Criteria, rows 10–22 one criterion each
 * (A id, B labelVi, C labelEn, D kind, E fact, F denominatorFact, G comparison, H remedyVi, I remedyEn, J legalBasis;
 * row 17 is CLEARANCE_RATE); profiles.drl.xlsx sheet Profiles, rows 10–13 NATIONAL_CORE, VIET_YEN_2024,
 * NGOC_LAC_2024, LAM_DONG_2022 (A id, B labelVi, C labelEn, D codeScheme, E province, F district, G commune,
 * H validFrom, I validTo, J legalBasis), sheet Thresholds rows 10–49 (A profileId, B criterionId, C threshold,
 * D basis, E legalBasis; row 23 is VIET_YEN_2024 CLEARANCE_RATE 80, row 27 its CRIME_REDUCTION 10, rows 10–17
 * NATIONAL_CORE); tests/cases.drl.xlsx sheet Cases, one case per row from row 10, AO the expected CLEARANCE_RATE.
 *
 * <p>Regenerate from the project folder (after the shipped tables changed their layout, update the cells here first):
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp "target/test-classes:target/classes:$(cat target/test.classpath)" vn.chuyenhoa.support.BrokenCorpus
 * </pre>
 * The output is byte for byte the same on every run (fixed zip entry times), so a regenerated corpus only shows up in
 * git where a defect changed.
 */
public final class BrokenCorpus {

    public static final Path DIR = Path.of("src/test/resources/broken-tables");
    public static final String MANIFEST = "expected.json";
    /** The file-size limit the corpus test runs with: only the oversized file may exceed it. */
    public static final long MAX_FILE_BYTES = 20_000;

    static final String CRITERIA = "decision-tables/criteria.drl.xlsx";
    static final String PROFILES = "decision-tables/profiles.drl.xlsx";
    static final String CASES = "decision-tables/tests/cases.drl.xlsx";

    /** What the validation report must contain; null where a defect has no sheet, row, cell or value. */
    public record Expected(String code, String file, String sheet, Integer row, String cell, String value) {}

    /** One corpus file: its name in the corpus, the name it is uploaded under, what is wrong and what is expected. */
    public record Entry(String corpusFile, String upload, String defect, Expected expected) {}

    private record Defect(Entry entry, Maker maker) {}

    @FunctionalInterface
    private interface Maker {
        byte[] make() throws IOException;
    }

    private BrokenCorpus() {}

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIR);
        try (Stream<Path> old = Files.list(DIR)) {
            for (Path p : old.toList()) Files.delete(p);
        }
        List<Entry> manifest = new ArrayList<>();
        for (Defect d : defects()) {
            byte[] bytes = d.maker().make();
            Files.write(DIR.resolve(d.entry().corpusFile()), bytes);
            manifest.add(d.entry());
            System.out.printf("%-40s %7d bytes  %s%n", d.entry().corpusFile(), bytes.length, d.entry().defect());
        }
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(DIR.resolve(MANIFEST), json.writeValueAsString(manifest) + "\n");
    }

    private static List<Defect> defects() {
        List<Defect> d = new ArrayList<>();

        // --- cells Drools accepts but reads wrongly, or that break the generated rules
        d.add(edit("threshold-text.xlsx", "profiles.drl.xlsx",
                "Text instead of a number in a threshold cell (VIET_YEN_2024 CLEARANCE_RATE written out in words)",
                new Expected("not_a_number", PROFILES, "Thresholds", 23, "C23", "tám mươi"),
                PROFILES, wb -> text(wb, "Thresholds", "C23", "tám mươi")));
        d.add(edit("threshold-percent-format.xlsx", "profiles.drl.xlsx",
                "Threshold typed as 80% in a percent-formatted cell: Drools would read 0.8",
                new Expected("percent_cell", PROFILES, "Thresholds", 23, "C23", "80%"),
                PROFILES, wb -> cell(wb, "Thresholds", "C23", c -> {
                    CellStyle style = wb.createCellStyle();
                    style.setDataFormat(wb.createDataFormat().getFormat("0%"));
                    c.setCellStyle(style);
                    c.setCellValue(0.8);
                })));
        d.add(edit("validfrom-date-format.xlsx", "profiles.drl.xlsx",
                "VIET_YEN_2024 validFrom entered as a date-formatted cell (dd/mm/yyyy) instead of text YYYY-MM-DD",
                new Expected("date_cell", PROFILES, "Profiles", 11, "H11", "01/01/2024"),
                PROFILES, wb -> cell(wb, "Profiles", "H11", c -> {
                    CellStyle style = wb.createCellStyle();
                    style.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
                    c.setCellStyle(style);
                    c.setCellValue(java.time.LocalDate.of(2024, 1, 1));
                })));
        String smart = "policy.cell(drools.getRule().getName(), “threshold”, “$param”);";
        d.add(edit("code-cell-smart-quotes.xlsx", "profiles.drl.xlsx",
                "Typographic quotes (AutoCorrect) in the threshold column's code cell",
                new Expected("smart_quotes", PROFILES, "Thresholds", 8, "C8", smart),
                PROFILES, wb -> text(wb, "Thresholds", "C8", smart)));
        String lineBreak = "Kế hoạch BCĐ thị xã Việt Yên, tháng 3/2024, mục II.3\ngiảm ít nhất 10%";
        d.add(edit("line-break-in-cell.xlsx", "profiles.drl.xlsx",
                "A line break (Alt+Enter) inside the legal basis of VIET_YEN_2024 CRIME_REDUCTION",
                new Expected("unsafe_character", PROFILES, "Thresholds", 27, "E27", lineBreak),
                PROFILES, wb -> text(wb, "Thresholds", "E27", lineBreak)));
        String backslash = "KH 15\\KH-BCĐ ngày 06/9/2024 của BCĐ 138 huyện Ngọc Lặc";
        d.add(edit("backslash-in-cell.xlsx", "profiles.drl.xlsx",
                "A backslash typed for a slash in the legal basis of NGOC_LAC_2024",
                new Expected("unsafe_character", PROFILES, "Profiles", 12, "J12", backslash),
                PROFILES, wb -> text(wb, "Profiles", "J12", backslash)));

        // --- required cells left empty
        d.add(edit("criterion-label-empty.xlsx", "criteria.drl.xlsx",
                "The Vietnamese label of CLEARANCE_RATE deleted",
                new Expected("required", CRITERIA, "Criteria", 17, "B17", null),
                CRITERIA, wb -> text(wb, "Criteria", "B17", "")));
        d.add(edit("profile-id-empty.xlsx", "profiles.drl.xlsx",
                "The id of the NGOC_LAC_2024 profile deleted",
                new Expected("required", PROFILES, "Profiles", 12, "A12", null),
                PROFILES, wb -> text(wb, "Profiles", "A12", "")));
        d.add(edit("validfrom-empty.xlsx", "profiles.drl.xlsx",
                "The validFrom of VIET_YEN_2024 deleted",
                new Expected("required", PROFILES, "Profiles", 11, "H11", null),
                PROFILES, wb -> text(wb, "Profiles", "H11", "")));

        // --- values outside what the policy allows
        d.add(edit("threshold-over-100.xlsx", "profiles.drl.xlsx",
                "A rate threshold above 100% (VIET_YEN_2024 CLEARANCE_RATE 120)",
                new Expected("out_of_range", PROFILES, "Thresholds", 23, "C23", "120"),
                PROFILES, wb -> text(wb, "Thresholds", "C23", "120")));
        d.add(edit("threshold-negative.xlsx", "profiles.drl.xlsx",
                "A negative crime-reduction threshold (VIET_YEN_2024 CRIME_REDUCTION -10)",
                new Expected("out_of_range", PROFILES, "Thresholds", 27, "C27", "-10"),
                PROFILES, wb -> text(wb, "Thresholds", "C27", "-10")));
        d.add(edit("unknown-kind.xlsx", "criteria.drl.xlsx",
                "A kind that does not exist (RATIO for RATE) for CLEARANCE_RATE",
                new Expected("unknown_value", CRITERIA, "Criteria", 17, "D17", "RATIO"),
                CRITERIA, wb -> text(wb, "Criteria", "D17", "RATIO")));
        d.add(edit("unknown-comparison.xlsx", "criteria.drl.xlsx",
                "A comparison that does not exist (=> for >=) for CLEARANCE_RATE",
                new Expected("unknown_value", CRITERIA, "Criteria", 17, "G17", "=>"),
                CRITERIA, wb -> text(wb, "Criteria", "G17", "=>")));
        d.add(edit("unknown-fact.xlsx", "criteria.drl.xlsx",
                "A fact name the API does not have (casesSolved for casesCleared)",
                new Expected("unknown_fact", CRITERIA, "Criteria", 17, "E17", "casesSolved"),
                CRITERIA, wb -> text(wb, "Criteria", "E17", "casesSolved")));
        d.add(edit("bad-basis.xlsx", "profiles.drl.xlsx",
                "A crime-reduction basis naming a fact stem that does not exist (socialEvil for socialEvils)",
                new Expected("unknown_basis", PROFILES, "Thresholds", 27, "D27", "crimes+socialEvil"),
                PROFILES, wb -> text(wb, "Thresholds", "D27", "crimes+socialEvil")));
        d.add(edit("province-code-letters.xlsx", "profiles.drl.xlsx",
                "Letters in the province code of NGOC_LAC_2024 (3B for 38)",
                new Expected("bad_code", PROFILES, "Profiles", 12, "E12", "3B"),
                PROFILES, wb -> text(wb, "Profiles", "E12", "3B")));
        d.add(edit("validity-reversed.xlsx", "profiles.drl.xlsx",
                "NGOC_LAC_2024 valid to 2023-12-31, before its validFrom 2024-01-01",
                new Expected("reversed_validity", PROFILES, "Profiles", 12, "I12", "2023-12-31"),
                PROFILES, wb -> text(wb, "Profiles", "I12", "2023-12-31")));

        // --- references and duplicates
        d.add(edit("unknown-criterion-id.xlsx", "profiles.drl.xlsx",
                "A misspelt criterion id in Thresholds (CLEARANCE_RATES for NGOC_LAC_2024)",
                new Expected("unknown_criterion", PROFILES, "Thresholds", 33, "B33", "CLEARANCE_RATES"),
                PROFILES, wb -> text(wb, "Thresholds", "B33", "CLEARANCE_RATES")));
        d.add(edit("unknown-profile-id.xlsx", "profiles.drl.xlsx",
                "A profile id in Thresholds that the Profiles sheet does not have (LAM_DONG_2023 for LAM_DONG_2022)",
                new Expected("unknown_profile", PROFILES, "Thresholds", 41, "A41", "LAM_DONG_2023"),
                PROFILES, wb -> text(wb, "Thresholds", "A41", "LAM_DONG_2023")));
        d.add(edit("duplicate-threshold-row.xlsx", "profiles.drl.xlsx",
                "A second VIET_YEN_2024 CLEARANCE_RATE row (85) added below the table; row 23 already has one",
                new Expected("duplicate", PROFILES, "Thresholds", 50, "B50", "CLEARANCE_RATE"),
                PROFILES, wb -> row(wb, "Thresholds", 50, "VIET_YEN_2024", "CLEARANCE_RATE", "85", null,
                        "Kế hoạch BCĐ thị xã Việt Yên, tháng 3/2024")));
        d.add(edit("duplicate-profile-id.xlsx", "profiles.drl.xlsx",
                "A 2025 plan added as a new Profiles row under the existing id NGOC_LAC_2024",
                new Expected("duplicate", PROFILES, "Profiles", 14, "A14", "NGOC_LAC_2024"),
                PROFILES, wb -> row(wb, "Profiles", 14, "NGOC_LAC_2024", "Kế hoạch chuyển hóa huyện Ngọc Lặc năm 2025",
                        "Ngọc Lặc district transformation plan 2025", "QD124_2004", "38", "389", null,
                        "2025-01-01", "2025-12-31", "BCĐ 138 huyện Ngọc Lặc, kế hoạch năm 2025")));
        d.add(edit("duplicate-criterion-id.xlsx", "criteria.drl.xlsx",
                "A second CLEARANCE_RATE row added below the criterion catalogue",
                new Expected("duplicate", CRITERIA, "Criteria", 23, "A23", "CLEARANCE_RATE"),
                CRITERIA, wb -> row(wb, "Criteria", 23, "CLEARANCE_RATE", "Tỷ lệ điều tra, khám phá tội phạm (bản mới)",
                        "Crime clearance rate (new)", "RATE", "casesCleared", "casesOccurred", ">=", null, null,
                        "Seed 003")));
        d.add(edit("profiles-overlap.xlsx", "profiles.drl.xlsx",
                "A second district profile for Việt Yên (24/222), 2024-06-01 to 2025-06-30, overlapping VIET_YEN_2024",
                new Expected("ambiguous_profiles", PROFILES, "Profiles", 14, "A14", "VIET_YEN_2024_B"),
                PROFILES, wb -> {
                    row(wb, "Profiles", 14, "VIET_YEN_2024_B", "Kế hoạch bổ sung thị xã Việt Yên", "Việt Yên supplementary plan",
                            "QD124_2004", "24", "222", null, "2024-06-01", "2025-06-30", "Kế hoạch bổ sung");
                    row(wb, "Thresholds", 50, "VIET_YEN_2024_B", "CLEARANCE_RATE", "85", null, "Kế hoạch bổ sung");
                }));
        d.add(edit("national-profile-ends.xlsx", "profiles.drl.xlsx",
                "NATIONAL_CORE given an end date (2025-12-31): after it no profile covers areas outside local plans",
                new Expected("no_profile_coverage", PROFILES, "Profiles", 10, "I10", "2025-12-31"),
                PROFILES, wb -> text(wb, "Profiles", "I10", "2025-12-31")));
        d.add(edit("national-profile-removed.xlsx", "profiles.drl.xlsx",
                "NATIONAL_CORE deleted with its threshold rows: areas outside the local plans have no profile at all",
                new Expected("no_profile_coverage", PROFILES, "Profiles", null, null, null),
                PROFILES, wb -> {
                    deleteRows(wb.getSheet("Profiles"), 10, 10);
                    deleteRows(wb.getSheet("Thresholds"), 10, 17);
                }));

        // --- the staff's own test cases
        d.add(edit("failing-test-case.xlsx", "cases.drl.xlsx",
                "Test case viet_yen_api_example expects CLEARANCE_RATE NOT_MET, but 11/13 = 84.62% meets >= 80",
                new Expected("test_failed", CASES, "Cases", 10, "AO10", "NOT_MET"),
                CASES, wb -> text(wb, "Cases", "AO10", "NOT_MET")));

        // --- issue 10: policy cells are literal values, read as the officer sees them; program text never changes
        d.add(edit("threshold-formula.xlsx", "profiles.drl.xlsx",
                "A formula (=40*2) in VIET_YEN_2024's CLEARANCE_RATE threshold instead of the value",
                new Expected("formula_cell", PROFILES, "Thresholds", 23, "C23", "=40*2"),
                PROFILES, wb -> cell(wb, "Thresholds", "C23", c -> c.setCellFormula("40*2"))));
        d.add(edit("threshold-thousands-separator.xlsx", "profiles.drl.xlsx",
                "A threshold typed with a thousands separator (3.000): 3 or 3000?",
                new Expected("ambiguous_number", PROFILES, "Thresholds", 23, "C23", "3.000"),
                PROFILES, wb -> text(wb, "Thresholds", "C23", "3.000")));
        d.add(edit("threshold-no-break-space.xlsx", "profiles.drl.xlsx",
                "A threshold pasted from a web page with a no-break space after it (80 )",
                new Expected("invisible_character", PROFILES, "Thresholds", 23, "C23", "80 "),
                PROFILES, wb -> text(wb, "Thresholds", "C23", "80 ")));
        d.add(edit("district-of-another-province.xlsx", "profiles.drl.xlsx",
                "VIET_YEN_2024 (Bắc Giang, 24) scoped to district 389, which is Ngọc Lặc in Thanh Hóa: it could never apply",
                new Expected("unknown_area", PROFILES, "Profiles", 11, "F11", "389"),
                PROFILES, wb -> text(wb, "Profiles", "F11", "389")));
        d.add(edit("blank-row-in-table.xlsx", "profiles.drl.xlsx",
                "Row 30 of the Thresholds table emptied, leaving a blank row between threshold rows",
                new Expected("blank_row_in_table", PROFILES, "Thresholds", 30, null, null),
                PROFILES, wb -> wb.getSheet("Thresholds").removeRow(wb.getSheet("Thresholds").getRow(29))));
        String statement = "policy.cell(drools.getRule().getName(), \"threshold\", \"$param\"); System.exit(1);";
        d.add(edit("template-cell-statement.xlsx", "profiles.drl.xlsx",
                "A Java statement appended to the grey template cell of the threshold column",
                new Expected("program_text_changed", PROFILES, "Thresholds", 8, "C8", statement),
                PROFILES, wb -> text(wb, "Thresholds", "C8", statement)));
        d.add(edit("unknown-table.xlsx", "profiles.drl.xlsx",
                "A new sheet with a RuleSet and a RuleTable the version in force does not have",
                new Expected("unknown_table", PROFILES, "Extra", null, null, null),
                PROFILES, wb -> {
                    Sheet extra = wb.createSheet("Extra");
                    text(wb, "Extra", "A1", "RuleSet");
                    text(wb, "Extra", "B1", "chuyenhoa.policy.extra");
                    text(wb, "Extra", "A2", "Variables");
                    text(wb, "Extra", "B2", "vn.chuyenhoa.ruleset.PolicyRows policy");
                    text(wb, "Extra", "A5", "RuleTable Extra");
                    text(wb, "Extra", "A6", "ACTION");
                    text(wb, "Extra", "A8", "policy.cell(drools.getRule().getName(), \"id\", \"$param\");");
                    text(wb, "Extra", "A9", "Mã");
                    text(wb, "Extra", "A10", "X");
                    extra.setColumnWidth(0, 4000);
                }));
        d.add(new Defect(new Entry("legacy-xls.xlsx", "profiles.drl.xlsx",
                "A legacy Excel 97–2003 workbook (.xls) renamed to .xlsx",
                new Expected("not_xlsx", PROFILES, null, null, null, null)),
                () -> {
                    try (org.apache.poi.hssf.usermodel.HSSFWorkbook xls = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
                        xls.createSheet("Thresholds").createRow(22).createCell(2).setCellValue("80");
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        xls.write(out);
                        return out.toByteArray();
                    }
                }));

        // --- files that are not usable workbooks
        d.add(new Defect(new Entry("not-a-workbook.xlsx", "profiles.drl.xlsx",
                "A CSV export saved under the workbook's name",
                new Expected("unreadable_workbook", PROFILES, null, null, null, null)),
                () -> ("profileId,criterionId,threshold,basis\nVIET_YEN_2024,CLEARANCE_RATE,80,\n"
                        + "VIET_YEN_2024,CRIME_REDUCTION,10,crimes+socialEvils\n").getBytes(StandardCharsets.UTF_8)));
        d.add(new Defect(new Entry("truncated.xlsx", "profiles.drl.xlsx",
                "The first half of the shipped profiles workbook's bytes (an interrupted copy)",
                new Expected("unreadable_workbook", PROFILES, null, null, null, null)),
                () -> {
                    byte[] whole = shipped(PROFILES);
                    return Arrays.copyOf(whole, whole.length / 2);
                }));
        d.add(new Defect(new Entry("oversized.xlsx", "profiles.drl.xlsx",
                "The profiles workbook with an extra sheet of notes, over " + MAX_FILE_BYTES + " bytes (the test's limit)",
                new Expected("file_too_large", PROFILES, null, null, null, null)),
                () -> workbook(shipped(PROFILES), BrokenCorpus::fillerSheet)));
        d.add(new Defect(new Entry("external-links.xlsx", "profiles.drl.xlsx",
                "The profiles workbook with a link to another workbook (xl/externalLinks/externalLink1.xml)",
                new Expected("external_links", PROFILES, null, null, null, null)),
                () -> externalLink(shipped(PROFILES))));
        d.add(new Defect(new Entry("macros.xlsx", "profiles.drl.xlsx",
                "The profiles workbook with a VBA project (xl/vbaProject.bin), saved under the .xlsx name",
                new Expected("macros", PROFILES, null, null, null, null)),
                () -> macros(shipped(PROFILES))));
        return d;
    }

    // ------------------------------------------------------------------ workbook edits

    private static Defect edit(String corpusFile, String upload, String defect, Expected expected, String shippedPath,
                               Consumer<Workbook> change) {
        return new Defect(new Entry(corpusFile, upload, defect, expected), () -> workbook(shipped(shippedPath), change));
    }

    private static byte[] shipped(String path) throws IOException {
        return Files.readAllBytes(Path.of(path));
    }

    private static byte[] workbook(byte[] original, Consumer<Workbook> change) throws IOException {
        try (InputStream in = new ByteArrayInputStream(original); Workbook wb = WorkbookFactory.create(in)) {
            change.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return repack(out.toByteArray(), Map.of(), Map.of());
        }
    }

    private static void cell(Workbook wb, String sheet, String ref, Consumer<Cell> change) {
        Sheet s = wb.getSheet(sheet);
        CellReference r = new CellReference(ref);
        Row row = s.getRow(r.getRow()) == null ? s.createRow(r.getRow()) : s.getRow(r.getRow());
        Cell c = row.getCell(r.getCol()) == null ? row.createCell(r.getCol()) : row.getCell(r.getCol());
        change.accept(c);
    }

    /** Types text into a cell, as a policy officer would; empty text clears it. */
    private static void text(Workbook wb, String sheet, String ref, String value) {
        if (value.isEmpty()) {
            cell(wb, sheet, ref, c -> c.getRow().removeCell(c));
        } else {
            cell(wb, sheet, ref, c -> c.setCellValue(value));
        }
    }

    /** Fills a row (1-based) from column A; null leaves a cell empty. */
    private static void row(Workbook wb, String sheet, int row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) text(wb, sheet, CellReference.convertNumToColString(i) + row, values[i]);
        }
    }

    /** Deletes rows first..last (1-based) and moves the rows below up, as "Delete rows" does. */
    private static void deleteRows(Sheet sheet, int first, int last) {
        for (int r = first; r <= last; r++) {
            Row row = sheet.getRow(r - 1);
            if (row != null) sheet.removeRow(row);
        }
        sheet.shiftRows(last, sheet.getLastRowNum(), -(last - first + 1));
    }

    /** A notes sheet long enough that the file passes the test's size limit; no RuleSet cell, so no rules. */
    private static void fillerSheet(Workbook wb) {
        Sheet notes = wb.createSheet("Ghi chú");
        String[] words = {"địa", "bàn", "chuyển", "hóa", "tội", "phạm", "tệ", "nạn", "xã", "hội", "kế", "hoạch", "báo",
                "cáo", "quý", "năm", "huyện", "tỉnh", "công", "an", "tổ", "dân", "phố", "thôn", "hộ", "gia", "đình"};
        Random random = new Random(138);
        for (int r = 0; r < 700; r++) {
            Row row = notes.createRow(r);
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 14; w++) sb.append(words[random.nextInt(words.length)]).append(' ');
            sb.append(random.nextInt(1_000_000));
            row.createCell(0).setCellValue("Ghi chú " + (r + 1));
            row.createCell(1).setCellValue(sb.toString());
        }
    }

    // ------------------------------------------------------------------ package edits

    /** Adds a link to another workbook, the parts Excel writes for one: the link, its target, its relationship. */
    private static byte[] externalLink(byte[] xlsx) throws IOException {
        Map<String, byte[]> add = new LinkedHashMap<>();
        add.put("xl/externalLinks/externalLink1.xml", ("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <externalBook r:id="rId1"><sheetNames><sheetName val="Ngưỡng"/></sheetNames>\
                <sheetDataSet><sheetData sheetId="0"><row r="23"><cell r="C23"><v>80</v></cell></row></sheetData>\
                </sheetDataSet></externalBook></externalLink>""").getBytes(StandardCharsets.UTF_8));
        add.put("xl/externalLinks/_rels/externalLink1.xml.rels", ("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" \
                Target="file:///C:/BCD138/nguong-tinh.xlsx" TargetMode="External"/></Relationships>""")
                .getBytes(StandardCharsets.UTF_8));
        Map<String, UnaryOperator<String>> patch = new LinkedHashMap<>();
        patch.put("[Content_Types].xml", s -> s.replace("</Types>",
                "<Override PartName=\"/xl/externalLinks/externalLink1.xml\" "
                        + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml\"/></Types>"));
        patch.put("xl/_rels/workbook.xml.rels", s -> s.replace("</Relationships>",
                "<Relationship Id=\"rIdExt1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink\" "
                        + "Target=\"externalLinks/externalLink1.xml\"/></Relationships>"));
        patch.put("xl/workbook.xml", s -> s.replace("</sheets>",
                "</sheets><externalReferences><externalReference r:id=\"rIdExt1\"/></externalReferences>"));
        return repack(xlsx, add, patch);
    }

    /** Adds a VBA project, the part a macro-enabled workbook keeps its code in (an OLE2 container). */
    private static byte[] macros(byte[] xlsx) throws IOException {
        ByteArrayOutputStream vba = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.getRoot().createDirectory("VBA").createDocument("dir", new ByteArrayInputStream(new byte[64]));
            fs.writeFilesystem(vba);
        }
        Map<String, byte[]> add = Map.of("xl/vbaProject.bin", vba.toByteArray());
        Map<String, UnaryOperator<String>> patch = new LinkedHashMap<>();
        patch.put("[Content_Types].xml", s -> s.replace("</Types>",
                "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>"));
        patch.put("xl/_rels/workbook.xml.rels", s -> s.replace("</Relationships>",
                "<Relationship Id=\"rIdVba1\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" "
                        + "Target=\"vbaProject.bin\"/></Relationships>"));
        return repack(xlsx, add, patch);
    }

    /** An entry with a fixed time, so that regenerating the corpus rewrites identical bytes. */
    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        return e;
    }

    private static final java.time.LocalDateTime ENTRY_TIME = java.time.LocalDateTime.of(2026, 1, 1, 0, 0);

    /** Copies a zip, changing the text of some entries and adding others; every entry gets the same fixed time. */
    private static byte[] repack(byte[] zip, Map<String, byte[]> add, Map<String, UnaryOperator<String>> patch) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            List<String> patched = new ArrayList<>();
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                UnaryOperator<String> p = patch.get(e.getName());
                if (p != null) {
                    String before = new String(content, StandardCharsets.UTF_8);
                    String after = p.apply(before);
                    if (after.equals(before)) throw new IllegalStateException("patch did not apply to " + e.getName());
                    content = after.getBytes(StandardCharsets.UTF_8);
                    patched.add(e.getName());
                }
                out.putNextEntry(entry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
            if (!patched.containsAll(patch.keySet())) throw new IllegalStateException("missing parts: " + patch.keySet());
            for (Map.Entry<String, byte[]> a : add.entrySet()) {
                out.putNextEntry(entry(a.getKey()));
                out.write(a.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
