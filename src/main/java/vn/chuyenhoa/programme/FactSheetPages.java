package vn.chuyenhoa.programme;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.web.PageAdvice;
import vn.chuyenhoa.web.PageController;

/**
 * The officer's facts by spreadsheet (issue 15): download a province's template for a period, upload it filled, read
 * the preview (each row's verdict or each error at its cell), save the valid rows, download the results. Only a
 * programme officer of the province (or a national one) reaches these pages (AccessConfig).
 */
@PageController
class FactSheetPages {

    static final String BASE = "/programmes/{codeScheme}/{provinceCode}/facts-sheet";
    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final DateTimeFormatter LOOSE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** The last day an old-list (QD124_2004) commune can be evaluated for: the reform took effect the next day. */
    private static final LocalDate BEFORE_REFORM = LocalDate.of(2025, 6, 30);

    /** The template form's values as typed, so a refused form keeps them. */
    record Period(String from, String to, String baselineFrom, String baselineTo) {}

    private final ProgrammeService programmes;
    private final FactSheets sheets;
    private final AreaDirectory areas;

    FactSheetPages(ProgrammeService programmes, FactSheets sheets, AreaDirectory areas) {
        this.programmes = programmes;
        this.sheets = sheets;
        this.areas = areas;
    }

    @GetMapping(BASE)
    ModelAndView page(@PathVariable String codeScheme, @PathVariable String provinceCode, Locale locale,
                      HttpServletRequest request) {
        ProgrammeService.Programme p = province(codeScheme, provinceCode);
        if (p == null) return notFound(codeScheme, provinceCode, locale, request);
        return form(p, defaults(p), List.of(), List.of(), HttpStatus.OK);
    }

    @GetMapping(BASE + "/template.xlsx")
    Object template(@PathVariable String codeScheme, @PathVariable String provinceCode,
                    @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                    @RequestParam(defaultValue = "") String baselineFrom, @RequestParam(defaultValue = "") String baselineTo,
                    Locale locale, HttpServletRequest request) {
        ProgrammeService.Programme p = province(codeScheme, provinceCode);
        if (p == null) return notFound(codeScheme, provinceCode, locale, request);
        Period typed = new Period(from, to, baselineFrom, baselineTo);
        List<FactSheet.Problem> errors = new ArrayList<>();
        LocalDate f = day(from, "from", "Kỳ đánh giá từ ngày", "Period from", true, errors);
        LocalDate t = day(to, "to", "Kỳ đánh giá đến ngày", "Period to", true, errors);
        LocalDate bf = day(baselineFrom, "baselineFrom", "Kỳ so sánh từ ngày", "Baseline from", false, errors);
        LocalDate bt = day(baselineTo, "baselineTo", "Kỳ so sánh đến ngày", "Baseline to", false, errors);
        if (f != null && t != null && t.isBefore(f)) {
            errors.add(new FactSheet.Problem("to", "Kỳ đánh giá đến ngày", "Period to",
                    "Ngày kết thúc trước ngày bắt đầu.", "The period ends before it starts."));
        }
        if ((bf == null) != (bt == null) && errors.isEmpty()) {
            errors.add(new FactSheet.Problem(bf == null ? "baselineFrom" : "baselineTo", "Kỳ so sánh", "Baseline period",
                    "Kỳ so sánh cần cả hai ngày, hoặc để trống cả hai.", "The baseline period needs both days, or neither."));
        }
        if (bt != null && f != null && !bt.isBefore(f) && errors.isEmpty()) {
            errors.add(new FactSheet.Problem("baselineTo", "Kỳ so sánh đến ngày", "Baseline to",
                    "Kỳ so sánh phải kết thúc trước kỳ đánh giá.", "The baseline period must end before the period."));
        }
        if (!errors.isEmpty()) return form(p, typed, errors, List.of(), HttpStatus.BAD_REQUEST);
        byte[] xlsx = sheets.template(p, new FactSheet.Header(p.scheme().name() + ":" + p.provinceCode(), f, t, bf, bt));
        String name = "so-lieu-" + p.scheme().name() + "-" + p.provinceCode() + "-" + f + "-" + t + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(xlsx);
    }

