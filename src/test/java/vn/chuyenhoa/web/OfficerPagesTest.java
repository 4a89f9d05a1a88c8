package vn.chuyenhoa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chuyenhoa.support.Http;

/**
 * Issue 6: a programme officer does their work in the browser. Over HTTP with the officers' demo tokens (a page takes
 * a bearer token and then skips CSRF): add a candidate, record a step, see who decided and who wrote it down; a
 * refusal of the lifecycle rules on the form, in both languages, with the API's status and nothing stored; nothing
 * outside the officer's province; no forms for an auditor; a screening and a monitoring report uploaded as the API's
 * JSON and read back as pages.
 */
// a server of its own: it adds areas and steps to the demo's Điện Biên programme, which other demo tests count
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:officerpages;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false", "chuyenhoa.demo=dien-bien"})
class OfficerPagesTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String DIEN_BIEN = "/programmes/QD124_2004/11";

    @LocalServerPort
    int port;

    Http officer;
    Http national;
    Http auditor;

    @BeforeEach
    void setUp() {
        Http http = new Http(port);
        officer = http.as("demo-token-canbo-dienbien");
        national = http.as("demo-token-canbo");
        auditor = http.as("demo-token-kiemtoan");
    }

    static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    static Http.Response post(Http as, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return as.post(path, FORM, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOfficerAddsACandidateAndRecordsAStepThatNamesWhoDecidedAndWhoWroteItDown() {
        Http.Response page = officer.get(DIEN_BIEN + "?fromYear=2021&toYear=2021");
        assertEquals(200, page.status(), page::describe);
        assertTrue(page.text().contains("id=\"candidate-form\""), "the officer of Điện Biên gets the form");
        // the whole demo programme: a long page, whose form at the end still gets its CSRF field
        Http.Response all = officer.get(DIEN_BIEN + "?fromYear=2017&toYear=2020");
        assertEquals(200, all.status(), all::describe);
        assertTrue(all.text().contains("id=\"candidate-submit-2017\"") && all.text().contains("id=\"candidate-submit-2020\""), all::describe);

        Http.Response added = post(officer, DIEN_BIEN + "/2021/areas", form("areaCode", "03124", "areaName", "Phường Noong Bua",
                "actor", "UBND thành phố Điện Biên Phủ", "effectiveDate", "2021-02-10", "comment", "Đề nghị xem xét"));
        assertEquals(200, added.status(), added::describe);
        String a = added.text();
        assertTrue(a.contains("id=\"added\"") && a.contains("CANDIDATE") && a.contains("UBND thành phố Điện Biên Phủ")
                && a.contains("canbo.dienbien"), a);
        assertTrue(a.contains("id=\"step-form-PROPOSED\"") && !a.contains("step-form-APPROVED"), "only the allowed step: " + a);

        Http.Response proposed = post(officer, DIEN_BIEN + "/2021/areas/03124/transitions", form("to", "PROPOSED",
                "actor", "Công an tỉnh Điện Biên", "effectiveDate", "2021-02-20"));
        assertEquals(200, proposed.status(), proposed::describe);
        String p = proposed.text();
        assertTrue(p.contains("id=\"recorded\"") && p.contains("id=\"step-2\""), p);
        String step2 = p.substring(p.indexOf("id=\"step-2\""));
        assertTrue(step2.contains("Công an tỉnh Điện Biên") && step2.contains("canbo.dienbien") && step2.contains("PROPOSED"), step2);
        // the next form asks for what approval needs, and only that step is offered
        assertTrue(p.contains("id=\"step-form-APPROVED\"") && p.contains("id=\"decisionNumber-APPROVED\""), p);

        // the rules refuse an approval without its decision: 400, both languages, nothing stored
        Http.Response refused = post(officer, DIEN_BIEN + "/2021/areas/03124/transitions", form("to", "APPROVED",
                "actor", "BCĐ 138 tỉnh Điện Biên", "effectiveDate", "2021-03-01"));
        assertEquals(400, refused.status(), refused::describe);
        String r = refused.text();
        // the field by its label, the reason in the page's language (English on ?lang=en)
        assertTrue(r.contains("id=\"form-errors\"") && r.contains("<b>Số quyết định</b>") && r.contains("cần có thông tin này") && !r.contains("decisionNumber<"), r);
        assertTrue(r.contains("value=\"BCĐ 138 tỉnh Điện Biên\""), "the form keeps what was typed");
        assertFalse(officer.get(DIEN_BIEN + "/2021/areas/03124").text().contains("id=\"step-3\""), "nothing stored");

        // a step the lifecycle does not allow from PROPOSED: 409, with what is allowed
        Http.Response notAllowed = post(officer, DIEN_BIEN + "/2021/areas/03124/transitions", form("to", "TRANSFORMED",
                "actor", "BCĐ 138 tỉnh Điện Biên"));
        assertEquals(409, notAllowed.status(), notAllowed::describe);
        assertTrue(notAllowed.text().contains("không thể chuyển sang Chuyển hóa thành công") // states by their labels
                        && !notAllowed.text().contains("không thể chuyển sang TRANSFORMED"), // the Vietnamese page in Vietnamese only
                notAllowed::describe);

        Http.Response approved = post(officer, DIEN_BIEN + "/2021/areas/03124/transitions", form("to", "APPROVED",
                "actor", "BCĐ 138 tỉnh Điện Biên", "decisionNumber", "15/QĐ-BCĐ", "decisionDate", "2021-03-01"));
        assertEquals(200, approved.status(), approved::describe);
        assertTrue(approved.text().contains("15/QĐ-BCĐ") && approved.text().contains("id=\"step-3\""), approved::describe);

        // a verdict needs a stored FINAL evaluation: the form asks for its id, and an unknown one is refused
        // dated, as every step of an old commune before 1 July 2025 is (its list is no longer in force today)
        Http.Response started = post(officer, DIEN_BIEN + "/2021/areas/03124/transitions", form("to", "IN_TRANSFORMATION",
                "actor", "BCĐ 138 tỉnh Điện Biên", "effectiveDate", "2021-03-15"));
        assertEquals(200, started.status(), started::describe);
        assertTrue(started.text().contains("id=\"evaluationId-TRANSFORMED\""), started::describe);
        String unknown = java.util.UUID.randomUUID().toString();
        Http.Response uncited = post(officer, DIEN_BIEN + "/2021/areas/03124/transitions", form("to", "TRANSFORMED",
                "actor", "BCĐ 138 tỉnh Điện Biên", "evaluationId", unknown, "effectiveDate", "2021-12-20"));
        assertEquals(400, uncited.status(), uncited::describe);
        assertTrue(uncited.text().contains("Không có kết quả đánh giá " + unknown),
                uncited::describe);
        String english = officer.get(DIEN_BIEN + "/2021/areas/03124?lang=en").text();
        assertTrue(english.contains("Recorded steps") && english.contains("Record Transformed"), english);

        // the area is linked from the programme page
        assertTrue(officer.get(DIEN_BIEN + "?fromYear=2021&toYear=2021").text().contains(DIEN_BIEN + "/2021/areas/03124"));
    }

    @Test
    void aCandidateTheRulesRefuseIsShownOnTheProgrammePage() {
        Http.Response r = post(officer, DIEN_BIEN + "/2022/areas", form("areaCode", "07795", "actor", "UBND"));
        assertEquals(400, r.status(), r::describe);
        assertTrue(r.text().contains("id=\"candidate-errors\"") && r.text().contains("07795"), r::describe);
        Http.Response twice = post(officer, DIEN_BIEN + "/2017/areas", form("areaCode", "03124", "actor", "UBND",
                "effectiveDate", "2017-01-05"));
        assertEquals(409, twice.status(), twice::describe);
        assertTrue(twice.text().contains("đã có trong chương trình năm 2017"), twice::describe);
    }

    @Test
    void nothingOutsideTheOfficersProvinceAndNoFormsForOthers() {
        Http.Response outside = post(officer, "/programmes/QD124_2004/24/2024/areas", form("areaCode", "07795", "actor", "x"));
        assertEquals(403, outside.status(), outside::describe);
        assertEquals("text/html", outside.mediaType(), outside::describe);
        assertFalse(officer.get("/programmes/QD124_2004/24").text().contains("candidate-form"), "not their province");

        String programme = auditor.get(DIEN_BIEN + "?fromYear=2017&toYear=2017").text();
        assertFalse(programme.contains("candidate-form"), programme);
        Http.Response area = auditor.get(DIEN_BIEN + "/2017/areas/03124");
        assertEquals(200, area.status(), area::describe);
        assertTrue(area.text().contains("id=\"steps\"") && !area.text().contains("step-form-"), area::describe);
        assertEquals(403, post(auditor, DIEN_BIEN + "/2017/areas/03124/transitions", form("to", "STABLE")).status());
        assertEquals(404, officer.get(DIEN_BIEN + "/2017/areas/99999").status());
    }

    @Test
    void theEvaluationFormEchoesWhatWasTypedAndWritesNumbersTheVietnameseWay() {
        Http.Response r = post(officer, "/evaluations/new", form("action", "preview", "period.from", "2024-01-01",
                "period.to", "31/12/2024", "facts.householdsTotal", "1.000.000.000.000"));
        assertEquals(400, r.status(), r::describe);
        String t = r.text();
        // what was typed, exactly: not rewritten into a valid date and then called invalid
        assertTrue(t.contains("&quot;2024-01-01&quot; không phải là ngày viết dạng ngày/tháng/năm"), t);
        assertFalse(t.contains("&quot;01/01/2024&quot;"), t);
        assertTrue(t.contains("(1.000.000.000.000) không nằm trong khoảng từ 0 đến 2.147.483.647"), t);
        assertFalse(t.contains("1000000000000") || t.contains("2147483647"), t);
    }

    @Test
    void aScreeningUploadedAsTheApisJsonIsReadAsAPage() throws Exception {
        String example = Files.readString(Path.of("examples/screening-thanh-hoa.json"));
        assertEquals(200, national.get("/screenings/new").status());
        assertEquals(403, auditor.get("/screenings/new").status());

        Http.Response shown = national.postMultipart("/screenings/new", Map.of("body", example), Map.of());
        assertEquals(200, shown.status(), shown::describe);
        String s = shown.text();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("/api/v1/screenings/([0-9a-f-]{36})").matcher(s);
        assertTrue(id.find(), s);
        assertTrue(s.contains("Xã Kiên Thọ") && s.contains("Xã Minh Sơn") && s.contains("id=\"ranking\""), s);
        assertTrue(s.contains("Trọng điểm, phức tạp về tội phạm xâm phạm trật tự xã hội") && s.contains("screening.drl.xlsx") && s.contains("canbo"), s);
        assertEquals(200, auditor.get("/screenings/" + id.group(1)).status(), "readers read it");
        // reasons name categories and criteria as the tables do, cite cells as every page does, and each row shows
        // its legal basis, so an officer sees when a threshold is only an example
        assertFalse(s.contains("(LOAI_") || s.contains("tiêu chí QD28_") || s.contains("(Ranking B") || s.contains("(Statuses F"), s);
        assertTrue(s.contains("Trọng điểm, phức tạp về ma túy)") && s.contains("screening.drl.xlsx · Ranking · B11"), s);
        assertTrue(s.matches("(?s).*class=\"legal-basis\">Quyết định số 28/2025/QĐ-TTg.*"), "the drug criteria's basis");
        assertTrue(s.matches("(?s).*class=\"legal-basis\">VÍ DỤ / EXAMPLE.*"), "the example thresholds say so");

        // Thanh Hóa is not the Điện Biên officer's: the 403 page, nothing stored
        Http.Response outside = post(officer, "/screenings/new", form("body", example));
        assertEquals(403, outside.status(), outside::describe);
        assertTrue(outside.text().contains("canbo.dienbien") && outside.text().contains("không có gì được lưu"), outside::describe);

        Http.Response bad = post(national, "/screenings/new", form("body", "{\"year\": 1999, \"candidates\": [], \"x\": 1}"));
        assertEquals(400, bad.status(), bad::describe);
        String b = bad.text();
        assertTrue(b.contains("id=\"form-errors\"") && b.contains("candidates") && b.contains("year") && b.contains(">x<"), b);
        assertEquals(400, post(national, "/screenings/new", form("body", "{not json")).status());
        assertEquals(404, national.get("/screenings/" + java.util.UUID.randomUUID()).status());
    }

    /** A report sent without its period: the error names the field as its section does, "Kỳ theo dõi". */
    @Test
    void aMissingMonitoringPeriodIsNamedAsTheFormNamesIt() {
        Http.Response r = post(national, "/monitoring-reports/form", form("action", "send", "area", "03127",
                "recognisedOn", "20/12/2024", "baselinePeriod.from", "06/06/2024", "baselinePeriod.to", "05/09/2024",
                "proposedAgain", "false", "facts.crimesBaseline", "22", "facts.crimesCurrent", "15"));
        assertEquals(400, r.status(), r::describe);
        String errors = r.text().substring(r.text().indexOf("id=\"form-errors\""));
        errors = errors.substring(0, errors.indexOf("</ul>"));
        assertTrue(errors.contains("Kỳ theo dõi: "), errors);
        assertFalse(errors.contains("Kỳ đánh giá"), errors);
        assertTrue(post(national, "/monitoring-reports/form?lang=en", form("action", "send", "area", "03127"))
                .text().contains("Monitoring period: "), "English names it too");
    }

    /** A record of 2018 that followed its area into the 2025 list: its steps, read by three accounts. */
    @Test
    void anAreaRecordDescribesItsStepsInVietnameseAndSaysWhyNoStepIsOffered() {
        String record = "/programmes/QD19_2025/11/2018/areas/03127";
        String vi = national.get(record).text();
        assertTrue(vi.contains("Đưa địa bàn vào diện xem xét lựa chọn của năm"), vi);
        for (String english : new String[] {"An area enters a year", "A candidate is proposed for the list",
                "A record follows its area to the new administrative unit"}) {
            assertFalse(vi.contains(english), english);
        }
        assertTrue(national.get(record + "?lang=en").text().contains("A candidate is proposed for the list"));
        assertTrue(vi.matches("(?s).*class=\"small step-profile\">[^<]*NATIONAL_CORE — \\p{L}[^<]*<.*"), "the pinned profile by name");
        assertTrue(vi.contains("id=\"step-form-"), "the national officer gets the forms");
        assertFalse(vi.contains("id=\"no-form\""));

        String dienBien = officer.get(record).text();
        assertFalse(dienBien.contains("id=\"step-form-"));
        assertTrue(dienBien.matches("(?s).*id=\"no-form\">[^<]*Điện Biên \\(11\\), QĐ 124/2004/QĐ-TTg[^<]*QĐ 19/2025/QĐ-TTg[^<]*<.*"),
                dienBien);
        assertTrue(auditor.get(record).text().matches("(?s).*id=\"no-form\">[^<]*chỉ được xem[^<]*<.*"), "an auditor only reads");
    }

    @Test
    void aMonitoringReportUploadedAsAFileIsReadAsAPage() throws Exception {
        byte[] example = Files.readAllBytes(Path.of("examples/monitoring-xa-ngoc-lac-relapsed.json"));
        Http.Response shown = national.postMultipart("/monitoring-reports/new", Map.of(), Map.of("report.json", example));
        // Http.postMultipart names file parts "files": the page takes "file", so this is the pasted-nothing case
        assertEquals(400, shown.status(), shown::describe);
        Http.Response pasted = national.postMultipart("/monitoring-reports/new",
                Map.of("body", new String(example, StandardCharsets.UTF_8)), Map.of());
        assertEquals(200, pasted.status(), pasted::describe);
        String m = pasted.text();
        assertTrue(m.contains("RELAPSED") && m.contains("id=\"reasons\"") && m.contains("15061") && m.contains("BLACK_CREDIT_BACK"), m);
        // the sentences an officer reads: dates dd/mm/yyyy, the profile and the scope's places by name beside the code
        assertTrue(m.contains("trong kỳ 15/03/2026 – 14/06/2026"), m);
        assertFalse(sentences(m).matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), "no ISO date in what the officer reads");
        assertTrue(m.matches("(?s).*id=\"profile-label\">[^<]*\\p{L}[^<]*<.*"), "the profile has its name beside its id");
        assertTrue(m.contains("Thanh Hóa (38)") && m.contains("Ngọc Lặc (389)"), m);

        Http.Response outside = national.postMultipart("/monitoring-reports/new", Map.of("body",
                Files.readString(Path.of("examples/monitoring-xa-ngoc-lac-outside-window.json"))), Map.of());
        String o = outside.text();
        assertTrue(o.contains("kỳ báo cáo 15/12/2027 – 14/03/2028") && o.contains("ngày công nhận 20/12/2024"), o);
        assertFalse(sentences(o).matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), "no ISO date in what the officer reads");
    }

    /** A monitoring page from its verdict to the reasons: the recommendation, the notice and the profile's reason. */
    private static String sentences(String page) {
        return page.substring(page.indexOf("id=\"outcome\""), page.indexOf("id=\"reasons\""));
    }
}
