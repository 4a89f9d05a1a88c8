package vn.chuyenhoa.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the page tests, with what they all measure: a screen size, whether every box fits it,
 * a screenshot, a click that waits for the next page. Under CI=true a missing browser fails the test, never skips it.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    public final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A browser that saves downloads (PDFs included) into {@code downloads}. */
    public static Browser start(Path downloads) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
            if ("true".equals(System.getenv("CI"))) fail("CI=true and " + why);
            Assumptions.assumeTrue(false, "Browser tests skipped: " + why);
        }
        Path userData = Files.createTempDirectory("chuyenhoa-chromium");
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
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return new Browser(driver);
    }

    public void quit() {
        driver.quit();
    }

    /** The layout viewport of a screen of this size, phone-like below 500 px. */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 500));
    }

    /**
     * No element's box reaches past the viewport, unless it sits in a box that scrolls sideways by itself; nor does
     * the page scroll sideways. A box that clips with overflow: hidden is measured like any other.
     */
    public void assertFits(int width) {
        @SuppressWarnings("unchecked")
        List<String> past = (List<String>) ((JavascriptExecutor) driver).executeScript(
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

    /** The whole page (up to 6,000 px tall) at this width, into -Dchuyenhoa.screenshots (target/screenshots). */
    public void screenshot(String name, int width, int height) throws Exception {
        Path folder = Path.of(System.getProperty("chuyenhoa.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        long full = ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight")).longValue();
        viewport(width, (int) Math.min(6000, Math.max(height, full)));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        viewport(width, height);
    }

    /** Clicks what loads another page and waits until the new one is complete. */
    public void clickAndWait(WebElement element) {
        WebElement old = driver.findElement(By.tagName("html"));
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
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
