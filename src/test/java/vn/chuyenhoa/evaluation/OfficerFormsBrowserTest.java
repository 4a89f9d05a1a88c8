package vn.chuyenhoa.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.chuyenhoa.support.Browser;
import vn.chuyenhoa.support.RunningDemo;

/**
 * Issue 15 item 1, in a real browser at a laptop's size (1366×768) and a phone's (390×844), through the pages only: the
 * officer of Điện Biên (demo account canbo.dienbien) evaluates a commune by form — "5.400" typed, the preview showing
 * the number read and the verdict, saving landing on the evaluation's page —, sends a screening with candidates as
 * rows of a table (one row added) and a monitoring report by form; the pickers offer no province outside theirs and a
 * commune of another province slipped into the form is refused; errors show labels next to their fields and at the
 * top. No page reaches past the viewport (tables scroll in their own box). Screenshots of each page at both sizes go to
 * target/screenshots, or to {@code -Dchuyenhoa.screenshots=docs/screenshots}.
 *
 * <p>On CI ({@code CI=true}) a missing browser fails the test; elsewhere it is skipped with a message.
 */
@RunningDemo
class OfficerFormsBrowserTest {

    /** The two screens of the issue: a laptop and a phone. */
    static final List<Dimension> SIZES = List.of(new Dimension(1366, 768), new Dimension(390, 844));
    /** An identifier as code writes it (camelCase), which a Vietnamese page must not show. */
    static final Pattern CAMEL = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b");
    /** A constant as code writes it (CLEARANCE_RATE, QD124_2004, NATIONAL_CORE). */
    static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");

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

    @Test
    void theOfficerOfDienBienEvaluatesACommuneByFormPreviewsAndSaves() throws Exception {
        for (Dimension size : SIZES) {
            signIn("canbo.dienbien", size);
            chrome.clickAndWait(browser.findElement(By.id("evaluate-link")));
            assertTrue(browser.getCurrentUrl().endsWith("/evaluations/new"), browser.getCurrentUrl());
            checkPage("evaluate-form", size);

            type("period.from", "01/01/2024");
            type("period.to", "31/12/2024");
            type("baselinePeriod.from", "01/01/2023");
            type("baselinePeriod.to", "31/12/2023");
            Select province = new Select(browser.findElement(By.id("province")));
            assertEquals(List.of("Tỉnh Điện Biên (11)"), province.getOptions().stream().map(WebElement::getText).toList(),
                    "only the officer's province, by name with its code");
            new Select(browser.findElement(By.id("area"))).selectByVisibleText("Xã Mường Nhé (03160) — Huyện Mường Nhé");
            type("facts.tipsReceived", "1.200");
            type("facts.tipsResolved", "1.200");
            choose("facts.politicalSystemConsolidated", "Có");
            type("facts.effectiveModels", "3");
            choose("facts.communityRulesMaintained", "Có");
            type("facts.householdsTotal", "5.400");
            type("facts.householdsInformed", "5.400");
            choose("facts.organizedCrimeSigns", "Không");
            choose("facts.blackCreditActivity", "Không");
            type("facts.casesOccurred", "20");
            type("facts.casesCleared", "18");
            type("facts.seriousCasesProsecuted", "0");
            type("facts.seriousCasesCleared", "0");
            type("facts.releasedResidents", "40");
            type("facts.releasedReoffended", "2");
            type("facts.crimesBaseline", "30");
            type("facts.crimesCurrent", "20");
            type("facts.socialEvilsBaseline", "12");
            type("facts.socialEvilsCurrent", "6");
            type("facts.hotspotsBaseline", "3");
            type("facts.hotspotsCurrent", "1");
            type("facts.newHotspotsFormed", "0");
            assertTrue(browser.findElements(By.id("save")).isEmpty(), "no saving before a preview");
            chrome.clickAndWait(browser.findElement(By.id("preview")));

            WebElement households = browser.findElement(By.name("facts.householdsTotal"));
            assertEquals("5.400", households.getAttribute("value"), "what was typed stays in the form");
            WebElement read = households.findElement(By.xpath("following-sibling::span[@class='read']/b"));
            assertEquals("5.400", read.getText(), "the number read, written back as Vietnamese write it");
            String verdict = browser.findElement(By.id("preview-verdict")).getText();
            assertEquals("Đạt — chuyển hóa thành công", verdict, browser.findElement(By.id("preview-result")).getText());
            String rows = browser.findElement(By.id("preview-criteria")).getText();
            assertTrue(rows.contains("5400/5400") || rows.contains("5.400/5.400"), "the households read as 5400: " + rows);
            checkPage("evaluate-preview", size);

            chrome.clickAndWait(browser.findElement(By.id("save")));
            assertTrue(browser.getCurrentUrl().matches(".*/evaluations/[0-9a-f-]{36}$"), browser.getCurrentUrl());
            assertEquals("canbo.dienbien", browser.findElement(By.id("submitter")).getText(), "the officer submitted it");
            assertTrue(browser.getPageSource().contains("Xã Mường Nhé"), "the evaluation page of the commune");
        }
    }

