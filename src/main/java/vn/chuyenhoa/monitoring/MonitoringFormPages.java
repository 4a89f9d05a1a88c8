package vn.chuyenhoa.monitoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.node.ObjectNode;
import vn.chuyenhoa.evaluation.EngineSource;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.FactForms;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.FormBody;
import vn.chuyenhoa.http.Submission;
import vn.chuyenhoa.web.PageController;
import vn.chuyenhoa.web.SubmissionPages;

/**
 * A monitoring report by form: the recognised area, the recognition, the monitoring and baseline periods and the
 * facts the relapse reasons of the rules in force test (read from the tables, so a new reason brings its fact to the
 * form). The form becomes the API's JSON body and goes through the API's own path ({@link MonitoringSubmissions#monitor}); the
 * JSON upload stays at /monitoring-reports/new for systems.
 */
@PageController
class MonitoringFormPages {

    private final MonitoringSubmissions submissions;
    private final FactForms forms;
    private final EngineSource engines;

    MonitoringFormPages(MonitoringSubmissions submissions, FactForms forms, EngineSource engines) {
        this.submissions = submissions;
        this.forms = forms;
        this.engines = engines;
    }

    @GetMapping("/monitoring-reports/form")
    String form(@RequestParam Map<String, String> params, Model model, Locale locale) {
        show(forms.page(params, locale), List.of(), model);
        return "monitoring-form";
    }

    @PostMapping("/monitoring-reports/form")
    String submit(@RequestParam Map<String, String> params, Model model, Locale locale, HttpServletResponse response) {
        FactForms.Page page = forms.page(params, locale);
        if (!"send".equals(params.get("action"))) {
            show(page, List.of(), model);
            return "monitoring-form";
        }
        FormBody body = new FormBody(page.vietnamese());
        ObjectNode root = body.root();
        page.area(root);
        body.date(root, "recognisedOn", "recognisedOn", params.get("recognisedOn"));
        body.text(root, "recognitionDecision", params.get("recognitionDecision"));
        page.period(body, root, "period");
        page.period(body, root, "baselinePeriod");
        body.flag(root, "proposedAgain", "proposedAgain", params.get("proposedAgain"));
        ObjectNode facts = root.putObject("facts");
        for (Fact f : facts()) {
            String field = "facts." + f.jsonName();
            if (f.type() == Fact.Type.COUNT) body.count(facts, f.jsonName(), field, params.get(field));
            else body.flag(facts, f.jsonName(), field, params.get(field));
        }
        Submission outcome = body.hasErrors() ? null : submissions.monitor(body.bytes());
        String stored = SubmissionPages.redirect(outcome, "/monitoring-reports",
                "Bộ quy tắc đang áp dụng chưa có quy tắc theo dõi; không có gì được lưu.",
                "The ruleset in force has no monitoring rules; nothing was stored.");
        if (stored != null) return stored;
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        show(page, body.with(outcome instanceof Submission.Invalid invalid ? invalid.errors() : List.of()), model);
        return "monitoring-form";
    }

    /** The facts some relapse reason of the rules in force tests, in the catalogue's order. */
    private List<Fact> facts() {
        Set<Fact> tested = EnumSet.noneOf(Fact.class);
        for (RelapseReason r : RelapsePolicy.of(engines.current().policy()).reasons()) {
            if (r.fact() != null && Fact.byName(r.fact()) != null) tested.add(Fact.byName(r.fact()));
            tested.addAll(r.baseline());
            tested.addAll(r.current());
        }
        return tested.isEmpty() ? List.of(Fact.values()) : new ArrayList<>(tested);
    }

    private void show(FactForms.Page page, List<FieldError> errors, Model model) {
        page.into(model, errors, "monitoring");
        model.addAttribute("facts", forms.rows(facts(), page));
        model.addAttribute("proposedAgain", forms.row("", "proposedAgain", true, page.locale()));
    }
}
