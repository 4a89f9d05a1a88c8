package vn.chuyenhoa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.node.ObjectNode;
import vn.chuyenhoa.evaluation.EvaluationStore;
import vn.chuyenhoa.support.Browser;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RuleTree;
import vn.chuyenhoa.support.ShippedRows;
import vn.chuyenhoa.support.StoredEvaluations;

/**
 * The pages in a real browser: Debian's chromium driven through /usr/bin/chromedriver (Selenium never downloads a
 * driver). An auditor finds an evaluation by area code, reads a failed criterion's explanation and remedy and exports
 * CSV; a rule editor uploads a broken table (sees the cell) and a clean one (a draft), and its diff; an approver
 * activates it with confirmation and a comment. With the Điện Biên demo loaded, the programme page shows its chart.
 *
 * <p>On CI ({@code CI=true}) a missing browser fails the test; elsewhere the test is skipped with a message. Screenshots
 * go to target/screenshots, or to the folder given as {@code -Dchuyenhoa.screenshots=docs/screenshots}.
 */
// a server of its own: it activates a ruleset, finds exactly one evaluation of Kiên Thọ and shoots the README's screenshots
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false", "chuyenhoa.demo=dien-bien",
        // only the documented demo accounts: the screenshots show what a newcomer sees
        "chuyenhoa.access.seed=classpath:access/demo-accounts.csv"
})
class BrowserFlowsTest {

    static final String PROFILES = "decision-tables/profiles.drl.xlsx";

    /** The screen of the screenshots in the README. */
    static final int WIDTH = 1400, HEIGHT = 1000;

    static Browser chrome;
    static WebDriver browser;
    static boolean loginShot;

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Autowired
    EvaluationStore store;

    Http http;

    @org.springframework.beans.factory.annotation.Autowired
    vn.chuyenhoa.evaluation.EngineSource engines;

    @BeforeAll
    static void startBrowser() throws Exception {
        chrome = Browser.start();
        chrome.viewport(WIDTH, HEIGHT);
        browser = chrome.driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (chrome != null) chrome.quit();
    }

    @BeforeEach
    void setUp() {
        // the demo system, as a newcomer's local run has it
        http = new Http(port, "demo-token-hethong");
        chrome.at(port);
    }