    @Test
    void formErrorsShowTheirLabelsNextToTheFieldsAndAtTheTop() throws Exception {
        for (Dimension size : SIZES) {
            signIn("canbo.dienbien", size);
            chrome.open("/evaluations/new");
            type("period.from", "01/13/2024");
            type("period.to", "31/12/2024");
            type("facts.householdsTotal", "5,4");
            type("facts.tipsReceived", "12");
            type("facts.tipsResolved", "14");
            chrome.clickAndWait(browser.findElement(By.id("preview")));

            WebElement top = browser.findElement(By.id("form-errors"));
            String all = top.getText();
            for (String label : List.of("Xã, phường, thị trấn", "Ngày bắt đầu kỳ", "Tổng số hộ gia đình trên địa bàn",
                    "Số tố giác, tin báo về tội phạm và kiến nghị khởi tố đã giải quyết")) {
                assertTrue(all.contains(label), "the top list names " + label + ": " + all);
            }
            assertFalse(CAMEL.matcher(all).find(), "no field name of the API: " + all);
            assertNextTo("facts.householdsTotal", "không phải là số nguyên");
            assertNextTo("facts.tipsResolved", "lớn hơn Số tố giác, tin báo về tội phạm và kiến nghị khởi tố tiếp nhận (12)");
            assertNextTo("period.from", "01/13/2024");
            assertNextTo("area", "Xã, phường, thị trấn");
            checkPage("evaluate-errors", size);
        }
    }

