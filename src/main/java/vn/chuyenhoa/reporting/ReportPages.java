package vn.chuyenhoa.reporting;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.chuyenhoa.programme.ProgrammeService;
import vn.chuyenhoa.programme.Today;
import vn.chuyenhoa.reporting.ProvinceReport.ReportUnit;
import vn.chuyenhoa.web.PageController;
import vn.chuyenhoa.web.PageNotFound;

/**
 * The reports of a province's reporting calendar for its officers: the year's reports with their periods and due
 * dates, each as a page, an XLSX and a PDF in the administrative format.
 */
@PageController
class ReportPages {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProvinceReports reports;
    private final ReportDocuments documents;

    ReportPages(ProvinceReports reports, ReportDocuments documents) {
        this.reports = reports;
        this.documents = documents;
    }

    @GetMapping("/programmes/{codeScheme}/{provinceCode}/reports")
    String calendar(@PathVariable String codeScheme, @PathVariable String provinceCode,
                    @RequestParam(required = false) Integer year, @RequestParam(required = false) String district, Model model) {
        ReportUnit unit = reports.unit(codeScheme, provinceCode, district);
        int y = year == null ? Today.inVietnam().getYear() : checked(year);
        model.addAttribute("unit", unit);
        model.addAttribute("year", y);
        model.addAttribute("calendar", reports.calendar(unit, y));
        model.addAttribute("districts", "QD124_2004".equals(unit.codeScheme()) ? reports.districts(unit) : java.util.Map.of());
        return "reports";
    }

    @GetMapping("/programmes/{codeScheme}/{provinceCode}/reports/{year}/{period}")
    String report(@PathVariable String codeScheme, @PathVariable String provinceCode, @PathVariable int year,
                  @PathVariable String period, @RequestParam(required = false) String district, Model model) {
        ProvinceReport r = reports.report(reports.unit(codeScheme, provinceCode, district), checked(year), period);
        model.addAttribute("report", r);
        model.addAttribute("query", district == null || district.isBlank() ? "" : "?district=" + r.unit().districtCode());
        return "report";
    }

    @GetMapping("/programmes/{codeScheme}/{provinceCode}/reports/{year}/{period}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String codeScheme, @PathVariable String provinceCode, @PathVariable int year,
                                @PathVariable String period, @RequestParam(required = false) String district, Locale locale) {
        ProvinceReport r = reports.report(reports.unit(codeScheme, provinceCode, district), checked(year), period);
        return download(documents.xlsx(r, "en".equals(locale.getLanguage())), name(r) + ".xlsx", XLSX);
    }

    @GetMapping("/programmes/{codeScheme}/{provinceCode}/reports/{year}/{period}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String codeScheme, @PathVariable String provinceCode, @PathVariable int year,
                               @PathVariable String period, @RequestParam(required = false) String district, Locale locale) {
        ProvinceReport r = reports.report(reports.unit(codeScheme, provinceCode, district), checked(year), period);
        return download(documents.pdf(r, "en".equals(locale.getLanguage())), name(r) + ".pdf", MediaType.APPLICATION_PDF);
    }

    private static int checked(int year) {
        if (year < ProgrammeService.MIN_YEAR || year > ProgrammeService.MAX_YEAR) {
            throw new PageNotFound("Năm báo cáo phải từ " + ProgrammeService.MIN_YEAR + " đến " + ProgrammeService.MAX_YEAR + ".",
                    "A reporting year is between " + ProgrammeService.MIN_YEAR + " and " + ProgrammeService.MAX_YEAR + ".");
        }
        return year;
    }

    /** "bao-cao-11-2018-QUARTER_I.pdf", with the district when it is one's. */
    private static String name(ProvinceReport r) {
        return "bao-cao-" + r.unit().provinceCode() + (r.unit().districtCode() == null ? "" : "-" + r.unit().districtCode())
                + "-" + r.year() + "-" + r.period().id();
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
