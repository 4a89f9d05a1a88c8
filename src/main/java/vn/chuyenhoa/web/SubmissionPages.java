package vn.chuyenhoa.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.api.Ids;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.api.Submissions;
import vn.chuyenhoa.monitoring.MonitoringDocument;
import vn.chuyenhoa.monitoring.MonitoringStore;
import vn.chuyenhoa.screening.ScreeningDocument;
import vn.chuyenhoa.screening.ScreeningStore;

/**
 * Screening and monitoring for officers without a program of their own: they upload (or paste) the JSON their
 * provincial system exports, the very body the API takes, and read the stored answer as a page. The API's parser,
 * province check and store do the work ({@link Submissions}), so the page refuses and stores what the API would.
 */
@Controller
class SubmissionPages {

    /** Which of the two forms: its address, its title key, and the API call behind it. */
    record Kind(String path, String titleKey, String example, Function<byte[], Submissions.Outcome> submit) {}

    private final ScreeningStore screenings;
    private final MonitoringStore monitoring;
    private final ObjectMapper json;
    private final Kind screening;
    private final Kind report;
    private final vn.chuyenhoa.programme.ProgrammeService programmes;

    SubmissionPages(Submissions submissions, ScreeningStore screenings, MonitoringStore monitoring, ObjectMapper json,
                    vn.chuyenhoa.programme.ProgrammeService programmes) {
        this.programmes = programmes;
        this.screenings = screenings;
        this.monitoring = monitoring;
        this.json = json;
        this.screening = new Kind("/screenings", "submit.screening.title", "examples/screening-thanh-hoa.json", submissions::screen);
        this.report = new Kind("/monitoring-reports", "submit.monitoring.title",
                "examples/monitoring-xa-ngoc-lac-relapsed.json", submissions::monitor);
    }

    @GetMapping("/screenings/new")
    String screeningForm(Model model) {
        return form(screening, "", List.of(), model);
    }

    @PostMapping("/screenings/new")
    ModelAndView screen(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String body,
                  Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return submit(screening, file, body, model, locale, request, response);
    }

    @GetMapping("/screenings/{id}")
    String screeningPage(@PathVariable String id, Model model) {
        String stored = Ids.uuid(id).flatMap(screenings::findResponseJson).orElseThrow(() -> new PageNotFound(
                "Không có kết quả sàng lọc " + id + ".", "There is no screening " + id + "."));
        model.addAttribute("doc", json.readValue(stored, ScreeningDocument.class));
        return "screening";
    }

    @GetMapping("/monitoring-reports/new")
    String monitoringForm(Model model) {
        return form(report, "", List.of(), model);
    }

    @PostMapping("/monitoring-reports/new")
    ModelAndView monitor(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String body,
                   Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) throws IOException {
        return submit(report, file, body, model, locale, request, response);
    }

    @GetMapping("/monitoring-reports/{id}")
    String monitoringPage(@PathVariable String id, Model model) {
        String stored = Ids.uuid(id).flatMap(monitoring::findResponseJson).orElseThrow(() -> new PageNotFound(
                "Không có báo cáo theo dõi " + id + ".", "There is no monitoring report " + id + "."));
        model.addAttribute("doc", json.readValue(stored, MonitoringDocument.class));
        // the area's record in the programme, where a RELAPSED or STABLE step is recorded from this report
        model.addAttribute("record", Ids.uuid(id).flatMap(monitoring::find).flatMap(programmes::recordOf).orElse(null));
        return "monitoring";
    }

    /** An uploaded file wins over pasted text: the export is the record, the text box is for small corrections. */
    private ModelAndView submit(Kind kind, MultipartFile file, String pasted, Model model, Locale locale,
                          HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = file != null && !file.isEmpty() ? file.getBytes()
                : pasted == null ? new byte[0] : pasted.getBytes(StandardCharsets.UTF_8);
        String shown = new String(body, StandardCharsets.UTF_8);
        if (body.length == 0 || shown.isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return new ModelAndView(form(kind, "", List.of(new RulesetPages.FormError("JSON",
                    "Chọn tệp JSON hoặc dán nội dung JSON.", "Choose a JSON file or paste the JSON.")), model));
        }
        Submissions.Outcome outcome = kind.submit().apply(body);
        if (outcome instanceof Submissions.Stored stored) return new ModelAndView("redirect:" + kind.path() + "/" + stored.id());
        if (outcome instanceof Submissions.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return new ModelAndView(form(kind, shown, FormJson.errors(invalid.errors()), model));
        }
        if (outcome instanceof Submissions.OutsideScope o) {
            Caller c = Caller.current().orElseThrow();
            return PageAdvice.error(HttpStatus.FORBIDDEN, c.outsideVi(o.province()), c.outsideEn(o.province()), locale, request);
        }
        return PageAdvice.error(HttpStatus.SERVICE_UNAVAILABLE,
                "Bộ quy tắc đang áp dụng chưa có quy tắc cho việc này; không có gì được lưu.",
                "The ruleset in force has no rules for this; nothing was stored.", locale, request);
    }

    private static String form(Kind kind, String body, List<RulesetPages.FormError> errors, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("body", body);
        model.addAttribute("errors", errors);
        return "submit-json";
    }
}
