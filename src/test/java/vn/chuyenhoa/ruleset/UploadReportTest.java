package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.support.Http.assertProblem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RuleTree;
import vn.chuyenhoa.support.RunningServer;

/**
 * What policy staff are told when an edited table is refused, as a trial editing the shipped XLSX tables with Apache
 * POI found it (trial-policy findings 3, 5, 6, 8, 9, 10, 13, 18): each report names the mistake the officer made — a
 * wrong file name, a fraction typed for a percent, a test case of their own that the change contradicts, typographic
 * quotes, a deleted column, an emptied table, a file too large for the page or when unpacked — at its file and cell,
 * and every refused upload leaves the rules in force and the stored versions as they were.
 */
@RunningServer
class UploadReportTest {

    static final String PROFILES = "decision-tables/profiles.drl.xlsx";
    static final String SCREENING = "decision-tables/screening.drl.xlsx";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    /**
     * Finding 3: the name a browser gives a second download, or another capital, is a wrong name, not a new table; so
     * is the name without ".drl" that a save from a spreadsheet program may leave, with or without its folder.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"profiles (1).drl.xlsx", "Profiles.drl.xlsx", "profiles.xlsx", "profiles.XLSX",
            "decision-tables/profiles.xlsx"})
    void aWrongFileNameIsReportedAsAWrongNameNamingTheRightOne(String name) throws IOException {
        RuleTree tree = RuleTree.copyInto(dir).set(PROFILES, "Thresholds", "C27", "12");
        JsonNode report = refused(Map.of(name, Files.readAllBytes(tree.file(PROFILES))));
        JsonNode first = report.get("problems").get(0);
        assertEquals("unknown_file_name", first.get("code").asString(), report::toString);
        String bare = name.substring(name.lastIndexOf('/') + 1);
        assertEquals("decision-tables/" + bare, first.get("file").asString(), report::toString);
        String vi = first.get("messageVi").asString();
        assertTrue(vi.contains("«" + bare + "»") && vi.contains("đặt lại tên là profiles.drl.xlsx"), vi);
        assertTrue(first.get("messageEn").asString().contains("rename it to profiles.drl.xlsx"), first::toString);
        for (JsonNode p : report.get("problems")) assertFalse("unknown_table".equals(p.get("code").asString()), report::toString);
    }

    /**
     * Finding 5: 0.8 typed where the criterion's unit is percent (80 in force) is kept as a draft, since a rate of
     * 0.8% may be meant, but with a warning at its cell that the report, the version page and the approver's page show.
     */
    @Test
    void aFractionTypedForAPercentThresholdIsFlaggedForTheApprover() throws IOException {
        RuleTree tree = RuleTree.copyInto(dir).edit(PROFILES, "Thresholds", "C15", c -> c.setCellValue(0.8));
        Http.Response r = http.postMultipart("/api/v1/rulesets", Map.of("comment", "thử 0,8"),
                Map.of("profiles.drl.xlsx", Files.readAllBytes(tree.file(PROFILES))));
        assertEquals(201, r.status(), r::describe);
        JsonNode warnings = r.json().get("report").get("warnings");
        assertTrue(warnings != null && warnings.size() == 1, r::describe);
        JsonNode w = warnings.get(0);
        assertEquals("percent_as_fraction", w.get("code").asString(), r::describe);
        assertEquals(PROFILES, w.get("file").asString());
        assertEquals("Thresholds", w.get("sheet").asString());
        assertEquals("C15", w.get("cell").asString());
        String vi = w.get("messageVi").asString();
        assertTrue(vi.contains("0,8 nghĩa là 0,8%") && vi.contains("gõ 80") && !vi.contains("0.8"), vi);
        String version = r.json().get("version").asString();

        for (String page : List.of("/rulesets/" + version, "/rulesets/" + version + "/activate")) {
            String vietnamese = http.get(page).text();
            assertTrue(vietnamese.contains("id=\"warnings\"") && vietnamese.contains("0,8 nghĩa là 0,8%")
                    && vietnamese.contains("C15"), page + ": " + vietnamese);
            String english = http.get(page + "?lang=en").text();
            assertTrue(english.contains("0.8 means 0.8%"), page + ": " + english);
        }
    }

