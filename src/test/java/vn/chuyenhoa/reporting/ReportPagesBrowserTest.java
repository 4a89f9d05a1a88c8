package vn.chuyenhoa.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Điện Biên officer, in headless Chromium at 1366×768 and at 390×844, goes from the home page to the province's
 * reporting calendar, opens the quarter-I report and downloads its PDF, by the pages only; no box of either page
 * reaches past the viewport (a wide table scrolls inside its own box). Screenshots of both pages at both sizes go to
 * target/screenshots, or to {@code -Dchuyenhoa.screenshots=docs/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:report-browser;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false", "chuyenhoa.demo=dien-bien",
        "chuyenhoa.access.seed=classpath:access/demo-accounts.csv"})
class ReportPagesBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static ChromeDriver browser;
    static Path downloads;
    static Path userData;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
            if ("true".equals(System.getenv("CI"))) fail("CI=true and " + why);
            Assumptions.assumeTrue(false, "Browser tests skipped: " + why);
        }
        downloads = Files.createTempDirectory("chuyenhoa-downloads");
        userData = Files.createTempDirectory("chuyenhoa-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=vi", "--user-data-dir=" + userData);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("plugins.always_open_pdf_externally", true);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
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

    /** The layout viewport of a screen of this size, phone-like below 500 px. */
    static void viewport(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 500));
    }

    /**
     * No element's box reaches past the viewport, unless it sits in a box that scrolls sideways by itself; nor does
     * the page scroll sideways. A box that clips with overflow: hidden is measured like any other.
     */
    static void assertFits(int width) {
        @SuppressWarnings("unchecked")
        List<String> past = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "var w = document.documentElement.clientWidth, out = [];"
                        + "function scrolls(e) { for (var p = e.parentElement; p; p = p.parentElement) {"
                        + "  var o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; }"
                        + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                        + "  if (r.width === 0 && r.height === 0) return;"
                        + "  if ((r.right > w + 1 || r.left < -1) && !scrolls(e)) out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.left) + '–' + Math.round(r.right)); });"
                        + "if (document.documentElement.scrollWidth > w) out.push('page ' + document.documentElement.scrollWidth);"
                        + "return out;");
        assertTrue(past.isEmpty(), "past " + width + " px: " + past);
    }

    static void screenshot(String name, int width, int height) throws Exception {
        Path folder = Path.of(System.getProperty("chuyenhoa.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        long full = ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight")).longValue();
        viewport(width, (int) Math.min(6000, Math.max(height, full)));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        viewport(width, height);
    }

    /** Clicks what loads another page and waits until the new one is complete. */
    static void clickAndWait(WebElement element) {
        WebElement old = browser.findElement(By.tagName("html"));
        element.click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) return true;
                throw e;
            }
        });
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }
}
