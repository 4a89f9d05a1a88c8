package vn.chuyenhoa.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Api;
import vn.chuyenhoa.support.Browser;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.ProgrammeDriver;

/**
 * Issue 15 (4) in a real browser (Debian's chromium through /usr/bin/chromedriver), at 1366×768 and 390×844: the
 * national programme officer drops a candidate, records an area's steps picking its evaluation and its monitoring
 * report from lists, corrects a mistaken step, follows the report back to the area's record, and reads the programme
 * page (a running year, as-of dates, the areas due for the STABLE step) and a screening's drug criteria, all through
 * the pages. Other systems only store what they would: the evaluation and the monitoring report. No page is wider than
 * the window: every element's box is measured, and one inside a box that scrolls on its own counts by that box.
 *
 * <p>On CI ({@code CI=true}) a missing browser fails the test; elsewhere it is skipped with a message. Screenshots go
 * to target/screenshots, or to the folder given as {@code -Dchuyenhoa.screenshots=docs/screenshots}.
 */
// a server of its own: it counts the demo's areas due for STABLE (28), which the other demo tests' steps would change
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:programme-browser;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false", "chuyenhoa.demo=dien-bien"})
class ProgrammePagesBrowserTest {

    static final String PROGRAMME = "/programmes/QD19_2025/11";

