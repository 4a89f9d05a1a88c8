package vn.chuyenhoa.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.support.Http;

/**
 * Issue 15, facts by spreadsheet, over HTTP with the officers' demo tokens: the template of Điện Biên for 2024 (the
 * areas the programme records have in transformation or monitoring, Vietnamese headings from the fact catalogue,
 * validation of counts and có/không, an instructions sheet), filled here with POI as an officer would; the preview with
 * each row's verdict, each wrong cell by its reference and column label, and "5.400" read as five thousand four
 * hundred; "Lưu" storing each row once, across a re-upload and a corrected file; a version that left force between
 * preview and save; hostile files refused in words; other provinces and other roles kept out.
 */
// a server of its own: it activates a ruleset of its own between preview and save
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:factsheets;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false", "chuyenhoa.demo=dien-bien"})
class FactSheetPagesTest {

    static final String PAGE = "/programmes/QD124_2004/11/facts-sheet";
    static final String TEMPLATE = PAGE + "/template.xlsx?from=01/01/2024&to=31/12/2024&baselineFrom=01/01/2023&baselineTo=31/12/2023";

    @LocalServerPort
    int port;

    @Autowired
    ProgrammeStore programmes;

    @Autowired
    JdbcTemplate jdbc;

    Http officer;

    @BeforeEach
    void setUp() {
        officer = new Http(port).as("demo-token-canbo-dienbien");
    }

    @Test
    void theTemplateListsTheProvincesAreasUnderVietnameseHeadingsWithValidationAndInstructions() throws IOException {
        Http.Response page = officer.get(PAGE);
        assertEquals(200, page.status(), page::describe);
        assertTrue(page.text().contains("id=\"template-form\"") && page.text().contains("Nhập số liệu bằng bảng tính"), page::describe);

        Http.Response t = officer.get(TEMPLATE);
        assertEquals(200, t.status(), t::describe);
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", t.mediaType());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(t.body()))) {
            Sheet s = wb.getSheet("Số liệu");
            assertNotNull(s, "the data sheet");
            assertNotNull(wb.getSheet("Hướng dẫn"), "the instructions sheet");
            assertTrue(text(wb.getSheet("Hướng dẫn"), 0, 0).startsWith("Hướng dẫn nhập số liệu"));
            assertEquals("QD124_2004:11", text(s, 1, 3));
            assertEquals("01/01/2024", text(s, 2, 1));
            assertEquals("31/12/2023", text(s, 3, 3));
            assertEquals("Mã xã", text(s, 5, 0));
            // every fact of the catalogue under its Vietnamese term, none under its field name
            for (Fact f : Fact.values()) {
                String heading = text(s, 5, FactSheet.columnOf(f));
                assertEquals(FactSheet.labelVi(f), heading);
                assertFalse(heading.contains(f.jsonName()), heading);
            }
            assertEquals("Tổng số hộ gia đình trên địa bàn", text(s, 5, FactSheet.columnOf(Fact.HOUSEHOLDS_TOTAL)));

            // the rows: the areas the programme records have in transformation or monitoring on 31/12/2024
            Set<String> expected = new TreeSet<>();
            LocalDate end = LocalDate.of(2024, 12, 31);
            programmes.province("QD124_2004", "11", 2000, 2024).stream()
                    .filter(a -> a.stateOn(end).map(x -> x == AreaState.IN_TRANSFORMATION || x == AreaState.MONITORING).orElse(false))
                    .forEach(a -> expected.add(a.unitOn(end).areaCode()));
            assertFalse(expected.isEmpty(), "the demo has areas under monitoring in 2024");
            assertEquals(expected, new TreeSet<>(codes(s)));

            List<? extends DataValidation> validations = s.getDataValidations();
            assertTrue(validations.stream().anyMatch(v -> v.getValidationConstraint().getValidationType()
                    == org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType.INTEGER
                    && "0".equals(v.getValidationConstraint().getFormula1())), "counts: whole numbers ≥ 0");
            assertTrue(validations.stream().anyMatch(v -> v.getValidationConstraint().getExplicitListValues() != null
                    && List.of(v.getValidationConstraint().getExplicitListValues()).equals(List.of("có", "không"))), "có/không");
        }