    @PostMapping(BASE)
    ModelAndView upload(@PathVariable String codeScheme, @PathVariable String provinceCode,
                        @RequestParam(required = false) MultipartFile file, Locale locale, HttpServletRequest request)
            throws IOException {
        ProgrammeService.Programme p = province(codeScheme, provinceCode);
        if (p == null) return notFound(codeScheme, provinceCode, locale, request);
        ModelAndView outside = outside(p, locale, request);
        if (outside != null) return outside;
        if (file == null || file.isEmpty()) {
            return form(p, defaults(p), List.of(), List.of(new FactSheet.Problem(null, "Tệp", "File",
                    "Chọn tệp XLSX đã điền số liệu.", "Choose the filled XLSX file.")), HttpStatus.BAD_REQUEST);
        }
        if (file.getSize() > FactSheet.MAX_BYTES) {
            return form(p, defaults(p), List.of(), List.of(new FactSheet.Problem(null, "Tệp", "File",
                    "Tệp lớn hơn 5 MB, quá lớn cho bảng số liệu của một tỉnh; không có gì được đọc.",
                    "The file is larger than 5 MB, too large for one province's facts; nothing was read.")),
                    HttpStatus.CONTENT_TOO_LARGE);
        }
        FactSheets.Preview preview = sheets.preview(p, file.getBytes());
        if (!preview.problems().isEmpty()) {
            // a file that is no workbook of facts at all is a bad request; a workbook whose cells are wrong, 422
            boolean located = preview.problems().stream().anyMatch(x -> x.cell() != null);
            return form(p, defaults(p), List.of(), preview.problems(),
                    located ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST);
        }
        ModelAndView mv = new ModelAndView("facts-sheet-preview", HttpStatus.OK);
        mv.addObject("programme", p);
        mv.addObject("preview", preview);
        mv.addObject("header", preview.header());
        mv.addObject("day", FactSheet.DAY);
        return mv;
    }

