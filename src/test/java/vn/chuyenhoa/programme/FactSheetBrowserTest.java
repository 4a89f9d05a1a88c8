package vn.chuyenhoa.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.support.Browser;
import vn.chuyenhoa.support.RunningDemo;

/**
 * Issue 15 in a real browser (Debian's chromium through /usr/bin/chromedriver), at 1366×768 and 390×844: the
 * programme officer of Điện Biên signs in, goes from the programme page to the facts spreadsheet, downloads the
 * template of 2024 (the browser saves it), fills it (POI, as Excel would), uploads it, reads the preview — a wrong
 * cell by its reference and label, "5.400" read as a number — saves, and downloads the results, through the pages
 * only. No page reaches past the viewport. Screenshots go to target/screenshots, or to the folder given as
 * {@code -Dchuyenhoa.screenshots=docs/screenshots}.
 */
@RunningDemo
class FactSheetBrowserTest {

    static Browser chrome;
    static WebDriver browser;
    static Path downloads;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        // the browser saves what the pages offer for download where the test can open it
        downloads = Files.createTempDirectory("chuyenhoa-downloads");
        chrome = Browser.start(downloads);
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
    void anOfficerOfDienBienEntersAYearsFactsBySpreadsheetOnADesktopAndOnAPhone() throws Exception {
        // each size stores communes of its own, so both show rows newly saved
        run(1366, 768, 0);
        run(390, 844, 3);
    }

    private void run(int width, int height, int firstRow) throws Exception {
        chrome.viewport(width, height);
        chrome.signIn("canbo.dienbien");
        chrome.open("/programmes/QD124_2004/11");
        chrome.clickAndWait(browser.findElement(By.id("facts-sheet-link")));
        assertTrue(browser.getCurrentUrl().endsWith("/programmes/QD124_2004/11/facts-sheet"), browser.getCurrentUrl());
        chrome.assertFits("facts-sheet", width);
        chrome.screenshot("facts-sheet-" + width, width, height);

        type("from", "01/01/2024");
        type("to", "31/12/2024");
        type("baselineFrom", "01/01/2023");
        type("baselineTo", "31/12/2023");
        chrome.clearDownloads();
        browser.findElement(By.id("template-submit")).click();
        Path template = chrome.downloaded(".xlsx");

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
        chrome.clickAndWait(browser.findElement(By.id("upload-submit")));
        int wrongRow = listed.indexOf(wrong) + FactSheet.FIRST_ROW, goodRow = listed.indexOf(good) + FactSheet.FIRST_ROW;
        String cell = FactSheet.column(FactSheet.columnOf(Fact.RELEASED_RESIDENTS)) + wrongRow;
        String wrongText = browser.findElement(By.id("row-" + wrongRow)).getText();
        assertTrue(wrongText.contains(cell + ":") && wrongText.contains(FactSheet.labelVi(Fact.RELEASED_RESIDENTS)), wrongText);
        String goodText = browser.findElement(By.id("row-" + goodRow)).getText();
        assertTrue(goodText.contains("Đạt — chuyển hóa thành công") && goodText.contains("đọc là 5.400"), goodText);
        assertTrue(browser.findElement(By.id("counts")).getText().contains("Dòng hợp lệ sẽ được lưu: 2."),
                browser.findElement(By.id("counts")).getText());
        chrome.assertFits("facts-sheet-preview", width);
        chrome.screenshot("facts-sheet-preview-" + width, width, height);

        chrome.clickAndWait(browser.findElement(By.id("save")));
        assertTrue(browser.findElement(By.id("counts")).getText().contains("Mới lưu: 2."), browser.getPageSource());
        String failingText = browser.findElement(By.id("row-" + (listed.indexOf(failing) + FactSheet.FIRST_ROW))).getText();
        assertTrue(failingText.contains("Chưa đạt") && failingText.contains("Tỷ lệ điều tra, khám phá"), failingText);
        chrome.assertFits("facts-sheet-saved", width);
        chrome.screenshot("facts-sheet-saved-" + width, width, height);

        chrome.clearDownloads();
        browser.findElement(By.id("results-download")).click();
        Path results = chrome.downloaded(".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(results)))) {
            Sheet s = wb.getSheet("Kết quả");
            assertEquals(2, s.getLastRowNum(), "the two rows saved");
            assertTrue(List.of(FactSheetPagesTest.text(s, 1, 0), FactSheetPagesTest.text(s, 2, 0)).containsAll(List.of(good, failing)));
        }

        // the same page in English
        chrome.open("/programmes/QD124_2004/11/facts-sheet?lang=en");
        assertEquals("Facts by spreadsheet", browser.findElement(By.cssSelector("h1 span")).getText());
    }

    // ---- the browser -----------------------------------------------------------------------------------------------

    private void type(String id, String text) {
        Browser.type(browser.findElement(By.id(id)), text);
    }
}