    /** Finding 6: the staff's screening cases run on upload like the evaluation cases, and fail at their cell. */
    @Test
    void aScreeningChangeThatContradictsTheStaffsScreeningCasesIsRefusedAtTheCase() throws IOException {
        RuleTree tree = RuleTree.copyInto(dir);
        for (String cell : List.of("F10", "F11", "F12")) tree.set(SCREENING, "Indicators", cell, "999999");
        JsonNode report = refused(Map.of("screening.drl.xlsx", Files.readAllBytes(tree.file(SCREENING))));
        assertTrue(report.get("testCases").asInt() > 0, report::toString);
        JsonNode failed = null;
        for (JsonNode p : report.get("problems")) {
            if ("decision-tables/tests/screening-cases.drl.xlsx".equals(p.get("file").asString()) && "W11".equals(p.get("cell").asString())) failed = p;
        }
        assertTrue(failed != null, report::toString);
        assertEquals("test_failed", failed.get("code").asString(), failed::toString);
        assertTrue(failed.get("messageVi").asString().contains("loai_1_socialOrderCrimes_12_of_12000"), failed::toString);
    }

    /** Finding 8: typographic quotes around a code value are said to be that, not an unknown basis. */
    @Test
    void typographicQuotesInADataCellAreNamedAsSuch() throws IOException {
        RuleTree tree = RuleTree.copyInto(dir).set(PROFILES, "Thresholds", "D27", "“crimes+socialEvils”");
        JsonNode report = refused(Map.of("profiles.drl.xlsx", Files.readAllBytes(tree.file(PROFILES))));
        assertEquals(1, report.get("problems").size(), report::toString);
        JsonNode p = report.get("problems").get(0);
        assertEquals("smart_quotes", p.get("code").asString(), report::toString);
        assertEquals("D27", p.get("cell").asString());
        assertEquals("“crimes+socialEvils”", p.get("value").asString());
        String vi = p.get("messageVi").asString();
        assertTrue(vi.contains("dấu ngoặc kép kiểu chữ") && !vi.contains("Baseline"), vi);
        assertTrue(p.get("messageEn").asString().contains("typographic quotes"), p::toString);
    }

    /** Finding 9: a deleted column is one problem naming the column, not a program-text change at each shifted cell. */
    @Test
    void aDeletedColumnIsReportedOnceByItsTitle() throws IOException {
        RuleTree tree = RuleTree.copyInto(dir).edit(PROFILES, "Thresholds", "A1", c -> {
            Sheet s = c.getSheet();
            int last = 0;
            for (Row row : s) last = Math.max(last, row.getLastCellNum());
            s.shiftColumns(4, last, -1); // column D (Basis) deleted: E and beyond move left
        });
        JsonNode report = refused(Map.of("profiles.drl.xlsx", Files.readAllBytes(tree.file(PROFILES))));
        assertEquals(1, report.get("problems").size(), report::toString);
        JsonNode p = report.get("problems").get(0);
        assertEquals("column_missing", p.get("code").asString(), report::toString);
        assertEquals("Thresholds", p.get("sheet").asString());
        assertEquals("D9", p.get("cell").asString());
        assertTrue(p.get("messageVi").asString().contains("Cơ sở so sánh"), p::toString);
        assertTrue(p.get("messageEn").asString().contains("Basis"), p::toString);
    }

    /** Finding 10: a Thresholds table left without rows is said at that table, and no other workbook is blamed. */
    @Test
    void anEmptiedTableIsReportedAtItselfAndNoOtherFileIsBlamed() throws IOException {
        RuleTree tree = RuleTree.copyInto(dir).edit(PROFILES, "Thresholds", "A1", c -> {
            Sheet s = c.getSheet();
            for (int r = 9; r <= s.getLastRowNum(); r++) if (s.getRow(r) != null) s.removeRow(s.getRow(r));
        });
        JsonNode report = refused(Map.of("profiles.drl.xlsx", Files.readAllBytes(tree.file(PROFILES))));
        JsonNode first = report.get("problems").get(0);
        assertEquals("empty_table", first.get("code").asString(), report::toString);
        assertEquals("Thresholds", first.get("sheet").asString());
        assertEquals(10, first.get("row").asInt());
        assertTrue(first.get("messageVi").asString().contains("Bảng Thresholds không có dòng dữ liệu nào"), first::toString);
        for (JsonNode p : report.get("problems")) assertEquals(PROFILES, p.get("file").asString(), report::toString);
    }

