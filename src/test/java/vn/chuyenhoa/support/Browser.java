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
import java.util.stream.Stream;

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
 * Headless Debian Chromium for the page tests, with what they all do: start the browser, sign in, open a page of the
 * server, click and wait for the next page, set a screen size, check that every box fits it, take a screenshot,
 * collect a download. Under CI=true a missing browser fails the test, never skips it.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The demo accounts' password (README, "Signing in"). */
    static final String PASSWORD = "chuyenhoa-demo";
    /** A page of a loaded 2-core machine (a saved spreadsheet, a PDF) may take this long. */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    public final ChromeDriver driver;
    private final Path downloads;
    private int port;

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    /** A browser that saves downloads into a temporary folder of its own. */
    public static Browser start() throws Exception {
        return start(Files.createTempDirectory("chuyenhoa-downloads"));
    }

    /** A browser that saves downloads (PDFs included) into {@code downloads}. */
    public static Browser start(Path downloads) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
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
        prefs.put("download.directory_upgrade", true);
        prefs.put("plugins.always_open_pdf_externally", true);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return new Browser(driver, downloads);
    }

    /** The server {@link #open} and {@link #signIn} go to: the test's random port, known once its context runs. */
    public Browser at(int port) {
        this.port = port;
        return this;
    }

    /** Opens a page of the server, {@code path} with its query. */
    public void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Signs in afresh on the login form as a demo account; the header then names the account. */
    public void signIn(String username) {
        driver.manage().deleteAllCookies();
        open("/login");
        signInHere(username);
    }

    /** Fills the login form the browser is on (the page a signed-out visitor was sent to) and submits it. */
    public void signInHere(String username) {
        type(driver.findElement(By.id("username")), username);
        type(driver.findElement(By.id("password")), PASSWORD);
        clickAndWait(driver.findElement(By.id("login-submit")));
        assertTrue(driver.findElement(By.id("current-user")).getText().contains(username), driver.getPageSource());
    }

    /** Replaces what a field holds by {@code text}, typed. */
    public static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
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
     * No element's box reaches past the viewport, unless the nearest box that scrolls sideways by itself holds it and
     * fits; nor does the page scroll sideways. A box that clips with overflow: hidden is measured like any other.
     */
    public void assertFits(int width) {
        assertFits("the page", width);
    }

    /** {@link #assertFits(int)}, the failure naming the page. */
    public void assertFits(String page, int width) {
        List<String> past = overflow();
        assertTrue(past.isEmpty(), page + " past " + width + " px: " + past);
    }

    /** What {@link #assertFits} refuses on the page shown, at most ten boxes; empty when everything fits. */
    @SuppressWarnings("unchecked")
    public List<String> overflow() {
        return (List<String>) driver.executeScript("""
                const width = document.documentElement.clientWidth, out = [];
                if (document.documentElement.scrollWidth > width + 1)
                  out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px wide in ' + width);
                const scroller = e => { const s = getComputedStyle(e).overflowX; return s === 'auto' || s === 'scroll'; };
                const past = r => r.right > width + 1 || r.left < -1;
                for (const e of document.body.querySelectorAll('*')) {
                  const style = getComputedStyle(e);
                  if (style.display === 'none' || style.visibility === 'hidden') continue;
                  const r = e.getBoundingClientRect();
                  if ((r.width === 0 && r.height === 0) || !past(r)) continue;
                  let held = false;
                  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                    if (scroller(a)) { held = !past(a.getBoundingClientRect()); break; }
                  }
                  if (held) continue;
                  const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
                  out.push(name + ' ' + Math.round(r.left) + '–' + Math.round(r.right) + ' px of ' + width);
                  if (out.length >= 10) break;
                }
                return out;""");
    }

    /** The whole page (up to 6,000 px tall) at this width, into -Dchuyenhoa.screenshots (target/screenshots). */
    public void screenshot(String name, int width, int height) throws Exception {
        Path folder = Path.of(System.getProperty("chuyenhoa.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        // a table that scrolls in its own box is shown from its first column, the page from its top
        driver.executeScript("document.querySelectorAll('.scroll-box').forEach(function (b) { b.scrollLeft = 0; }); window.scrollTo(0, 0);");
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
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
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

    /** Empties the downloads folder, so that the next file there is the next download. */
    public void clearDownloads() throws Exception {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path p : files.toList()) Files.delete(p);
        }
    }

    /** The file the browser finished saving whose name ends with {@code suffix} (Chromium's .crdownload gone). */
    public Path downloaded(String suffix) throws Exception {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < until) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(p -> p.toString().endsWith(suffix)).toList();
                if (!done.isEmpty() && Files.size(done.get(0)) > 0) return done.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + suffix + " downloaded to " + downloads);
    }
}