    @PostMapping(BASE + "/save")
    ModelAndView save(@PathVariable String codeScheme, @PathVariable String provinceCode,
                      @RequestParam(defaultValue = "") String payload, @RequestParam(defaultValue = "") String version,
                      Locale locale, HttpServletRequest request) {
        ProgrammeService.Programme p = province(codeScheme, provinceCode);
        if (p == null) return notFound(codeScheme, provinceCode, locale, request);
        ModelAndView outside = outside(p, locale, request);
        if (outside != null) return outside;
        if (payload.isBlank() || version.isBlank()) {
            return PageAdvice.error(HttpStatus.BAD_REQUEST, "Không có dòng nào để lưu; hãy tải tệp lên và xem trước.",
                    "There are no rows to save; upload the file and preview it.", locale, request);
        }
        FactSheets.Saved saved;
        try {
            saved = sheets.save(p, payload, version);
        } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
            return PageAdvice.error(HttpStatus.BAD_REQUEST, "Nội dung gửi lên không phải là bản xem trước của trang này;"
                    + " không có gì được lưu. Hãy tải tệp lên lại.", "What was sent is not this page's preview; nothing"
                    + " was stored. Upload the file again.", locale, request);
        }
        if (saved.staleCurrent() != null) {
            return form(p, defaults(p), List.of(), List.of(new FactSheet.Problem(null, "Bộ quy tắc", "Ruleset",
                    "Bộ quy tắc dùng khi xem trước (phiên bản " + version + ") không còn được áp dụng; đang áp dụng phiên bản "
                            + saved.staleCurrent() + ". Chưa có gì được lưu: hãy tải tệp lên lại để xem trước theo bộ"
                            + " quy tắc đang áp dụng.",
                    "The ruleset the preview used (version " + version + ") is no longer in force; version "
                            + saved.staleCurrent() + " is. Nothing was stored: upload the file again for a new preview.")),
                    HttpStatus.CONFLICT);
        }
        ModelAndView mv = new ModelAndView("facts-sheet-saved", HttpStatus.OK);
        mv.addObject("programme", p);
        mv.addObject("saved", saved);
        mv.addObject("version", version);
        mv.addObject("ids", String.join(",", saved.rows().stream().filter(r -> r.id() != null)
                .map(r -> r.id().toString()).toList()));
        return mv;
    }

    @PostMapping(BASE + "/results.xlsx")
    Object results(@PathVariable String codeScheme, @PathVariable String provinceCode,
                   @RequestParam(defaultValue = "") String ids, Locale locale, HttpServletRequest request) {
        ProgrammeService.Programme p = province(codeScheme, provinceCode);
        if (p == null) return notFound(codeScheme, provinceCode, locale, request);
        ModelAndView outside = outside(p, locale, request);
        if (outside != null) return outside;
        List<UUID> list = new ArrayList<>();
        for (String id : ids.split(",")) {
            if (id.isBlank()) continue;
            if (list.size() >= FactSheet.MAX_ROWS) break;
            try {
                list.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException e) {
                return PageAdvice.error(HttpStatus.BAD_REQUEST, "\"" + vn.chuyenhoa.http.Shown.clip(id)
                        + "\" không phải là mã kết quả đánh giá.", "\"" + vn.chuyenhoa.http.Shown.clip(id)
                        + "\" is not an evaluation id.", locale, request);
            }
        }
        byte[] xlsx = sheets.results(p, list, "en".equals(locale.getLanguage()));
        String name = "ket-qua-" + p.scheme().name() + "-" + p.provinceCode() + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(xlsx);
    }

    private ProgrammeService.Programme province(String codeScheme, String provinceCode) {
        try {
            return programmes.province(codeScheme, provinceCode);
        } catch (ProgrammeException.Invalid e) {
            return null;
        }
    }

    private static ModelAndView notFound(String codeScheme, String provinceCode, Locale locale, HttpServletRequest request) {
        String shown = vn.chuyenhoa.http.Shown.clip(codeScheme + ":" + provinceCode);
        return PageAdvice.error(HttpStatus.NOT_FOUND, "Không có tỉnh " + shown + ".", "There is no province " + shown + ".",
                locale, request);
    }

    /** Access already keeps others out; this says why, in words, if a rule there ever changes. */
    private ModelAndView outside(ProgrammeService.Programme p, Locale locale, HttpServletRequest request) {
        Caller c = Caller.current().orElse(null);
        if (c != null && c.covers(p.scheme().name(), p.provinceCode())) return null;
        String shown = areas.provinceLabel(p.scheme().name(), p.provinceCode());
        return PageAdvice.error(HttpStatus.FORBIDDEN, c == null ? "Cần đăng nhập." : c.outsideVi(shown),
                c == null ? "Sign in first." : c.outsideEn(shown), locale, request);
    }

    /** The last full year a province's list of communes was in force, with the year before as baseline. */
    private static Period defaults(ProgrammeService.Programme p) {
        LocalDate today = Today.inVietnam();
        int year = p.scheme().name().equals("QD124_2004") ? Math.min(today.getYear() - 1, BEFORE_REFORM.getYear() - 1)
                : today.getYear() - 1;
        return new Period("01/01/" + year, "31/12/" + year, "01/01/" + (year - 1), "31/12/" + (year - 1));
    }

    private static LocalDate day(String text, String field, String labelVi, String labelEn, boolean required,
                                 List<FactSheet.Problem> errors) {
        String t = text.strip();
        if (t.isEmpty()) {
            if (required) errors.add(new FactSheet.Problem(field, labelVi, labelEn, "Chưa nhập ngày (dd/mm/yyyy).",
                    "No date was entered (dd/mm/yyyy)."));
            return null;
        }
        try {
            return LocalDate.parse(t, LOOSE);
        } catch (DateTimeParseException e) {
            String shown = vn.chuyenhoa.http.Shown.clip(t);
            errors.add(new FactSheet.Problem(field, labelVi, labelEn, "\"" + shown + "\" không phải là ngày dạng dd/mm/yyyy.",
                    "\"" + shown + "\" is not a date written dd/mm/yyyy."));
            return null;
        }
    }

    private static ModelAndView form(ProgrammeService.Programme p, Period period, List<FactSheet.Problem> errors,
                                     List<FactSheet.Problem> uploadErrors, HttpStatus status) {
        ModelAndView mv = new ModelAndView("facts-sheet", status);
        mv.addObject("programme", p);
        mv.addObject("period", period);
        mv.addObject("errors", errors);
        mv.addObject("uploadErrors", uploadErrors);
        return mv;
    }
}
