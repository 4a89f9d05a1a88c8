package vn.chuyenhoa.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RuleTree;

/**
 * The pages over HTTP, without a browser: search, one evaluation with every criterion's reason, the exports (CSV with
 * BOM, XLSX, PDF whose text comes back in Vietnamese), bad ids and bad forms answered with pages, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:webpages;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false"})
class WebPagesTest {

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    String evaluate(String example) throws Exception {
        Http.Response r = http.postJson("/api/v1/evaluations", Files.readString(Path.of("examples/" + example)));
        assertEquals(201, r.status(), r::describe);
        return r.json().get("id").asString();
    }

    @Test
    void anAuditorFindsAnEvaluationAndReadsEveryReason() throws Exception {
        String kienTho = evaluate("xa-kien-tho.json");
        evaluate("phuong-nenh-viet-yen.json");

        Http.Response byCode = http.get("/evaluations?area=15118");
        assertEquals(200, byCode.status());
        assertTrue(byCode.text().contains("Xã Kiên Thọ") && !byCode.text().contains("Phường Nếnh"), byCode::describe);
        Http.Response byName = http.get("/evaluations?area=nenh");
        assertTrue(byName.text().contains("Phường Nếnh") && !byName.text().contains("Xã Kiên Thọ"), "accents ignored: " + byName.text());
        Http.Response failed = http.get("/evaluations?verdict=NOT_TRANSFORMED&periodFrom=2024-01-01&periodTo=2024-12-31");
        assertTrue(failed.text().contains("/evaluations/" + kienTho), failed::describe);

        String page = http.get("/evaluations/" + kienTho).text();
        assertTrue(page.contains("Tỷ lệ điều tra, khám phá tội phạm 75,00% (6/8) thấp hơn ngưỡng 80%."), page);
        assertTrue(page.contains("cần khám phá thêm 1 vụ để đạt 80%"), "the remedy");
        assertTrue(page.contains("Chưa đạt") && page.contains("C33") && page.contains("Thresholds"), "label and cell");
        assertTrue(page.contains("BCĐ 138 huyện Ngọc Lặc"), "legal basis");
        String english = http.get("/evaluations/" + kienTho + "?lang=en").text();
        assertTrue(english.contains("Crime clearance rate 75.00% (6/8) is below the threshold of 80%."), english);
        assertTrue(english.contains("Not met"), "outcome label in English");

        Http.Response replay = http.post("/evaluations/" + kienTho + "/replay", "application/x-www-form-urlencoded", new byte[0]);
        assertEquals(200, replay.status());
        assertTrue(replay.text().contains("Chạy lại cho đúng kết quả đã lưu."), replay::describe);
    }

    @Test
    void exportsReadBackInVietnamese() throws Exception {
        String nenh = evaluate("phuong-nenh-viet-yen.json");
        String kienTho = evaluate("xa-kien-tho.json");

        byte[] csv = http.get("/evaluations.csv?area=07795").body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "BOM for Excel");
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Thời điểm đánh giá,Hệ mã,Mã địa bàn,Địa bàn"), text);
        assertTrue(text.contains(",07795,Phường Nếnh,24,VIET_YEN_2024,Đạt — chuyển hóa thành công,"), text);
        assertFalse(text.contains("Kiên Thọ"), "filtered like the list");

        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(http.get("/evaluations.xlsx?lang=en").body()))) {
            assertEquals("Area", wb.getSheetAt(0).getRow(0).getCell(3).getStringCellValue());
            assertEquals(3, wb.getSheetAt(0).getPhysicalNumberOfRows(), "a header and two evaluations");
        }

        Http.Response pdf = http.get("/evaluations/" + kienTho + "/pdf");
        assertEquals("application/pdf", pdf.mediaType());
        try (PDDocument d = Loader.loadPDF(pdf.body())) {
            String t = new PDFTextStripper().getText(d);
            assertTrue(t.contains("Xã Kiên Thọ") && t.contains("Chưa đạt"), t);
            assertTrue(t.contains("Tỷ lệ điều tra, khám phá"), t);
        }
        try (PDDocument d = Loader.loadPDF(http.get("/evaluations/" + nenh + "/pdf").body())) {
            assertTrue(new PDFTextStripper().getText(d).contains("Phường Nếnh"));
        }
        String print = http.get("/evaluations/" + nenh + "/print").text();
        assertTrue(print.contains("class=\"printing\"") && print.contains("Phường Nếnh"), print);
    }

    @Test
    void badAddressesAndFormsAreAnsweredWithPages() {
        Http.Response noSuch = http.get("/evaluations/not-an-id");
        assertEquals(404, noSuch.status());
        assertTrue(noSuch.mediaType().startsWith("text/html") && noSuch.text().contains("Không có kết quả đánh giá not-an-id"), noSuch::describe);
        assertEquals(404, http.get("/evaluations/00000000-0000-0000-0000-000000000000/pdf").status());
        assertEquals(404, http.get("/rulesets/abc").status());
        assertEquals(404, http.get("/rulesets/diff?to=abc").status());
        assertEquals(404, http.get("/impact-jobs/xyz").status());
        assertEquals(404, http.get("/programmes/QD124_2004/999").status());

        Http.Response badSearch = http.get("/evaluations?periodFrom=hôm-qua&verdict=MAYBE&page=x");
        assertTrue(badSearch.status() == 200 || badSearch.status() == 400, badSearch::describe);
        Http.Response badDate = http.get("/evaluations?periodFrom=2024-13-01&verdict=MAYBE");
        assertEquals(200, badDate.status());
        assertTrue(badDate.text().contains("Ngày phải có dạng NNNN-TT-NN") && badDate.text().contains("Kết luận không hợp lệ"), badDate::describe);

        Http.Response emptyUpload = http.postMultipart("/rulesets/upload", Map.of("author", " "), Map.of());
        assertEquals(400, emptyUpload.status());
        assertTrue(emptyUpload.text().contains("Chọn ít nhất một tệp") && emptyUpload.text().contains("Ghi tên người tải lên"), emptyUpload::describe);

        String active = http.get("/api/v1/ruleset").json().get("version").asString();
        Http.Response unconfirmed = http.post("/rulesets/" + active + "/activate", "application/x-www-form-urlencoded",
                "actor=A&comment=".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, unconfirmed.status());
        assertTrue(unconfirmed.text().contains("Đánh dấu ô xác nhận") && unconfirmed.text().contains("Ghi ý kiến phê duyệt"), unconfirmed::describe);

        Http.Response badYears = http.get("/programmes/QD124_2004/11?fromYear=2020&toYear=2017");
        assertEquals(400, badYears.status());
        assertTrue(badYears.text().contains("Năm cuối trước năm đầu"), badYears::describe);
    }

    @Test
    void aBrokenUploadShowsItsCellAndACleanOneBecomesADraft() {
        RuleTree tree = RuleTree.copyInto(dir).set("decision-tables/profiles.drl.xlsx", "Thresholds", "C27", "mười");
        Http.Response broken = http.postMultipart("/rulesets/upload", Map.of("author", "Nguyễn Văn A", "comment", "thử"),
                Map.of("profiles.drl.xlsx", read(tree.file("decision-tables/profiles.drl.xlsx"))));
        assertEquals(422, broken.status(), broken::describe);
        assertTrue(broken.text().contains("C27") && broken.text().contains("mười"), broken.text());

        RuleTree clean = RuleTree.copyInto(dir.resolve("clean")).set("decision-tables/profiles.drl.xlsx", "Thresholds", "C27", "9");
        Http.Response ok = http.postMultipart("/rulesets/upload", Map.of("author", "Nguyễn Văn A", "comment", "Việt Yên 9%"),
                Map.of("profiles.drl.xlsx", read(clean.file("decision-tables/profiles.drl.xlsx"))));
        assertEquals(200, ok.status(), ok::describe);
        String draft = ok.text();
        assertTrue(draft.contains("Bản nháp") && draft.contains("Nguyễn Văn A") && draft.contains("đã được lưu thành bản nháp"), draft);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("SHA-256</th><td><code>([0-9a-f]{64})</code>").matcher(draft);
        assertTrue(m.find(), draft);
        String version = m.group(1);
        String diff = http.get("/rulesets/diff?to=" + version).text();
        assertTrue(diff.contains("VIET_YEN_2024") && diff.contains("C27"), diff);
    }

    @Test
    void theProgrammePageHasNoDataWithoutTheDemo() {
        Http.Response r = http.get("/programmes/QD124_2004/11?fromYear=2017&toYear=2020");
        assertEquals(200, r.status());
        assertTrue(r.text().contains("Điện Biên") && r.text().contains("Không có địa bàn quá hạn"), r::describe);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