    /** Finding 13: a file over the request limit sent from the upload page is answered by a page, in Vietnamese. */
    @Test
    void anOversizedUploadFromThePageIsAnsweredWithAVietnamesePage() {
        String before = active();
        long versions = http.get("/api/v1/rulesets").json().get("totalItems").asLong();
        byte[] big = new byte[21 * 1024 * 1024];
        Http.Response r = http.postMultipart("/rulesets/upload", Map.of("comment", "thử"), Map.of("profiles.drl.xlsx", big));
        assertEquals(413, r.status(), r::describe);
        assertTrue(r.mediaType().startsWith("text/html"), r::describe);
        assertTrue(r.text().contains("Tệp quá lớn") && r.text().contains("20 MB") && r.text().contains("id=\"upload-form\""), r::describe);
        assertEquals(before, active(), "the version in force stays");

        // as the trial sent it: a signed-in session with the form's CSRF token, the browser's Accept
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = send(browser, HttpRequest.newBuilder(http.resolve("/login")).GET()).body();
        send(browser, HttpRequest.newBuilder(http.resolve("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=kiemthu&password=kiemthu-matkhau&_csrf=" + csrf(login))));
        String form = send(browser, HttpRequest.newBuilder(http.resolve("/rulesets/upload")).GET()).body();
        String boundary = "----trial" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(form) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nthử\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"profiles.drl.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(big);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(http.resolve("/rulesets/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertEquals(413, page.statusCode(), page::body);
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                && page.body().contains("Tệp quá lớn") && page.body().contains("20 MB"), page::body);
        assertEquals(before, active(), "the version in force stays");
        assertEquals(versions, http.get("/api/v1/rulesets").json().get("totalItems").asLong(), "nothing was stored");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String csrf(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    /** Finding 18: a small file that unpacks to a huge one is too large unpacked, not a file to save again in Excel. */
    @Test
    void aZipBombIsTooLargeWhenUnpacked() throws IOException {
        byte[] bomb = inflating(Files.readAllBytes(Path.of(PROFILES)), 60 * 1024 * 1024);
        assertTrue(bomb.length < 1024 * 1024, "small: " + bomb.length);
        JsonNode report = refused(Map.of("profiles.drl.xlsx", bomb));
        JsonNode p = report.get("problems").get(0);
        assertEquals("unpacked_too_large", p.get("code").asString(), report::toString);
        assertEquals(PROFILES, p.get("file").asString());
        String vi = p.get("messageVi").asString();
        assertTrue(vi.contains("giải nén") && !vi.contains("Excel"), vi);
    }

    /** The workbook with {@code padding} blanks added inside its first sheet's XML (still well-formed, highly compressible). */
    private static byte[] inflating(byte[] xlsx, int padding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            boolean padded = false;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (!padded && e.getName().startsWith("xl/worksheets/sheet")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int end = xml.lastIndexOf("</worksheet>");
                    zip.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1024 * 1024];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < padding / blanks.length; i++) zip.write(blanks);
                    zip.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                    padded = true;
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Uploads the files; asserts a 422 that changed nothing; returns the report. */
    private JsonNode refused(Map<String, byte[]> files) {
        String before = active();
        long versions = http.get("/api/v1/rulesets").json().get("totalItems").asLong();
        Http.Response r = http.postMultipart("/api/v1/rulesets", Map.of("comment", "thử"), files);
        JsonNode problem = assertProblem(r, 422);
        assertEquals(before, active(), "the version in force stays");
        assertEquals(versions, http.get("/api/v1/rulesets").json().get("totalItems").asLong(), "nothing was stored");
        return problem.get("report");
    }

    private String active() {
        return http.get("/api/v1/ruleset").json().get("version").asString();
    }
}