        // a date not written dd/mm/yyyy is refused on the form, by its label
        Http.Response bad = officer.get(PAGE + "/template.xlsx?from=2024-01-01&to=31/12/2024");
        assertEquals(400, bad.status(), bad::describe);
        assertTrue(bad.text().contains("Kỳ đánh giá từ ngày") && bad.text().contains("dd/mm/yyyy"), bad::describe);
    }

    @Test
    void aFilledFileIsPreviewedCellByCellAndEachRowIsStoredOnce() throws IOException {
        byte[] template = officer.get(TEMPLATE).body();
        List<String> listed;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            listed = codes(wb.getSheet("Số liệu"));
        }
        String good = listed.get(0), broken = listed.get(1), other = listed.get(2);
        Map<String, Map<Fact, Object>> rows = new LinkedHashMap<>();
        rows.put(good, transformed("5.400"));
        Map<Fact, Object> wrong = transformed("1240");
        wrong.put(Fact.CASES_CLEARED, "tám");
        wrong.put(Fact.ORGANIZED_CRIME_SIGNS, "ừ");
        rows.put(broken, wrong);
        Map<Fact, Object> failing = transformed("860");
        failing.put(Fact.CASES_CLEARED, 3);
        rows.put(other, failing);
        byte[] filled = fill(template, rows, List.of());
        int brokenRow = listed.indexOf(broken) + FactSheet.FIRST_ROW;
        int goodRow = listed.indexOf(good) + FactSheet.FIRST_ROW;

        int before = stored();
        Http.Response preview = upload(filled);
        assertEquals(200, preview.status(), preview::describe);
        String p = preview.text();
        String cleared = FactSheet.column(FactSheet.columnOf(Fact.CASES_CLEARED)) + brokenRow;
        String signs = FactSheet.column(FactSheet.columnOf(Fact.ORGANIZED_CRIME_SIGNS)) + brokenRow;
        assertTrue(p.contains(cleared + ":") && p.contains(FactSheet.labelVi(Fact.CASES_CLEARED)), "the wrong count at its cell: " + p);
        assertTrue(p.contains(signs + ":") && p.contains("không phải là &quot;có&quot; hoặc &quot;không&quot;"), "the wrong flag at its cell: " + p);
        assertFalse(p.contains("casesCleared") || p.contains("organizedCrimeSigns"), "no field names on the page");
        String households = FactSheet.column(FactSheet.columnOf(Fact.HOUSEHOLDS_TOTAL)) + goodRow;
        assertTrue(p.contains(households + ":") && p.contains("“<span>5.400</span>”") && p.contains("<b class=\"read\">5.400</b>"),
                "the number typed as text and the number read: " + p);
        assertEquals("5,400", between(officer.post(PAGE + "?lang=en", multipartType(), multipart(filled)).text(),
                "<b class=\"read\">", "</b>"), "in English the number read is 5,400");
        assertTrue(p.contains("Đạt — chuyển hóa thành công") && p.contains("Chưa đạt"), "each row's verdict: " + p);
        assertTrue(p.contains("Dòng hợp lệ sẽ được lưu: 2. Đã lưu trước đây: 0. Dòng có lỗi (không lưu): 1."), p);
        assertEquals(before, stored(), "a preview stores nothing");

        Http.Response saved = save(p);
        assertEquals(200, saved.status(), saved::describe);
        assertTrue(saved.text().contains("Mới lưu: 2. Đã lưu trước đây: 0."), saved::describe);
        assertTrue(saved.text().contains("Tỷ lệ điều tra, khám phá"), "the failed criterion of the failing row: " + saved.text());
        assertEquals(before + 2, stored());

        // the same file again: both rows are found stored, nothing is stored twice
        Http.Response again = upload(filled);
        assertTrue(again.text().contains("Dòng hợp lệ sẽ được lưu: 0. Đã lưu trước đây: 2. Dòng có lỗi (không lưu): 1."), again::describe);
        Http.Response savedAgain = save(again.text());
        assertTrue(savedAgain.text().contains("Mới lưu: 0. Đã lưu trước đây: 2."), savedAgain::describe);
        assertEquals(before + 2, stored());

        // the corrected file: only the corrected row is new
        rows.put(broken, transformed("1240"));
        Http.Response corrected = upload(fill(template, rows, List.of()));
        assertTrue(corrected.text().contains("Dòng hợp lệ sẽ được lưu: 1. Đã lưu trước đây: 2. Dòng có lỗi (không lưu): 0."),
                corrected::describe);
        Http.Response savedCorrected = save(corrected.text());
        assertTrue(savedCorrected.text().contains("Mới lưu: 1. Đã lưu trước đây: 2."), savedCorrected::describe);
        assertEquals(before + 3, stored());

        // the same Lưu sent twice (a double click): nothing more
        assertTrue(save(corrected.text()).text().contains("Mới lưu: 0. Đã lưu trước đây: 3."));
        assertEquals(before + 3, stored());

        // the results as XLSX: one row per commune, verdict, failed criteria, id
        String ids = hidden(savedCorrected.text(), "ids");
        Http.Response results = officer.post(PAGE + "/results.xlsx", "application/x-www-form-urlencoded",
                ("ids=" + URLEncoder.encode(ids, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, results.status(), results::describe);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(results.body()))) {
            Sheet s = wb.getSheet("Kết quả");
            assertEquals(List.of("Mã xã", "Tên xã, phường, thị trấn", "Kết luận", "Tiêu chí chưa đạt", "Mã kết quả đánh giá"),
                    List.of(text(s, 0, 0), text(s, 0, 1), text(s, 0, 2), text(s, 0, 3), text(s, 0, 4)));
            assertEquals(3, s.getLastRowNum());
            Map<String, Row> byCode = new LinkedHashMap<>();
            for (int r = 1; r <= 3; r++) byCode.put(text(s, r, 0), s.getRow(r));
            assertEquals(Set.of(good, broken, other), byCode.keySet());
            assertEquals("Chưa đạt", byCode.get(other).getCell(2).getStringCellValue());
            assertTrue(byCode.get(other).getCell(3).getStringCellValue().contains("Tỷ lệ điều tra, khám phá"));
            assertEquals("Đạt — chuyển hóa thành công", byCode.get(good).getCell(2).getStringCellValue());
            assertEquals(1, (int) jdbc.queryForObject("SELECT COUNT(*) FROM evaluation WHERE id = ?", Integer.class,
                    java.util.UUID.fromString(byCode.get(good).getCell(4).getStringCellValue())));
        }
    }

    @Test
    void aRowAddedForAnotherCommuneAndRowsThatCannotBeRightAreNamedByCell() throws IOException {
        byte[] template = officer.get(TEMPLATE).body();
        int added = FactSheet.FIRST_ROW + countListed(template);
        Map<String, Map<Fact, Object>> none = Map.of();
        List<List<Object>> extra = List.of(
                row("03124", "Phường Noong Bua", transformed("7")),          // a commune of the province, not listed
                row("07795", null, transformed("7")),                        // Phường Nếnh is in Bắc Giang
                row("03124", null, transformed("8")),                        // twice
                row("", null, transformed("9")),                             // no code
                row("03127", "Phường Không Có", transformed("9")));          // a name that is not the code's
        Http.Response preview = upload(fill(template, none, extra));
        assertEquals(200, preview.status(), preview::describe);
        String p = preview.text();
        assertTrue(p.contains("id=\"row-" + added + "\" class=\"sheet-ok\""), p);
        assertTrue(p.contains("A" + (added + 1) + ":") && p.contains("không thuộc Tỉnh Điện Biên"), p);
        assertTrue(p.contains("A" + (added + 2) + ":") && p.contains("đã có ở dòng " + added), p);
        assertTrue(p.contains("A" + (added + 3) + ":") && p.contains("thiếu mã xã"), p);
        assertTrue(p.contains("B" + (added + 4) + ":"), "the name that does not match, at its cell: " + p);
    }

    @Test
    void aVersionThatLeftForceBetweenPreviewAndSaveIsRefusedAndNothingIsStored() throws Exception {
        byte[] template = officer.get(TEMPLATE).body();
        String code;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            code = codes(wb.getSheet("Số liệu")).get(3);
        }
        byte[] filled = fill(template, Map.of(code, transformed("2.100")), List.of());
        Http.Response preview = upload(filled);
        String previewed = hidden(preview.text(), "version");
        int before = stored();

        String next = activateAnEditedRuleset();
        assertFalse(next.equals(previewed));

        Http.Response refused = save(preview.text());
        assertEquals(409, refused.status(), refused::describe);
        assertTrue(refused.text().contains("không còn được áp dụng") && refused.text().contains(previewed)
                && refused.text().contains("xem trước"), refused::describe);
        assertEquals(before, stored(), "nothing stored");

        Http.Response fresh = upload(filled);
        assertEquals(next, hidden(fresh.text(), "version"));
        assertTrue(save(fresh.text()).text().contains("Mới lưu: 1."));
        assertEquals(before + 1, stored());
        String version = jdbc.queryForObject("SELECT ruleset_version FROM evaluation WHERE idempotency_key LIKE 'facts-sheet:%'"
                + " ORDER BY evaluated_at DESC LIMIT 1", String.class);
        assertEquals(next, version, "stored under the version previewed");
    }

    @Test
    void twoSavesOfOnePreviewAtOnceStoreEachRowOnce() throws Exception {
        byte[] template = officer.get(TEMPLATE).body();
        List<String> listed;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            listed = codes(wb.getSheet("Số liệu"));
        }
        Map<String, Map<Fact, Object>> rows = new LinkedHashMap<>();
        for (String code : listed.subList(5, 9)) rows.put(code, transformed("3.000"));
        String preview = upload(fill(template, rows, List.of())).text();
        int before = stored();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Http.Response> a = two.submit(() -> save(preview));
            java.util.concurrent.Future<Http.Response> b = two.submit(() -> save(preview));
            Http.Response ra = a.get(), rb = b.get();
            assertEquals(200, ra.status(), ra::describe);
            assertEquals(200, rb.status(), rb::describe);
        } finally {
            two.shutdown();
        }
        assertEquals(before + 4, stored(), "each row once, whichever save came first");
    }

    @Test
    void hostileOrWrongFilesAreRefusedInWordsNeverWithA500() throws IOException {
        Http.Response notXlsx = upload("not a workbook".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notXlsx.status(), notXlsx::describe);
        assertTrue(notXlsx.text().contains("Không đọc được tệp như một bảng tính XLSX"), notXlsx::describe);

        Http.Response huge = upload(new byte[6 * 1024 * 1024]);
        assertEquals(413, huge.status(), huge::describe);
        assertTrue(huge.text().contains("quá lớn"), huge::describe);

        // more rows than a province has communes: refused at the first row not read
        byte[] template = officer.get(TEMPLATE).body();
        List<List<Object>> many = new ArrayList<>();
        for (int i = 0; i < FactSheet.MAX_ROWS + 5; i++) many.add(row("03124", null, Map.of(Fact.TIPS_RECEIVED, 1)));
        Http.Response tooMany = upload(fill(template, Map.of(), many));
        assertEquals(422, tooMany.status(), tooMany::describe);
        assertTrue(tooMany.text().contains("Tệp có quá nhiều dòng"), tooMany::describe);

        // a workbook with the headings moved
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            wb.getSheet("Số liệu").getRow(FactSheet.HEADER_ROW - 1).getCell(FactSheet.columnOf(Fact.CASES_CLEARED)).setCellValue("casesCleared");
            Http.Response moved = upload(bytes(wb));
            assertEquals(422, moved.status(), moved::describe);
            assertTrue(moved.text().contains(FactSheet.column(FactSheet.columnOf(Fact.CASES_CLEARED)) + FactSheet.HEADER_ROW)
                    && moved.text().contains(FactSheet.labelVi(Fact.CASES_CLEARED)), moved::describe);
        }

        // another province's file, uploaded to this one
        byte[] thanhHoa = new Http(port).as("demo-token-canbo").get("/programmes/QD124_2004/38/facts-sheet/template.xlsx"
                + "?from=01/01/2024&to=31/12/2024").body();
        Http.Response elsewhere = upload(thanhHoa);
        assertEquals(422, elsewhere.status(), elsewhere::describe);
        assertTrue(elsewhere.text().contains("D2") && elsewhere.text().contains("QD124_2004:38"), elsewhere::describe);

        // a save whose rows were not written by a preview
        Http.Response forged = officer.post(PAGE + "/save", "application/x-www-form-urlencoded",
                ("payload=" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "[{\"row\":7,\"item\":\"{\\\"supersedes\\\":1}\"}]".getBytes(StandardCharsets.UTF_8))
                        + "&version=x").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, forged.status(), forged::describe);
        Http.Response garbage = officer.post(PAGE + "/save", "application/x-www-form-urlencoded",
                "payload=%7B%7B&version=x".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, garbage.status(), garbage::describe);
    }

    @Test
    void onlyOfficersOfTheProvinceReachThePages() {
        Http.Response otherProvince = officer.get("/programmes/QD124_2004/38/facts-sheet");
        assertEquals(403, otherProvince.status(), otherProvince::describe);
        Http.Response otherTemplate = officer.get("/programmes/QD124_2004/38/facts-sheet/template.xlsx?from=01/01/2024&to=31/12/2024");
        assertEquals(403, otherTemplate.status(), otherTemplate::describe);
        Http.Response otherUpload = officer.post("/programmes/QD124_2004/38/facts-sheet", multipartType(), multipart(new byte[10]));
        assertEquals(403, otherUpload.status(), otherUpload::describe);
        assertEquals(403, new Http(port).as("demo-token-kiemtoan").get(PAGE).status(), "an auditor does not enter facts");
        assertEquals(403, new Http(port).as("demo-token-hethong").get(PAGE).status(), "nor does a system");
        assertEquals(200, new Http(port).as("demo-token-canbo").get("/programmes/QD124_2004/38/facts-sheet").status(),
                "a national officer reaches any province");
        Http.Response unknown = new Http(port).as("demo-token-canbo").get("/programmes/QD124_2004/99/facts-sheet");
        assertEquals(404, unknown.status(), unknown::describe);
        // the programme page links the officer to the sheet
        assertTrue(officer.get("/programmes/QD124_2004/11").text().contains("id=\"facts-sheet-link\""));
        assertEquals("Facts by spreadsheet", between(officer.get(PAGE + "?lang=en").text(), "<span>", "</span>"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** Facts that transform an area under the demo's profile; households typed as given ("5.400" as text). */
    static Map<Fact, Object> transformed(String households) {
        Map<Fact, Object> f = new LinkedHashMap<>();
        f.put(Fact.TIPS_RECEIVED, 12);
        f.put(Fact.TIPS_RESOLVED, 12);
        f.put(Fact.POLITICAL_SYSTEM_CONSOLIDATED, "có");
        f.put(Fact.EFFECTIVE_MODELS, 2);
        f.put(Fact.COMMUNITY_RULES_MAINTAINED, "có");
        f.put(Fact.HOUSEHOLDS_TOTAL, households);
        f.put(Fact.HOUSEHOLDS_INFORMED, households);
        f.put(Fact.ORGANIZED_CRIME_SIGNS, "không");
        f.put(Fact.BLACK_CREDIT_ACTIVITY, "không");
        f.put(Fact.CASES_OCCURRED, 9);
        f.put(Fact.CASES_CLEARED, 8);
        f.put(Fact.SERIOUS_CASES_PROSECUTED, 1);
        f.put(Fact.SERIOUS_CASES_CLEARED, 1);
        f.put(Fact.RELEASED_RESIDENTS, 14);
        f.put(Fact.RELEASED_REOFFENDED, 1);
        f.put(Fact.CRIMES_BASELINE, 20);
        f.put(Fact.CRIMES_CURRENT, 12);
        f.put(Fact.SOCIAL_EVILS_BASELINE, 5);
        f.put(Fact.SOCIAL_EVILS_CURRENT, 3);
        f.put(Fact.HOTSPOTS_BASELINE, 2);
        f.put(Fact.HOTSPOTS_CURRENT, 0);
        f.put(Fact.NEW_HOTSPOTS_FORMED, 0);
        return f;
    }

    static List<Object> row(String code, String name, Map<Fact, Object> facts) {
        List<Object> r = new ArrayList<>();
        r.add(code);
        r.add(name);
        r.add(facts);
        return r;
    }

    /** The template with the listed communes' facts written in and rows added after them, as an officer fills it. */
    @SuppressWarnings("unchecked")
    static byte[] fill(byte[] template, Map<String, Map<Fact, Object>> byCode, List<List<Object>> added) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet s = wb.getSheet("Số liệu");
            int r = FactSheet.FIRST_ROW - 1;
            for (; s.getRow(r) != null && s.getRow(r).getCell(0) != null && !s.getRow(r).getCell(0).getStringCellValue().isEmpty(); r++) {
                Map<Fact, Object> facts = byCode.get(s.getRow(r).getCell(0).getStringCellValue());
                if (facts != null) write(s.getRow(r), facts);
            }
            for (List<Object> a : added) {
                Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
                if (!((String) a.get(0)).isEmpty()) row.createCell(0).setCellValue((String) a.get(0));
                if (a.get(1) != null) row.createCell(1).setCellValue((String) a.get(1));
                write(row, (Map<Fact, Object>) a.get(2));
                r++;
            }
            return bytes(wb);
        }
    }

    static void write(Row row, Map<Fact, Object> facts) {
        facts.forEach((f, v) -> {
            Cell c = row.createCell(FactSheet.columnOf(f));
            if (v instanceof Number n) c.setCellValue(n.doubleValue());
            else c.setCellValue((String) v);
        });
    }

    static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    static List<String> codes(Sheet s) {
        List<String> codes = new ArrayList<>();
        for (int r = FactSheet.FIRST_ROW - 1; s.getRow(r) != null && s.getRow(r).getCell(0) != null
                && !s.getRow(r).getCell(0).getStringCellValue().isEmpty(); r++) {
            codes.add(s.getRow(r).getCell(0).getStringCellValue());
        }
        return codes;
    }

    static int countListed(byte[] template) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            return codes(wb.getSheet("Số liệu")).size();
        }
    }

    static String text(Sheet s, int row, int col) {
        return s.getRow(row).getCell(col).getStringCellValue();
    }

    static final String BOUNDARY = "----chuyenhoa-sheet";

    static String multipartType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    static byte[] multipart(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"so-lieu.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    Http.Response upload(byte[] file) {
        return officer.post(PAGE, multipartType(), multipart(file));
    }

    /** "Lưu" on a preview page: its form's hidden fields sent back. */
    Http.Response save(String previewPage) {
        String body = "payload=" + URLEncoder.encode(hidden(previewPage, "payload"), StandardCharsets.UTF_8)
                + "&version=" + URLEncoder.encode(hidden(previewPage, "version"), StandardCharsets.UTF_8);
        return officer.post(PAGE + "/save", "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    static String hidden(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertTrue(m.find(), "no hidden " + name + " in " + page);
        return m.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static String between(String text, String from, String to) {
        int i = text.indexOf(from);
        assertTrue(i >= 0, from + " in " + text);
        return text.substring(i + from.length(), text.indexOf(to, i + from.length()));
    }

    int stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation WHERE idempotency_key LIKE 'facts-sheet:%'", Integer.class);
    }

    /** A national editor uploads the shipped tables with one legal basis reworded and an approver puts them in force. */
    String activateAnEditedRuleset() throws Exception {
        byte[] edited = legalBasisReworded("Kế hoạch năm 2024 (sửa đổi khi đang nhập số liệu)");
        Http editor = new Http(port).as("demo-token-soanthao");
        Http.Response up = editor.postMultipart("/api/v1/rulesets", Map.of("comment", "Sửa căn cứ (thử)"),
                Map.of("profiles.drl.xlsx", edited));
        assertTrue(up.status() == 201 || up.status() == 200, up::describe);
        String version = up.json().path("version").asString();
        Http.Response on = new Http(port).as("demo-token-pheduyet").postJson("/api/v1/rulesets/" + version + "/activate",
                "{\"comment\":\"Phê duyệt (thử)\"}");
        assertEquals(200, on.status(), on::describe);
        return version;
    }

    /** The shipped profiles with the legal basis of the first threshold row reworded: data only, a new version. */
    static byte[] legalBasisReworded(String text) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(java.nio.file.Files.newInputStream(java.nio.file.Path.of("decision-tables/profiles.drl.xlsx")))) {
            Sheet s = wb.getSheet("Thresholds");
            for (Row r : s) {
                Cell a = r.getCell(0);
                if (a != null && "NGOC_LAC_2024".equals(a.toString())) {
                    r.getCell(4, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(text);
                    return bytes(wb);
                }
            }
        }
        throw new IllegalStateException("no NGOC_LAC_2024 threshold row");
    }
}