    @Test
    void anOfficerCannotPickOrSlipInAProvinceOutsideTheirs() throws Exception {
        Dimension size = SIZES.get(0);
        signIn("canbo.dienbien", size);
        chrome.open("/evaluations/new");
        assertEquals("Đánh giá một địa bàn", browser.findElement(By.tagName("h1")).getText(), "Vietnamese first");
        chrome.open("/evaluations/new?lang=en");
        assertEquals("Evaluate an area", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Province or city"));
        chrome.open("/evaluations/new?lang=vi");
        Select province = new Select(browser.findElement(By.id("province")));
        assertEquals(1, province.getOptions().size(), "Điện Biên only");
        // a period of the 2025 list: the account holds only a 2024 code, so there is nothing to pick
        type("period.from", "01/07/2025");
        type("period.to", "31/12/2025");
        chrome.clickAndWait(browser.findElement(By.id("choose")));
        assertTrue(browser.findElement(By.id("units")).getText().contains("danh mục năm 2025"), browser.getPageSource());
        assertTrue(browser.findElements(By.id("province")).isEmpty() && !browser.findElements(By.id("no-province")).isEmpty(),
                "no province offered outside the account's");

        // a commune of Bắc Giang slipped into the form (as an altered page would send it): refused, nothing stored
        chrome.open("/evaluations/new");
        type("period.from", "15/03/2024");
        type("period.to", "12/12/2024");
        chrome.js("var o = document.createElement('option'); o.value = '07795';"
                + " o.text = 'Phường Nếnh'; document.getElementById('area').appendChild(o); o.selected = true;");
        type("facts.tipsReceived", "41");
        chrome.clickAndWait(browser.findElement(By.id("preview")));
        String refusal = browser.findElement(By.tagName("main")).getText();
        assertTrue(refusal.contains("canbo.dienbien") && refusal.contains("Bắc Giang") && refusal.contains("không có gì được lưu"),
                refusal);
    }

    @Test
    void aScreeningWithCandidatesAsRowsAndAMonitoringReportByForm() throws Exception {
        for (Dimension size : SIZES) {
            signIn("canbo.dienbien", size);
            chrome.clickAndWait(browser.findElement(By.id("screen-form-link")));
            type("year", "2025");
            type("period.from", "01/01/2024");
            type("period.to", "31/12/2024");
            int before = browser.findElements(By.cssSelector("#candidates tbody tr")).size();
            chrome.clickAndWait(browser.findElement(By.id("add-row")));
            List<WebElement> rows = browser.findElements(By.cssSelector("#candidates tbody tr"));
            assertEquals(before + 1, rows.size(), "a row was added");
            int last = rows.size() - 1;
            candidate(0, "Xã Mường Nhé (03160)", "11.800", "15", "9", "Có");
            candidate(last, "Phường Noong Bua (03124)", "5.000", "4", "2", "Không");
            checkPage("screening-form", size);
            chrome.clickAndWait(browser.findElement(By.id("send")));
            assertTrue(browser.getCurrentUrl().matches(".*/screenings/[0-9a-f-]{36}$"), browser.getCurrentUrl());
            String screening = browser.findElement(By.tagName("main")).getText();
            assertTrue(screening.contains("Xã Mường Nhé") && screening.contains("Phường Noong Bua"), screening);

            chrome.open("/");
            chrome.clickAndWait(browser.findElement(By.id("monitor-form-link")));
            type("period.from", "01/01/2024");
            type("period.to", "30/06/2024");
            type("baselinePeriod.from", "01/01/2023");
            type("baselinePeriod.to", "30/06/2023");
            new Select(browser.findElement(By.id("area"))).selectByVisibleText("Phường Noong Bua (03124) — Thành phố Điện Biên Phủ");
            type("recognisedOn", "20/12/2023");
            type("recognitionDecision", "Quyết định công nhận (thử)");
            choose("proposedAgain", "Không");
            choose("facts.organizedCrimeSigns", "Không");
            choose("facts.blackCreditActivity", "Không");
            type("facts.crimesBaseline", "1.022");
            type("facts.crimesCurrent", "15");
            type("facts.newHotspotsFormed", "0");
            checkPage("monitoring-form", size);
            chrome.clickAndWait(browser.findElement(By.id("send")));
            assertTrue(browser.getCurrentUrl().matches(".*/monitoring-reports/[0-9a-f-]{36}$"), browser.getCurrentUrl());
            String report = browser.findElement(By.tagName("main")).getText();
            assertTrue(report.contains("Phường Noong Bua"), report);
            assertTrue(report.contains("1022") || report.contains("1.022"), "the baseline read as 1022: " + report);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void candidate(int row, String commune, String residents, String crimes, String incidents, String route) {
        String p = "candidates[" + row + "]";
        new Select(browser.findElement(By.name(p + ".area"))).selectByVisibleText(commune);
        type(p + ".facts.residents", residents);
        type(p + ".facts.socialOrderCrimes", crimes);
        type(p + ".facts.socialEvilIncidents", incidents);
        new Select(browser.findElement(By.name(p + ".facts.onComplexDrugRoute"))).selectByVisibleText(route);
    }

    private static void assertNextTo(String field, String text) {
        WebElement input = browser.findElement(By.name(field));
        WebElement error = input.findElement(By.xpath("ancestor::div[contains(@class,'field')][1]//div[@class='field-error']"));
        assertTrue(error.isDisplayed() && error.getText().contains(text), field + ": " + error.getText());
    }

    private static void type(String name, String text) {
        Browser.type(browser.findElement(By.name(name)), text);
    }

    private static void choose(String name, String visible) {
        new Select(browser.findElement(By.name(name))).selectByVisibleText(visible);
    }

    /** The page fits the screen (no element's box past the viewport, but inside a box that scrolls), then a screenshot. */
    private static void checkPage(String name, Dimension size) throws Exception {
        chrome.assertFits(name, size.width);
        // a Vietnamese page names things in Vietnamese: no field name or constant of the code in what it shows
        String shown = browser.findElement(By.tagName("body")).getText();
        for (Pattern code : List.of(CAMEL, CONSTANT)) {
            var m = code.matcher(shown);
            boolean found = m.find();
            assertFalse(found, name + " shows " + (found ? m.group() : ""));
        }
        chrome.screenshot(name + "-" + size.width, size.width, size.height);
    }

    private void signIn(String username, Dimension size) {
        chrome.viewport(size.width, size.height);
        browser.manage().deleteAllCookies();
        chrome.open("/");
        assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
        chrome.signInHere(username);
    }
}
