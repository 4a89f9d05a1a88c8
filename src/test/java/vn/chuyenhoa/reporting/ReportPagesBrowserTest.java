package vn.chuyenhoa.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chuyenhoa.support.Browser;
import vn.chuyenhoa.support.RunningDemo;

/**
 * A Điện Biên officer, in headless Chromium at 1366×768 and at 390×844, goes from the home page to the province's
 * reporting calendar, opens the quarter-I report and downloads its PDF, by the pages only; no box of either page
 * reaches past the viewport (a wide table scrolls inside its own box). Screenshots of both pages at both sizes go to
 * target/screenshots, or to {@code -Dchuyenhoa.screenshots=docs/screenshots}.
 */
@RunningDemo
class ReportPagesBrowserTest {

    static Browser chrome;
    static ChromeDriver browser;
    static Path downloads;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        downloads = Files.createTempDirectory("chuyenhoa-downloads");
        chrome = Browser.start(downloads);
        browser = chrome.driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (chrome != null) chrome.quit();
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1366, 768", "390, 844"})
    void anOfficerOpensTheQuarterOneReportAndDownloadsItsPdf(int width, int height) throws Exception {
        viewport(width, height);
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/");
        assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
        browser.findElement(By.id("username")).sendKeys("canbo.dienbien");
        browser.findElement(By.id("password")).sendKeys("chuyenhoa-demo");
        clickAndWait(browser.findElement(By.id("login-submit")));

        WebElement link = browser.findElements(By.cssSelector("a.reports-link")).stream()
                .filter(a -> a.getText().contains("Tỉnh Điện Biên (11)")).findFirst().orElseThrow(() -> new AssertionError(browser.getPageSource()));
        clickAndWait(link);
        WebElement year = browser.findElement(By.id("year"));
        year.clear();
        year.sendKeys("2021");
        clickAndWait(browser.findElement(By.id("calendar-submit")));
        assertTrue(browser.findElement(By.id("unit")).getText().contains("Tỉnh Điện Biên (11)"));
        String quarter = browser.findElement(By.id("report-QUARTER_I")).getText();
        assertTrue(quarter.contains("Báo cáo quý I"), quarter);
        assertFits(width);
        screenshot("reports-" + width, width, height);

        clickAndWait(browser.findElement(By.id("open-QUARTER_I")));
        String period = browser.findElement(By.id("report-period")).getText();
        assertTrue(period.contains("tính đến ngày"), period);
        assertTrue(browser.findElement(By.id("report-title")).getText().contains("Báo cáo quý I năm 2021"));
        assertFits(width);
        screenshot("report-q1-" + width, width, height);

        try (Stream<Path> old = Files.list(downloads)) {
            for (Path p : old.toList()) Files.delete(p);
        }
        browser.findElement(By.id("download-pdf")).click();
        Path pdf = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        assertEquals("bao-cao-11-2021-QUARTER_I.pdf", pdf.getFileName().toString());
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            String t = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertTrue(t.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && t.contains("Độc lập - Tự do - Hạnh phúc")
                    && t.contains("Nơi nhận:") && t.contains("quý I năm 2021"), t);
        }
    }

    static void viewport(int width, int height) {
        chrome.viewport(width, height);
    }

    static void assertFits(int width) {
        chrome.assertFits(width);
    }

    static void screenshot(String name, int width, int height) throws Exception {
        chrome.screenshot(name, width, height);
    }

    static void clickAndWait(WebElement element) {
        chrome.clickAndWait(element);
    }
}
