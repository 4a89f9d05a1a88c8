package vn.chuyenhoa.programme;

import vn.chuyenhoa.evaluation.Fact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15 in a real browser (Debian's chromium through /usr/bin/chromedriver), at 1366×768 and 390×844: the
 * programme officer of Điện Biên signs in, goes from the programme page to the facts spreadsheet, downloads the
 * template of 2024 (the browser saves it), fills it (POI, as Excel would), uploads it, reads the preview — a wrong
 * cell by its reference and label, "5.400" read as a number — saves, and downloads the results, through the pages
 * only. No page reaches past the viewport. Screenshots go to target/screenshots, or to the folder given as
 * {@code -Dchuyenhoa.screenshots=docs/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:factsheet-browser;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false", "chuyenhoa.demo=dien-bien",
        "chuyenhoa.access.seed=classpath:access/demo-accounts.csv"})
class FactSheetBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static WebDriver browser;
    static Path downloads;
    static Path userData;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String why = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) fail("CI=true and " + why);
            Assumptions.assumeTrue(false, "Browser tests skipped: " + why);
        }
        userData = Files.createTempDirectory("chuyenhoa-chromium");
        downloads = Files.createTempDirectory("chuyenhoa-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=vi", "--user-data-dir=" + userData);
        // the browser saves what the pages offer for download where the test can open it
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void anOfficerOfDienBienEntersAYearsFactsBySpreadsheetOnADesktopAndOnAPhone() throws Exception {
        // each size stores communes of its own, so both show rows newly saved
        run(1366, 768, 0);
        run(390, 844, 3);
    }

    private void run(int width, int height, int firstRow) throws Exception {
        browser.manage().window().setSize(new Dimension(width, height));
        signIn("canbo.dienbien");
        open("/programmes/QD124_2004/11");
        clickAndWait(browser.findElement(By.id("facts-sheet-link")));
        assertTrue(browser.getCurrentUrl().endsWith("/programmes/QD124_2004/11/facts-sheet"), browser.getCurrentUrl());
        assertFits("facts-sheet", width);
        screenshot("facts-sheet-" + width, width);

        type("from", "01/01/2024");
        type("to", "31/12/2024");
        type("baselineFrom", "01/01/2023");
        type("baselineTo", "31/12/2023");
        clearDownloads();
        browser.findElement(By.id("template-submit")).click();
        Path template = downloaded(".xlsx");

        List<String> listed;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(template)))) {
            Sheet s = wb.getSheet("Số liệu");
            listed = FactSheetPagesTest.codes(s);
        }
        String good = listed.get(firstRow), wrong = listed.get(firstRow + 1), failing = listed.get(firstRow + 2);
        Map<String, Map<Fact, Object>> rows = new LinkedHashMap<>();
        rows.put(good, FactSheetPagesTest.transformed("5.400"));
        Map<Fact, Object> bad = FactSheetPagesTest.transformed("1240");
        bad.put(Fact.RELEASED_RESIDENTS, "mười bốn");
        rows.put(wrong, bad);
        Map<Fact, Object> notMet = FactSheetPagesTest.transformed("860");
        notMet.put(Fact.CASES_CLEARED, 3);
        rows.put(failing, notMet);
        Path filled = downloads.resolveSibling("so-lieu-da-dien-" + width + ".xlsx");
        Files.write(filled, FactSheetPagesTest.fill(Files.readAllBytes(template), rows, List.of()));

        browser.findElement(By.id("file")).sendKeys(filled.toAbsolutePath().toString());
        clickAndWait(browser.findElement(By.id("upload-submit")));
        int wrongRow = listed.indexOf(wrong) + FactSheet.FIRST_ROW, goodRow = listed.indexOf(good) + FactSheet.FIRST_ROW;
        String cell = FactSheet.column(FactSheet.columnOf(Fact.RELEASED_RESIDENTS)) + wrongRow;
        String wrongText = browser.findElement(By.id("row-" + wrongRow)).getText();
        assertTrue(wrongText.contains(cell + ":") && wrongText.contains(FactSheet.labelVi(Fact.RELEASED_RESIDENTS)), wrongText);
        String goodText = browser.findElement(By.id("row-" + goodRow)).getText();
        assertTrue(goodText.contains("Đạt — chuyển hóa thành công") && goodText.contains("đọc là 5.400"), goodText);
        assertTrue(browser.findElement(By.id("counts")).getText().contains("Dòng hợp lệ sẽ được lưu: 2."),
                browser.findElement(By.id("counts")).getText());
        assertFits("facts-sheet-preview", width);
        screenshot("facts-sheet-preview-" + width, width);

        clickAndWait(browser.findElement(By.id("save")));
        assertTrue(browser.findElement(By.id("counts")).getText().contains("Mới lưu: 2."), browser.getPageSource());
        String failingText = browser.findElement(By.id("row-" + (listed.indexOf(failing) + FactSheet.FIRST_ROW))).getText();
        assertTrue(failingText.contains("Chưa đạt") && failingText.contains("Tỷ lệ điều tra, khám phá"), failingText);
        assertFits("facts-sheet-saved", width);
        screenshot("facts-sheet-saved-" + width, width);

        clearDownloads();
        browser.findElement(By.id("results-download")).click();
        Path results = downloaded(".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(results)))) {
            Sheet s = wb.getSheet("Kết quả");
            assertEquals(2, s.getLastRowNum(), "the two rows saved");
            assertTrue(List.of(FactSheetPagesTest.text(s, 1, 0), FactSheetPagesTest.text(s, 2, 0)).containsAll(List.of(good, failing)));
        }

        // the same page in English
        open("/programmes/QD124_2004/11/facts-sheet?lang=en");
        assertEquals("Facts by spreadsheet", browser.findElement(By.cssSelector("h1 span")).getText());
    }

    // ---- the browser -----------------------------------------------------------------------------------------------

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("chuyenhoa-demo");
        clickAndWait(browser.findElement(By.id("login-submit")));
        assertTrue(browser.findElement(By.id("current-user")).getText().contains(username), browser.getPageSource());
    }

    private void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private static void clickAndWait(WebElement element) {
        WebElement old = browser.findElement(By.tagName("html"));
        element.click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
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

    private static void clearDownloads() throws Exception {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path p : files.toList()) Files.delete(p);
        }
    }

    /** The file the browser finished saving (no .crdownload left). */
    private static Path downloaded(String suffix) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(p -> p.toString().endsWith(suffix)).toList();
                if (!done.isEmpty() && Files.size(done.get(0)) > 0) return done.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("nothing downloaded to " + downloads);
    }

    /** No element's box reaches past the viewport, and the page does not scroll sideways. */
    private static void assertFits(String page, int width) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Object over = js.executeScript("const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                + ".filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 0.5; })"
                + ".map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 10);");
        assertEquals(List.of(), over, page + " at " + width + " px: elements past the viewport");
        Object scroll = js.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;");
        assertEquals(Boolean.TRUE, scroll, page + " at " + width + " px scrolls sideways");
    }

    /** A full-page screenshot at the width being tested: the viewport is made as tall as the page for the shot. */
    private static void screenshot(String name, int width) throws Exception {
        Path folder = Path.of(System.getProperty("chuyenhoa.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        ChromeDriver chrome = (ChromeDriver) browser;
        long height = ((Number) chrome.executeScript("return document.documentElement.scrollHeight")).longValue();
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", Math.min(4000, height), "deviceScaleFactor", 1, "mobile", false));
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), folder.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
