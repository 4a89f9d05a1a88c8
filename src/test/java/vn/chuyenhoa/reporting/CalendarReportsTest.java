package vn.chuyenhoa.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.support.Http;

/**
 * The reports of the reporting calendar computed from the Điện Biên demo as stored (every verdict citing a stored
 * evaluation), read through the running server as the province's officer. Every expected figure is derived here from
 * src/main/resources/demo/dien-bien.json and the period the calendar API gives, never written down.
 */
// the demo as loaded, on a server shared only with the other class that reads it and stores nothing
// (DienBienDemoTest and CalendarReportsTest: the same properties, so one cached context): every figure asserted here
// is the demo's own, so no class that stores anything may run on it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-as-loaded;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false", "chuyenhoa.demo=dien-bien"})
class CalendarReportsTest {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String OFFICER = "demo-token-canbo-dienbien";

    @LocalServerPort
    int port;

    @Autowired
    AreaDirectory areas;

    Http officer;
    JsonNode demo;

    @BeforeEach
    void setUp() throws Exception {
        officer = new Http(port, OFFICER);
        demo = JsonMapper.builder().build().readTree(Path.of("src/main/resources/demo/dien-bien.json").toFile());
    }

    /** What the demo file says happened in a period, for the areas of one district or all. */
    record Expected(int evaluated, int recognised, int carried, int monitoring, int selected, List<String> notTransformed,
                    List<String> recognisedNames) {}

    Expected expected(int year, LocalDate from, LocalDate to, String district) {
        int evaluated = 0, recognised = 0, carried = 0, monitoring = 0, selected = 0;
        List<String> failed = new ArrayList<>(), names = new ArrayList<>();
        for (JsonNode y : demo.get("years")) {
            JsonNode d = y.get("dates");
            for (JsonNode a : y.get("areas")) {
                if (district != null && !district.equals(areas.find(CodeScheme.QD124_2004, a.get(0).asString()).orElseThrow().districtCode())) continue;
                boolean transformed = "TRANSFORMED".equals(demo.get("factSets").get(a.get(2).asString()).get("expect").asString());
                if (within(date(d, "verdict"), from, to)) {
                    evaluated++;
                    if (transformed) {
                        recognised++;
                        names.add(a.get(1).asString());
                    } else {
                        failed.add(a.get(1).asString());
                    }
                }
                if (transformed && !date(d, "monitoring").isAfter(to) && (!d.has("stable") || date(d, "stable").isAfter(to))) monitoring++;
                if (!transformed && d.has("carryOver") && within(date(d, "carryOver"), from, to)) carried++;
                if (!transformed && d.has("carryOver") && !date(d, "carryOver").isAfter(to) && y.get("year").asInt() + 1 == year) selected++;
                if (y.get("year").asInt() == year && !date(d, "approved").isAfter(to)) selected++;
            }
        }
        return new Expected(evaluated, recognised, carried, monitoring, selected, failed, names);
    }

    static LocalDate date(JsonNode dates, String key) {
        return LocalDate.parse(dates.get(key).asString());
    }

    static boolean within(LocalDate d, LocalDate from, LocalDate to) {
        return !d.isBefore(from) && !d.isAfter(to);
    }

    /** The period of the national calendar, as the calendar API answers it. */
    JsonNode period(int year, String id) {
        for (JsonNode p : officer.get("/api/v1/reporting-periods?year=" + year).json().get("periods")) {
            if (p.get("id").asString().equals(id)) return p;
        }
        throw new AssertionError("no " + id + " in " + year);
    }

    static final Pattern COUNT = Pattern.compile("<tr id=\"count-(\\w+)\">.*?<td class=\"num\">([^<]*)</td>", Pattern.DOTALL);

    static Map<String, Integer> counts(String html) {
        Map<String, Integer> out = new HashMap<>();
        Matcher m = COUNT.matcher(html);
        while (m.find()) out.put(m.group(1), Integer.parseInt(m.group(2).replace(".", "")));
        return out;
    }

