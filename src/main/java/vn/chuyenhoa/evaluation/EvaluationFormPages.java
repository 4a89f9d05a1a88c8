package vn.chuyenhoa.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.FormBody;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.web.PageController;
import vn.chuyenhoa.web.PageRefusal;

/**
 * A programme officer evaluates a commune with a form: the province (of their own) and the commune by name, the
 * period, every fact of the catalogue with its label and a line of help, numbers as Vietnamese write them. The form
 * becomes the API's JSON request and goes through the API's own reader ({@link EvaluationRequestParser}) and province
 * check, so it is refused in the same cases; a dry run shows the verdict and the numbers read before anything is
 * stored, and saving stores exactly what was previewed (the preview's key makes a second click, or a changed form,
 * no second evaluation).
 */
@PageController
class EvaluationFormPages {

    private final EvaluationService service;
    private final EngineSource engines;
    private final AreaDirectory areas;
    private final FactForms forms;
    private final ObjectMapper json;

    EvaluationFormPages(EvaluationService service, EngineSource engines, AreaDirectory areas, FactForms forms, ObjectMapper json) {
        this.service = service;
        this.engines = engines;
        this.areas = areas;
        this.forms = forms;
        this.json = json;
    }

    @GetMapping("/evaluations/new")
    String form(@RequestParam Map<String, String> params, Model model, Locale locale) {
        FactForms.Page page = forms.page(params, locale);
        show(page, List.of(), model);
        return "evaluation-form";
    }

    @PostMapping("/evaluations/new")
    String submit(@RequestParam Map<String, String> params, Model model, Locale locale, HttpServletResponse response) {
        FactForms.Page page = forms.page(params, locale);
        String action = params.getOrDefault("action", "choose");
        if (action.equals("choose")) {
            show(page, List.of(), model);
            return "evaluation-form";
        }
        FormBody body = new FormBody(page.vietnamese());
        ObjectNode root = body.root();
        page.area(root);
        page.period(body, root, "period");
        page.period(body, root, "baselinePeriod");
        ObjectNode facts = root.putObject("facts");
        Map<String, String> read = new LinkedHashMap<>();
        for (Fact f : Fact.values()) {
            String name = "facts." + f.jsonName();
            if (f.type() == Fact.Type.COUNT) {
                Long n = body.count(facts, f.jsonName(), name, params.get(name));
                if (n != null) read.put(name, vn.chuyenhoa.kernel.Numbers.format(n, page.vietnamese()));
            } else {
                body.flag(facts, f.jsonName(), name, params.get(name));
            }
        }
        byte[] bytes = body.bytes();
        Engine engine = engines.current();
        Parsed<EvaluationRequest> parsed = new EvaluationRequestParser(new Requests.World(engine, areas)).parse(bytes);
        List<FieldError> errors = body.with(parsed.isValid() ? List.of() : parsed.errors());
        model.addAttribute("read", read);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            show(page, errors, model);
            return "evaluation-form";
        }
        EvaluationInput input = Requests.input(parsed.value(), areas);
        Caller caller = Caller.current().orElseThrow();
        if (!caller.covers(input.area().codeScheme(), input.area().provinceCode())) {
            String province = areas.provinceLabel(input.area().codeScheme(), input.area().provinceCode());
            throw new PageRefusal(HttpStatus.FORBIDDEN, caller.outsideVi(province), caller.outsideEn(province));
        }
        // saving needs the key of a preview: nothing is stored that the officer has not seen judged
        boolean save = action.equals("save") && params.get("key") != null && !params.get("key").isBlank();
        String key = save ? params.get("key") : UUID.randomUUID().toString();
        EvaluationService.Answer answer;
        try {
            answer = service.evaluate(engine, new EvaluationService.Submission(input, parsed.value().purpose().name(),
                    new String(bytes, StandardCharsets.UTF_8), sha256(bytes), save ? key : null, null, null, caller.username()),
                    !save);
        } catch (EvaluationService.IdempotencyConflict e) {
            // the form changed after its preview: what would be stored is not what was shown
            response.setStatus(HttpStatus.CONFLICT.value());
            show(page, List.of(), model);
            model.addAttribute("changed", true);
            return "evaluation-form";
        }
        if (save) return "redirect:/evaluations/" + answer.id();
        show(page, List.of(), model);
        EvaluationDocument doc = json.readValue(answer.json(), EvaluationDocument.class);
        boolean en = !page.vietnamese();
        model.addAttribute("preview", doc);
        model.addAttribute("previewRows", doc.criteria().stream().map(c -> new PreviewRow(en ? c.labelEn() : c.labelVi(),
                c.outcome().name(), forms.worded(en ? c.explanationEn() : c.explanationVi(), locale),
                forms.worded(en ? c.remedyEn() : c.remedyVi(), locale))).toList());
        model.addAttribute("key", key);
        return "evaluation-form";
    }

    /** A criterion of the preview, its explanation in the form's words. */
    record PreviewRow(String label, String outcome, String explanation, String remedy) {}

    private void show(FactForms.Page page, List<FieldError> errors, Model model) {
        page.into(model, errors);
        model.addAttribute("facts", forms.rows(List.of(Fact.values()), page));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