    static Browser chrome;
    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        chrome = Browser.start();
        browser = chrome.driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (chrome != null) chrome.quit();
    }

    @BeforeEach
    void server() {
        chrome.at(port);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1366, 768, 03151, 03158", "390, 844, 03160, 03162"})
    void anOfficerDropsACandidateCorrectsAStepAndCitesWhatTheAreaHasThroughThePages(int width, int height,
                                                                                   String dropped, String area) throws Exception {
        chrome.viewport(width, height);
        Api system = new Api(port);
        ProgrammeDriver dien = new ProgrammeDriver(system, "QD19_2025", "11");
        chrome.signIn("canbo");
        assertEquals(width, ((Number) chrome.js("return window.innerWidth")).intValue(), "the viewport is the size asked for");

        // a candidate entered on the programme page, then dropped on its record with the reason
        chrome.open(PROGRAMME + "?fromYear=2025&toYear=2025");
        addCandidate(dropped, "2025-07-10");
        step("DROPPED", "2025-07-20", "Huyện rút đề xuất");
        assertEquals("Không đưa vào danh sách", browser.findElement(By.id("state")).getText());
        assertEquals("DROPPED", browser.findElement(By.id("state")).getAttribute("data-state"));
        chrome.assertFits("the dropped record", width);

        // another one through to its transformation
        chrome.open(PROGRAMME + "?fromYear=2025&toYear=2025");
        addCandidate(area, "2025-07-10");
        step("PROPOSED", "2025-07-15", null);
        fill("decisionNumber-APPROVED", "7/QĐ-BCĐ");
        setDate("decisionDate-APPROVED", "2025-07-20");
        step("APPROVED", null, null);
        step("IN_TRANSFORMATION", "2025-08-01", null);

        // the system evaluates the commune; the officer picks that evaluation from the area's list, no id typed
        String evaluation = dien.evaluate(area, "2025-07-01", "2025-09-30", ProgrammeDriver.MET, "FINAL", null);
        chrome.open(areaPath(area));
        Select evaluations = new Select(browser.findElement(By.id("evaluationId-TRANSFORMED")));
        assertEquals(evaluation, evaluations.getOptions().get(1).getAttribute("value"));
        assertTrue(evaluations.getOptions().get(1).getText().contains("01/07/2025 – 30/09/2025"), evaluations.getOptions().get(1).getText());
        evaluations.selectByIndex(1);
        // a mistake: recognised on the 1st instead of the 15th
        step("TRANSFORMED", "2025-10-01", null);
        assertEquals("Chuyển hóa thành công", browser.findElement(By.id("state")).getText());

        // corrected by a step that keeps the mistaken one in the history
        String voids = browser.findElement(By.id("corrects-CORRECTED")).getText();
        assertTrue(voids.contains("bước 5") && voids.contains("01/10/2025"), voids);
        step("CORRECTED", "2025-10-15", "Ghi nhầm ngày công nhận");
        assertEquals("Đang chuyển hóa", browser.findElement(By.id("state")).getText());
        assertTrue(browser.findElement(By.id("step-5")).getText().contains("đã bị hủy bởi bước 6"),
                browser.findElement(By.id("step-5")).getText());
        assertTrue(browser.findElement(By.id("step-6")).getText().contains("Hủy bước 5"), browser.findElement(By.id("step-6")).getText());
        chrome.screenshot("area-corrected-" + width, width, height);
        chrome.assertFits("the corrected record", width);

        // the right step, picking the same evaluation again: the voided verdict no longer holds it
        new Select(browser.findElement(By.id("evaluationId-TRANSFORMED"))).selectByValue(evaluation);
        step("TRANSFORMED", "2025-10-15", null);
        step("MONITORING", "2025-11-01", null);

        // the system stores a monitoring report that finds a relapse; the officer picks it from the area's reports
        String report = dien.relapseReport(area, "2025-10-15", "2026-01-01", "2026-06-30");
        chrome.open(areaPath(area));
        assertTrue(browser.findElement(By.id("monitoring-window")).getText().contains("16/10/2025 – 15/10/2028"),
                browser.findElement(By.id("monitoring-window")).getText());
        Select reports = new Select(browser.findElement(By.id("monitoringReportId-RELAPSED")));
        assertTrue(reports.getOptions().get(1).getText().contains("01/01/2026 – 30/06/2026 · phức tạp trở lại"),
                reports.getOptions().get(1).getText());
        reports.selectByValue(report);
        step("RELAPSED", "2026-07-10", "Tín dụng đen xuất hiện trở lại");
        assertEquals("Phức tạp trở lại", browser.findElement(By.id("state")).getText());
        chrome.screenshot("area-" + width, width, height);
        chrome.assertFits("the relapsed record", width);
        String page = browser.findElement(By.tagName("main")).getText();
        for (String code : List.of("DROPPED", "CORRECTED", "RELAPSED", "TRANSFORMED", "IN_TRANSFORMATION", "MONITORING")) {
            assertFalse(page.contains(code), "no enum code on the Vietnamese page: " + code);
        }

        // from the step to the report, and from the report back to the area's record
        chrome.clickAndWait(browser.findElement(By.cssSelector("#steps a.report-link")));
        assertTrue(browser.getCurrentUrl().endsWith("/monitoring-reports/" + report), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.id("monitoring-window")).getText().startsWith("16/10/2025 – 15/10/2028"));
        chrome.clickAndWait(browser.findElement(By.id("area-record")));
        assertTrue(browser.getCurrentUrl().endsWith(areaPath(area)), browser.getCurrentUrl());

        // the programme page: 2025 is over and judged, this year is still running, every figure says as of when
        int thisYear = Today.inVietnam().getYear();
        chrome.open(PROGRAMME + "?fromYear=2025&toYear=" + thisYear);
        String targets = browser.findElement(By.id("targets")).getText();
        assertTrue(targets.contains("Đang thực hiện (đến hết ngày 31/12/" + thisYear + ")"), targets);
        String asOf = "tính đến ngày " + Today.inVietnam().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertTrue(browser.findElement(By.id("as-of")).getText().contains(asOf));
        assertTrue(browser.findElements(By.cssSelector("h2 .as-of")).size() >= 4, "each figure's heading");
        assertTrue(browser.findElement(By.id("areas")).getText().contains("Không đưa vào danh sách"));
        chrome.screenshot("programme-" + width, width, height);
        chrome.assertFits("the programme page", width);

        // the demo's 2018–2020 areas whose monitoring windows ended years ago, due for the STABLE step
        chrome.open("/programmes/QD124_2004/11?fromYear=2017&toYear=2020");
        assertEquals("28", browser.findElement(By.id("stable-due-count")).getText());
        assertEquals(28, browser.findElements(By.cssSelector("#stable-due li")).size());
        chrome.screenshot("programme-stable-due-" + width, width, height);
        chrome.assertFits("the demo programme page", width);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1366, 768", "390, 844"})
    void aDrugCriterionsBadgeSaysWhatTheCriterionGotNotWhatItsConditionGot(int width, int height) throws Exception {
        chrome.viewport(width, height);
        Http system = new Http(port);
        Http.Response posted = system.postJson("/api/v1/screenings", Files.readString(Path.of("examples/screening-thanh-hoa.json")));
        assertEquals(201, posted.status(), posted::describe);
        // a criterion not MET whose condition is: the page once showed only the condition's green MET beside it
        String tbody = null;
        String criterionOutcome = null;
        for (JsonNode c : posted.json().get("communes")) {
            JsonNode drug = c.get("drugArea");
            if (drug == null || drug.get("criteria") == null) continue;
            for (JsonNode d : drug.get("criteria")) {
                boolean conditionMet = false;
                if (d.get("conditions") != null) {
                    for (JsonNode i : d.get("conditions")) conditionMet |= "MET".equals(i.get("outcome").asString());
                }
                if (conditionMet && !"MET".equals(d.get("outcome").asString()) && tbody == null) {
                    tbody = "drug-" + c.get("area").get("code").asString() + "-" + d.get("type").asString() + "-" + d.get("id").asString();
                    criterionOutcome = d.get("outcome").asString();
                }
            }
        }
        assertTrue(tbody != null, "the example has a drug criterion not met with a condition met: " + posted.text());
        chrome.signIn("kiemtoan");
        chrome.open("/screenings/" + posted.json().get("id").asString());
        WebElement criterion = browser.findElement(By.id(tbody));
        assertTrue(criterion.findElements(By.cssSelector(".outcome.MET")).isEmpty(), "no green MET: " + criterion.getText());
        WebElement badge = criterion.findElement(By.cssSelector(".criterion-outcome"));
        assertTrue(badge.getAttribute("class").contains(criterionOutcome), badge.getAttribute("class"));
        assertTrue(badge.getText().startsWith("Tiêu chí: ") && !badge.getText().equals("Tiêu chí: đạt"), badge.getText());
        assertTrue(criterion.findElement(By.cssSelector(".condition[data-outcome=MET]")).getText().equals("điều kiện: đạt"));
        chrome.js("arguments[0].scrollIntoView()", criterion);
        chrome.screenshot("screening-drug-" + width, width, height);
    }

    // ---- the officer's hands ----------------------------------------------------------------------------------

    private String areaPath(String code) {
        return PROGRAMME + "/2025/areas/" + code;
    }

    private void addCandidate(String code, String date) {
        fill("candidate-areaCode", code);
        fill("candidate-actor", "UBND xã đề nghị");
        setDate("candidate-effectiveDate", date);
        chrome.clickAndWait(browser.findElement(By.id("candidate-submit-2025")));
        assertTrue(browser.findElements(By.id("added")).size() == 1, browser.findElement(By.tagName("main")).getText());
    }

    /** Fills the step's form (actor, date, reason) and records it; the page says it was recorded. */
    private void step(String to, String date, String comment) {
        fill("actor-" + to, "BCĐ 138 tỉnh Điện Biên");
        if (date != null) setDate("effectiveDate-" + to, date);
        if (comment != null) fill("comment-" + to, comment);
        chrome.clickAndWait(browser.findElement(By.id("step-submit-" + to)));
        assertTrue(browser.findElements(By.id("recorded")).size() == 1, to + ": " + browser.findElement(By.tagName("main")).getText());
    }

    private void fill(String id, String text) {
        Browser.type(browser.findElement(By.id(id)), text);
    }

    /** A date input's value set as the browser's date picker sets it (the typed format follows the browser's locale). */
    private void setDate(String id, String iso) {
        chrome.js("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), iso);
    }
}