    @Test
    void theCalendarPageListsTheYearsReportsWithTheCalendarsDates() {
        Http.Response page = officer.get("/programmes/QD124_2004/11/reports?year=2021");
        assertEquals(200, page.status(), page::describe);
        String html = page.text();
        for (JsonNode p : officer.get("/api/v1/reporting-periods?year=2021").json().get("periods")) {
            String dates = DAY.format(LocalDate.parse(p.get("from").asString())) + " – " + DAY.format(LocalDate.parse(p.get("to").asString()));
            assertTrue(html.contains(dates), dates + " in " + html);
            assertTrue(html.contains(DAY.format(LocalDate.parse(p.get("dueBefore").asString()))), html);
            assertTrue(html.contains("/programmes/QD124_2004/11/reports/2021/" + p.get("id").asString() + "/pdf"), html);
        }
        assertTrue(html.contains("Tỉnh Điện Biên (11)"), "the name beside the code");
    }

    @Test
    void quarterOneCountsWhatTheStoredRecordsSay() throws Exception {
        JsonNode p = period(2021, "QUARTER_I");
        LocalDate from = LocalDate.parse(p.get("from").asString()), to = LocalDate.parse(p.get("to").asString());
        Expected e = expected(2021, from, to, null);
        assertTrue(e.evaluated() > 0 && !e.notTransformed().isEmpty() && e.carried() > 0 && e.monitoring() > 0,
                "the period chosen has something in every part: " + e);

        Http.Response page = officer.get("/programmes/QD124_2004/11/reports/2021/QUARTER_I");
        assertEquals(200, page.status(), page::describe);
        String html = page.text();
        assertTrue(html.contains("tính đến ngày " + DAY.format(to)), html);
        // a target as every page writes it (the programme page too): the typographic sign, the number as Vietnamese write it
        assertTrue(html.contains("≥ 60%") && !html.contains("&gt;="), html);
        Map<String, Integer> counts = counts(html);
        assertEquals(e.evaluated(), counts.get("EVALUATED"), html);
        assertEquals(e.recognised(), counts.get("RECOGNISED"));
        assertEquals(e.carried(), counts.get("CARRIED_OVER"));
        assertEquals(e.monitoring(), counts.get("MONITORING"));
        assertEquals(e.selected(), counts.get("SELECTED"));
        assertEquals(e.selected(), counts.get("IN_TRANSFORMATION"), "the carried-over areas are being transformed again");
        assertEquals(0, counts.get("RELAPSED"));
        for (String name : e.notTransformed()) {
            Matcher row = Pattern.compile(Pattern.quote(name) + "</a>.*?</tr>", Pattern.DOTALL).matcher(
                    html.substring(html.indexOf("id=\"part-EVALUATED\""), html.indexOf("id=\"part-RECOGNISED\"")));
            assertTrue(row.find(), name);
            assertTrue(row.group().contains("Chưa đạt") && row.group().contains("tiêu chí chưa đạt: "), row.group());
        }
        // the year is running: the share below target is "in progress", with the target from the programme table
        assertTrue(html.contains("0,00% (0/" + e.selected() + ")"), html);
        assertTrue(html.contains("Đang thực hiện (năm chưa kết thúc)"), html);
        assertTrue(html.contains("programme.drl.xlsx"), "the cell that set the target");
        assertFalse(html.contains("QUARTER_I<") || html.contains(">EVALUATED") || html.contains("NOT_TRANSFORMED<"), "no code on the page");

        // the spreadsheet says the same
        Http.Response x = officer.get("/programmes/QD124_2004/11/reports/2021/QUARTER_I/xlsx");
        assertEquals(200, x.status(), x::describe);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(x.body()))) {
            Sheet sum = wb.getSheet("Tổng hợp");
            Map<String, Integer> byLabel = new HashMap<>();
            for (Row r : sum) {
                if (r.getCell(1) != null && r.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    byLabel.put(r.getCell(0).getStringCellValue(), (int) r.getCell(1).getNumericCellValue());
                }
            }
            assertEquals(e.evaluated(), byLabel.get(Part.EVALUATED.labelVi()), byLabel::toString);
            assertEquals(e.recognised(), byLabel.get(Part.RECOGNISED.labelVi()));
            assertEquals(e.monitoring(), byLabel.get(Part.MONITORING.labelVi()));
            assertTrue(sum.getRow(2).getCell(0).getStringCellValue().contains("số liệu tính đến ngày " + DAY.format(to)));
            Sheet list = wb.getSheet("Danh sách địa bàn");
            int rows = list.getLastRowNum();
            assertEquals(byLabel.values().stream().mapToInt(Integer::intValue).sum(), rows, "one row per area of each part");
            List<String> recognised = new ArrayList<>();
            for (Row r : list) {
                if (Part.RECOGNISED.labelVi().equals(r.getCell(0).getStringCellValue())) recognised.add(r.getCell(3).getStringCellValue());
            }
            assertEquals(e.recognisedNames().stream().sorted().toList(), recognised.stream().sorted().toList());
        }

        // the document: national title, motto, number to fill, place and date, recipients, pages numbered
        Http.Response pdf = officer.get("/programmes/QD124_2004/11/reports/2021/QUARTER_I/pdf");
        assertEquals("application/pdf", pdf.mediaType(), pdf::describe);
        assertTrue(pdf.header("Content-Disposition").orElse("").startsWith("attachment"));
        try (PDDocument d = Loader.loadPDF(pdf.body())) {
            // in reading order, a cell's wrapped lines joined: a long name may wrap in the narrow header columns
            String t = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            for (String expected : List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "BAN CHỈ ĐẠO 138 TỈNH ĐIỆN BIÊN", "/BC-BCĐ", "Điện Biên, ngày", "BÁO CÁO", "Nơi nhận:", "TM. BAN CHỈ ĐẠO",
                    "TRƯỞNG BAN", "số liệu tính đến ngày " + DAY.format(to), "Lưu: VT")) {
                assertTrue(t.contains(expected), expected + " in " + t);
            }
            assertTrue(Pattern.compile("Số:\\s+/BC-BCĐ").matcher(t).find(), "the number is left to fill: " + t);
            for (String name : e.notTransformed()) assertTrue(t.contains(name), name + " intact in " + t);
            assertTrue(d.getNumberOfPages() >= 2, "the lists take more than a page");
            for (int i = 1; i <= d.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                String first = s.getText(d).strip().lines().findFirst().orElse("").strip();
                if (i == 1) assertTrue(first.startsWith("BAN CHỈ ĐẠO") || first.contains("CỘNG HÒA"), "no number on the first page: " + first);
                else assertEquals(String.valueOf(i), first, "page " + i + " numbered at its top");
            }
        }
    }

    @Test
    void aDistrictReportCountsItsOwnAreasOnlyBeforeTheReform() {
        JsonNode p = period(2018, "QUARTER_I");
        LocalDate from = LocalDate.parse(p.get("from").asString()), to = LocalDate.parse(p.get("to").asString());
        String firstArea = demo.get("years").get(0).get("areas").get(0).get(0).asString();
        var unit = areas.find(CodeScheme.QD124_2004, firstArea).orElseThrow();
        Expected district = expected(2018, from, to, unit.districtCode());
        Expected province = expected(2018, from, to, null);
        assertTrue(district.evaluated() > 0 && district.evaluated() < province.evaluated(), district + " " + province);

        Http.Response page = officer.get("/programmes/QD124_2004/11/reports/2018/QUARTER_I?district=" + unit.districtCode());
        assertEquals(200, page.status(), page::describe);
        Map<String, Integer> counts = counts(page.text());
        assertEquals(district.evaluated(), counts.get("EVALUATED"));
        assertEquals(district.monitoring(), counts.get("MONITORING"));
        assertTrue(page.text().contains(unit.districtName() + " (" + unit.districtCode() + "), Tỉnh Điện Biên (11)"), page::describe);
        try (PDDocument d = Loader.loadPDF(officer.get("/programmes/QD124_2004/11/reports/2018/QUARTER_I/pdf?district="
                + unit.districtCode()).body())) {
            String t = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertTrue(t.contains("BAN CHỈ ĐẠO 138 " + unit.districtName().toUpperCase(java.util.Locale.ROOT)), t);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        Http.Response province2018 = officer.get("/programmes/QD124_2004/11/reports/2018/QUARTER_I");
        assertEquals(province.evaluated(), counts(province2018.text()).get("EVALUATED"));
    }

    @Test
    void aReportUsesTheUnitsInForceOnItsLastDay() {
        // 2025: quarter I and six months end before 1 July (old provinces, districts); quarter III and year after
        assertEquals(200, officer.get("/programmes/QD124_2004/11/reports/2025/QUARTER_I").status());
        assertEquals(404, officer.get("/programmes/QD124_2004/11/reports/2025/QUARTER_III").status());
        String district = areas.find(CodeScheme.QD124_2004, "03124").orElseThrow().districtCode();
        assertEquals(404, officer.get("/programmes/QD124_2004/11/reports/2025/QUARTER_III?district=" + district).status());
        Http auditor = officer.as("demo-token-kiemtoan");
        assertEquals(404, auditor.get("/programmes/QD19_2025/11/reports/2025/QUARTER_I").status());
        Http.Response q3 = auditor.get("/programmes/QD19_2025/11/reports/2025/QUARTER_III");
        assertEquals(200, q3.status(), q3::describe);
        // the records followed their communes on 1 July 2025: the new province reports the areas still monitored
        Expected before = expected(2025, LocalDate.parse(period(2025, "QUARTER_I").get("from").asString()),
                LocalDate.parse(period(2025, "QUARTER_III").get("to").asString()), null);
        assertEquals(before.monitoring(), counts(q3.text()).get("MONITORING"), q3::describe);
        String calendar = auditor.get("/programmes/QD19_2025/11/reports?year=2025").text();
        assertTrue(calendar.contains("trước khi sắp xếp đơn vị hành chính từ 01/07/2025"), calendar);
    }

    @Test
    void onlyTheProvincesOfficersAndAuditorsReadItsReports() {
        assertEquals(403, officer.get("/programmes/QD124_2004/24/reports").status(), "another province's");
        assertEquals(403, officer.as("demo-token-soanthao").get("/programmes/QD124_2004/11/reports").status(), "a rule editor");
        assertEquals(200, officer.as("demo-token-kiemtoan").get("/programmes/QD124_2004/11/reports/2021/QUARTER_I/pdf").status());
        assertEquals(200, officer.as("demo-token-canbo").get("/programmes/QD124_2004/11/reports?year=2021").status(), "a national officer");
        assertEquals(404, officer.get("/programmes/QD124_2004/11/reports/2021/NO_SUCH_REPORT").status());
        String home = officer.get("/").text();
        assertTrue(home.contains("/programmes/QD124_2004/11/reports") && home.contains("Tỉnh Điện Biên (11)"), home);
        assertTrue(officer.get("/programmes/QD124_2004/11").text().contains("id=\"reports-link\""));
    }

    @Test
    void theEvaluationPdfIsADossierDocumentInTheSameLayout() throws Exception {
        JsonNode areasOf2020 = officer.as("demo-token-kiemtoan").get("/api/v1/programmes/QD124_2004/11?fromYear=2020&toYear=2020").json().get("areas");
        String evaluation = null;
        for (JsonNode row : areasOf2020) {
            for (JsonNode step : officer.get(row.get("href").asString()).json().get("history")) {
                if (step.has("evaluation") && "NOT_TRANSFORMED".equals(step.get("to").asString())) evaluation = step.get("evaluation").asString();
            }
        }
        assertTrue(evaluation != null, "a NOT_TRANSFORMED verdict of 2020 cites its evaluation");
        String id = evaluation.substring(evaluation.lastIndexOf('/') + 1);
        try (PDDocument d = Loader.loadPDF(officer.get("/evaluations/" + id + "/pdf").body())) {
            String t = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            for (String expected : List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "BAN CHỈ ĐẠO 138 TỈNH ĐIỆN BIÊN", "/BC-BCĐ", "Nơi nhận:", "TRƯỞNG BAN", "Chưa đạt")) {
                assertTrue(t.contains(expected), expected + " in " + t);
            }
        }
    }
}