    @Test
    void anAuditorFindsAFailedEvaluationReadsWhyAndExportsCsv() throws Exception {
        UUID nenh = null;
        for (String example : List.of("xa-kien-tho.json", "phuong-nenh-viet-yen.json", "thi-tran-ngoc-lac.json", "xa-nguyet-an.json")) {
            Http.Response r = http.postJson("/api/v1/evaluations", Files.readString(Path.of("examples/" + example)));
            assertEquals(201, r.status(), r::describe);
            if (example.startsWith("phuong-nenh")) nenh = UUID.fromString(r.json().get("id").asString());
        }
        signIn("kiemtoan");
        chrome.open("/evaluations");
        screenshot("evaluations");
        WebElement area = browser.findElement(By.id("area"));
        area.sendKeys("15118");
        chrome.clickAndWait(browser.findElement(By.id("search-button")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#evaluations tbody tr"));
        assertEquals(1, rows.size(), browser.getPageSource());
        assertTrue(rows.get(0).getText().contains("Chưa đạt"), rows.get(0).getText());

        String csvHref = browser.findElement(By.id("export-csv")).getAttribute("href");
        // the export as the signed-in auditor's session fetches it (a headless download lands nowhere to read)
        Http.Response export = http.as(null).get(csvHref, "Cookie", "SESSION=" + browser.manage().getCookieNamed("SESSION").getValue());
        assertEquals(200, export.status(), export::describe);
        String csv = new String(export.body(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF") && csv.contains(",15118,Xã Kiên Thọ,38,Tỉnh Thanh Hóa,NGOC_LAC_2024,")
                && csv.contains(",NOT_TRANSFORMED,Chưa đạt,"), csv);

        chrome.clickAndWait(rows.get(0).findElement(By.linkText("Xã Kiên Thọ")));
        WebElement clearance = browser.findElement(By.id("criterion-CLEARANCE_RATE"));
        assertTrue(clearance.getText().contains("Tỷ lệ điều tra, khám phá tội phạm 75,00% (6/8) thấp hơn ngưỡng 80%."), clearance.getText());
        assertTrue(clearance.getText().contains("cần khám phá thêm 1 vụ để đạt 80%"), clearance.getText());
        assertEquals("Chưa đạt", clearance.findElement(By.cssSelector(".outcome")).getText(), "a text label, not colour alone");
        assertTrue(clearance.getText().contains(ShippedRows.cell(PROFILES, "Thresholds", "C", "NGOC_LAC_2024", "CLEARANCE_RATE")),
                "the cell that set the threshold");
        assertEquals("hethong", browser.findElement(By.id("submitter")).getText(), "the account that sent the facts");
        screenshot("evaluation");

        chrome.clickAndWait(browser.findElement(By.id("replay")));
        assertTrue(browser.findElement(By.id("replay-result")).getText().contains("Chạy lại cho đúng kết quả đã lưu."));

        chrome.clickAndWait(browser.findElement(By.id("lang-en")));
        assertTrue(browser.findElement(By.id("criterion-CLEARANCE_RATE")).getText().contains("is below the threshold of 80%"));

        // stored before a release reworded the profile's reason: the same decision in other words, and the page says so
        String oldReason = "Bộ tiêu chí VIET_YEN_2024 được chọn vì phạm vi (tỉnh 24, huyện 222) chứa địa bàn 07795.";
        UUID reworded = StoredEvaluations.copyOf(store, nenh,
                doc -> ((ObjectNode) doc.get("profile")).put("reasonVi", oldReason));
        chrome.open("/evaluations/" + reworded + "?lang=vi");
        chrome.clickAndWait(browser.findElement(By.id("replay")));
        String found = browser.findElement(By.id("replay-result")).getText();
        assertTrue(found.startsWith("Chạy lại cho cùng quyết định, chỉ khác lời văn"), found);
        assertTrue(found.contains("Đã lưu: Đạt — chuyển hóa thành công; chạy lại: Đạt — chuyển hóa thành công."), found);
        assertEquals("Lý do chọn (tiếng Việt) của bộ tiêu chí: đã lưu «" + oldReason + "», chạy lại «"
                        + http.get("/api/v1/evaluations/" + nenh).json().get("profile").get("reasonVi").asString() + "»",
                browser.findElement(By.id("replay-wording")).getText().trim());
        assertTrue(browser.findElements(By.id("replay-decision")).isEmpty(), "no part of the decision differs");
        assertFalse(found.contains("reasonVi") || found.contains("/profile") || found.contains("TRANSFORMED"), found);
        chrome.open("/evaluations/" + reworded + "?lang=en");
        chrome.clickAndWait(browser.findElement(By.id("replay")));
        String english = browser.findElement(By.id("replay-result")).getText();
        assertTrue(english.startsWith("The replay gives the same decision, worded differently")
                && english.contains("Why it was chosen (Vietnamese) of the profile") && english.contains("/profile/reasonVi"),
                english);
        chrome.open("/evaluations?lang=vi");
    }

    @Test
    void aRuleEditorUploadsAndAnApproverActivates() throws Exception {
        RuleTree broken = RuleTree.copyInto(dir.resolve("broken")).set(PROFILES, "Thresholds", "C27", "mười hai");
        signIn("soanthao");
        chrome.open("/rulesets");
        chrome.clickAndWait(browser.findElement(By.id("upload-link")));
        upload(broken.file(PROFILES), "Việt Yên: giảm tội phạm 12% (gõ nhầm chữ)");
        WebElement report = await(By.id("report"));
        assertTrue(report.getText().contains("C27") && report.getText().contains("mười hai"), report.getText());
        screenshot("ruleset-upload-report");

        RuleTree clean = RuleTree.copyInto(dir.resolve("clean")).set(PROFILES, "Thresholds", "C27", "9");
        upload(clean.file(PROFILES), "Việt Yên: giảm tội phạm 9%");
        assertEquals("Bản nháp", await(By.id("version-status")).getText());
        assertTrue(browser.findElement(By.id("uploaded")).isDisplayed());
        assertTrue(browser.findElements(By.id("activate-link")).isEmpty(), "an editor is not offered to put it in force");

        chrome.clickAndWait(browser.findElement(By.id("diff-active")));
        WebElement diff = browser.findElement(By.id("diff"));
        assertTrue(diff.getText().contains("VIET_YEN_2024") && diff.getText().contains("C27"), diff.getText());
        screenshot("ruleset-diff");
        browser.navigate().back();
        String draftPage = browser.getCurrentUrl();

        signIn("pheduyet");
        browser.get(draftPage);
        chrome.clickAndWait(browser.findElement(By.id("activate-link")));
        assertTrue(browser.findElement(By.id("actor")).getText().contains("pheduyet"), "the approver is whoever signed in");
        browser.findElement(By.id("comment")).sendKeys("Đã duyệt theo kế hoạch 2024");
        browser.findElement(By.id("activate-submit")).click();
        assertTrue(browser.getCurrentUrl().contains("/activate"), "the unticked confirmation box stops the form");
        browser.findElement(By.id("confirm")).click();
        chrome.clickAndWait(browser.findElement(By.id("activate-submit")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("activated")));
        assertEquals("Đang áp dụng", browser.findElement(By.id("version-status")).getText());
        String activeNow = http.get("/api/v1/ruleset").json().get("version").asString();
        assertTrue(browser.getCurrentUrl().contains(activeNow), browser.getCurrentUrl());
    }

    @Test
    void theProgrammePageShowsTargetsAgainstResults() throws Exception {
        signIn("kiemtoan");
        chrome.open("/programmes/QD124_2004/11?fromYear=2017&toYear=2020");
        assertTrue(browser.findElement(By.id("province")).getText().contains("Điện Biên"));
        String targets = browser.findElement(By.id("targets")).getText();
        assertTrue(targets.contains("≥ 60%") && targets.contains("≥ 85%") && !targets.contains(">="), targets);
        assertTrue(browser.findElements(By.cssSelector("#chart rect")).size() >= 8, "two bars per year");
        assertTrue(browser.findElements(By.cssSelector("#areas tbody tr")).size() > 0, "areas by state");
        screenshot("programme");
    }

    @Test
    void anAdministratorIssuesATokenThatASystemThenUses() throws Exception {
        signIn("quantri");
        chrome.open("/admin");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("token-username"))).selectByValue("hethong");
        browser.findElement(By.id("token-label")).sendKeys("Máy chủ báo cáo tỉnh Thanh Hóa");
        chrome.clickAndWait(browser.findElement(By.id("issue-token-submit")));
        String secret = await(By.id("issued-token")).getText().strip();
        screenshot("admin-token");
        Http.Response evaluated = http.as(secret).postJson("/api/v1/evaluations", Files.readString(Path.of("examples/xa-kien-tho.json")));
        assertEquals(201, evaluated.status(), evaluated::describe);

        chrome.open("/admin");
        assertTrue(browser.findElement(By.id("tokens")).getText().contains("Máy chủ báo cáo tỉnh Thanh Hóa"));
        assertFalse(browser.getPageSource().contains(secret), "the secret is shown once, never again");
        screenshot("admin");
    }

    /** A date field's value as the browser submits it (yyyy-MM-dd), whatever the display locale of the date picker. */
    private void setDate(String id, String isoDate) {
        chrome.js(
                "document.getElementById(arguments[0]).value = arguments[1]", id, isoDate);
    }

    /**
     * Issue 6: the programme officer's work in the browser. The Điện Biên officer adds a candidate to the 2021
     * programme, proposes it, is refused an approval without its decision, and sees on the area page who decided and
     * who wrote it down; the national officer uploads the Thanh Hóa screening export and reads the ranking.
     */
    @Test
    void anOfficerAddsACandidateRecordsAStepAndUploadsAScreening() throws Exception {
        signIn("canbo.dienbien");
        chrome.open("/programmes/QD124_2004/11?fromYear=2021&toYear=2021");
        browser.findElement(By.id("candidate-areaCode")).sendKeys("03124");
        browser.findElement(By.id("candidate-actor")).sendKeys("UBND thành phố Điện Biên Phủ");
        browser.findElement(By.id("candidate-comment")).sendKeys("Đề nghị xem xét năm 2021");
        // an old commune (QD124_2004) is recorded on days before 1 July 2025, when its list was in force (issue 14)
        setDate("candidate-effectiveDate", "2021-02-10");
        browser.findElement(By.id("candidate-submit-2021")).click();
        await(By.id("added"));
        assertEquals("CANDIDATE", browser.findElement(By.id("state")).getAttribute("data-state"), "the state's code stays for machines; people read its label");

        browser.findElement(By.id("actor-PROPOSED")).sendKeys("Công an tỉnh Điện Biên");
        setDate("effectiveDate-PROPOSED", "2021-02-20");
        browser.findElement(By.id("step-submit-PROPOSED")).click();
        await(By.id("recorded"));
        String step2 = browser.findElement(By.id("step-2")).getText();
        assertTrue(step2.contains("Công an tỉnh Điện Biên") && step2.contains("canbo.dienbien"), step2);

        browser.findElement(By.id("actor-APPROVED")).sendKeys("BCĐ 138 tỉnh Điện Biên");
        setDate("effectiveDate-APPROVED", "2021-03-01");
        browser.findElement(By.id("step-submit-APPROVED")).click();
        String refused = await(By.id("form-errors")).getText();
        assertTrue(refused.contains("Số quyết định"), "the field by its label: " + refused);
        assertEquals("PROPOSED", browser.findElement(By.id("state")).getAttribute("data-state"));
        screenshot("area");

        signIn("canbo");
        chrome.open("/screenings/new");
        browser.findElement(By.id("file")).sendKeys(Path.of("examples/screening-thanh-hoa.json").toAbsolutePath().toString());
        browser.findElement(By.id("submit")).click();
        String ranking = await(By.id("ranking")).getText();
        assertTrue(ranking.contains("Xã Kiên Thọ") && ranking.contains("Xã Minh Sơn"), ranking);
        assertTrue(browser.findElement(By.id("commune-15124")).getText().contains("ma túy"), "flags per commune");
        screenshot("screening");
    }

    /**
     * The approver reads what changed as every other page writes it (policy trial finding 11: the diff read
     * "ngưỡng … >= 95 → >= 92.5"): a rate threshold as "≥ 95% → ≥ 92,5%", a date dd/mm/yyyy, a percent setting with a
     * decimal comma and its sign; English on ?lang=en. What the API writes (">= 92.5") stays in the JSON.
     */
    @Test
    void theDiffPageWritesChangedValuesAsThePagesDo() throws Exception {
        RuleTree edited = RuleTree.copyInto(dir.resolve("words"))
                .set(PROFILES, "Thresholds", "C16", "92.5")                                // national serious clearance 95 → 92.5
                .set(PROFILES, "Profiles", "H10", "2017-02-01")                            // national core valid from
                .set("decision-tables/programme.drl.xlsx", "Settings", "C10", "62.5");     // national target 60% → 62.5%
        signIn("soanthao");
        chrome.open("/rulesets/upload");
        browser.findElement(By.id("files")).sendKeys(edited.file(PROFILES).toAbsolutePath() + "\n"
                + edited.file("decision-tables/programme.drl.xlsx").toAbsolutePath());
        Browser.type(browser.findElement(By.id("comment")), "Sửa ngưỡng, ngày hiệu lực và chỉ tiêu");
        chrome.clickAndWait(browser.findElement(By.id("upload-submit")));
        assertEquals("Bản nháp", await(By.id("version-status")).getText());
        chrome.clickAndWait(browser.findElement(By.id("diff-active")));
        String vi = browser.findElement(By.id("diff")).getText();
        assertTrue(vi.contains("≥ 95% → ≥ 92,5%"), vi);
        assertTrue(vi.contains("01/01/2017") && vi.contains("01/02/2017"), vi);
        assertTrue(vi.contains("«60%» → «62,5%»"), vi);
        EveryPageTest.Forbidden forbidden = EveryPageTest.Forbidden.fromCode(engines.current().policy());
        // what a person reads: codes the page keeps from translation (translate="no") are data, as EveryPageTest reads it
        String readable = (String) chrome.js("const d = document.getElementById('diff').cloneNode(true);"
                + " d.querySelectorAll('[translate=\"no\"]').forEach(e => e.remove()); return d.textContent;");
        assertEquals(List.of(), forbidden.in(readable), readable);

        chrome.open(new java.net.URI(browser.getCurrentUrl()).getRawPath() + "?" + new java.net.URI(browser.getCurrentUrl()).getRawQuery() + "&lang=en");
        String en = browser.findElement(By.id("diff")).getText();
        assertTrue(en.contains("≥ 95% → ≥ 92.5%") && en.contains("01/02/2017") && en.contains("«60%» → «62.5%»"), en);
        chrome.open("/rulesets?lang=vi");
    }

    /**
     * Under the pages' Content-Security-Policy (no inline script): Swagger UI still draws the API from its script
     * files, the printable page's button still prints through its script file, and a script injected inline does not
     * run.
     */
    @Test
    void swaggerUiAndThePrintButtonWorkUnderTheContentSecurityPolicy() throws Exception {
        chrome.open("/swagger-ui/index.html");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> d.findElements(By.cssSelector(".opblock")).size() > 10);

        Http.Response r = http.postJson("/api/v1/evaluations", Files.readString(Path.of("examples/phuong-nenh-viet-yen.json")));
        assertEquals(201, r.status(), r::describe);
        signIn("kiemtoan");
        chrome.open("/evaluations/" + r.json().get("id").asString() + "/print");
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript("window.printed = false; window.print = function () { window.printed = true; };");
        browser.findElement(By.cssSelector("[data-print]")).click();
        assertEquals(Boolean.TRUE, js.executeScript("return window.printed;"), "the print button ran print.js");
        // what a stored text smuggled into the page as an inline script would do: nothing
        js.executeScript("var s = document.createElement('script'); s.textContent = 'window.injected = true;';"
                + " document.body.appendChild(s);");
        assertEquals(Boolean.FALSE, js.executeScript("return window.injected === true;"), "an inline script ran");
    }

    /** Through the login form, as a documented demo account; the first time, a screenshot of the form. */
    private void signIn(String username) throws Exception {
        browser.manage().deleteAllCookies();
        chrome.open("/evaluations");
        assertTrue(browser.getCurrentUrl().endsWith("/login"), "a page asks who you are first: " + browser.getCurrentUrl());
        if (!loginShot) {
            screenshot("login");
            loginShot = true;
        }
        chrome.signInHere(username);
    }

    private static void screenshot(String name) throws Exception {
        chrome.screenshot(name, WIDTH, HEIGHT);
    }

    private void upload(Path file, String comment) {
        WebElement files = browser.findElement(By.id("files"));
        files.sendKeys(file.toAbsolutePath().toString());
        Browser.type(browser.findElement(By.id("comment")), comment);
        chrome.clickAndWait(browser.findElement(By.id("upload-submit")));
    }

    /** Validating an upload takes seconds on a loaded machine; the page that answers comes when it is done. */
    private static WebElement await(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(what));
    }
}
