package vn.chuyenhoa.screening;

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
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chuyenhoa.support.Browser;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RunningDemo;

/**
 * Issue 15: an auditor, through the pages only, lists the stored screenings and monitoring reports, opens one of each,
 * and checks the audit chain on a page of the site (header, navigation, language) — on a 1366 px screen and a 390 px
 * phone, where no box may reach past the screen.
 */
@RunningDemo
class AuditorPagesBrowserTest {

    static Browser chrome;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        chrome = Browser.start(Files.createTempDirectory("chuyenhoa-downloads"));
    }

    @AfterAll
    static void stopBrowser() {
        if (chrome != null) chrome.quit();
    }

    /** One screening and one monitoring report stored the way systems store them, by the national officer's token. */
    @BeforeEach
    void somethingIsStored() throws Exception {
        Http officer = new Http(port, "demo-token-canbo");
        Http.Response s = officer.postJson("/api/v1/screenings", Files.readString(Path.of("examples/screening-thanh-hoa.json")));
        assertEquals(201, s.status(), s::describe);
        Http.Response m = officer.postJson("/api/v1/monitoring-reports",
                Files.readString(Path.of("examples/monitoring-xa-ngoc-lac-relapsed.json")));
        assertEquals(201, m.status(), m::describe);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1366, 768", "390, 844"})
    void anAuditorListsAndOpensScreeningsAndReportsAndChecksTheChain(int width, int height) throws Exception {
        var browser = chrome.driver;
        chrome.viewport(width, height);
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("kiemtoan");
        browser.findElement(By.id("password")).sendKeys("chuyenhoa-demo");
        chrome.clickAndWait(browser.findElement(By.id("login-submit")));

        chrome.clickAndWait(browser.findElement(By.id("nav-screenings")));
        List<WebElement> screenings = browser.findElements(By.cssSelector("#screenings tbody tr"));
        assertFalse(screenings.isEmpty(), browser.getPageSource());
        assertTrue(screenings.get(0).getText().contains("Thanh Hóa"), "the province by its name: " + screenings.get(0).getText());
        chrome.assertFits(width);
        chrome.screenshot("screenings-" + width, width, height);
        chrome.clickAndWait(screenings.get(0).findElement(By.cssSelector("a.open")));
        assertTrue(browser.getCurrentUrl().matches(".*/screenings/[0-9a-f-]{36}$"), browser.getCurrentUrl());

        chrome.clickAndWait(browser.findElement(By.id("nav-monitoring")));
        List<WebElement> reports = browser.findElements(By.cssSelector("#monitoring-reports tbody tr"));
        assertFalse(reports.isEmpty(), browser.getPageSource());
        assertTrue(reports.get(0).getText().contains("phức tạp trở lại"), "the conclusion in words: " + reports.get(0).getText());
        chrome.assertFits(width);
        chrome.screenshot("monitoring-reports-" + width, width, height);
        chrome.clickAndWait(reports.get(0).findElement(By.cssSelector("a.open")));
        assertTrue(browser.getCurrentUrl().matches(".*/monitoring-reports/[0-9a-f-]{36}$"), browser.getCurrentUrl());

        chrome.clickAndWait(browser.findElement(By.id("nav-audit")));
        assertEquals("true", browser.findElement(By.id("verdict")).getAttribute("data-intact"));
        assertTrue(browser.findElement(By.id("verdict")).getText().contains("NGUYÊN VẸN"));
        assertTrue(browser.findElements(By.id("current-user")).get(0).getText().contains("kiemtoan"), "inside the site");
        chrome.assertFits(width);
        chrome.screenshot("audit-verify-" + width, width, height);
    }
}
