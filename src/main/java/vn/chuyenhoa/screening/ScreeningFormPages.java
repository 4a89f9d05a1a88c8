package vn.chuyenhoa.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.FactForms;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.FormBody;
import vn.chuyenhoa.http.Submission;
import vn.chuyenhoa.web.PageController;
import vn.chuyenhoa.web.SubmissionPages;

/**
 * A screening by form: the candidate communes of one province as the rows of a table (more rows on demand), each with
 * the screening facts as the catalogue labels them. The table becomes the API's JSON body and goes through the API's
 * own path ({@link ScreeningSubmissions#screen}), so it is refused, checked for the province and stored exactly as an upload
 * would be; the JSON upload stays at /screenings/new for systems.
 */
@PageController
class ScreeningFormPages {

    static final int FIRST_ROWS = 3;
    /** Rows a page offers at most; a province's full list is a system's upload. */
    static final int MAX_ROWS = 100;
    private static final Pattern CANDIDATE = Pattern.compile("candidates\\[(\\d+)]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final ScreeningSubmissions submissions;
    private final FactForms forms;

    ScreeningFormPages(ScreeningSubmissions submissions, FactForms forms) {
        this.submissions = submissions;
        this.forms = forms;
    }

    @GetMapping("/screenings/form")
    String form(@RequestParam Map<String, String> params, Model model, Locale locale) {
        show(params, locale, rows(params), List.of(), model);
        return "screening-form";
    }

    @PostMapping("/screenings/form")
    String submit(@RequestParam Map<String, String> params, Model model, Locale locale, HttpServletResponse response) {
        int rows = rows(params);
        String action = params.getOrDefault("action", "choose");
        if (action.equals("add")) {
            show(params, locale, Math.min(rows + 1, MAX_ROWS), List.of(), model);
            return "screening-form";
        }
        if (!action.equals("send")) {
            show(params, locale, rows, List.of(), model);
            return "screening-form";
        }
        FactForms.Page page = page(params, locale);
        FormBody body = new FormBody(page.vietnamese());
        ObjectNode root = body.root();
        body.count(root, "year", "year", params.get("year"));
        page.period(body, root, "period");
        ArrayNode candidates = root.putArray("candidates");
        // the JSON index of each row that was filled in: empty rows are left out, their errors must still find their row
        List<Integer> formRow = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String prefix = "candidates[" + i + "]";
            if (!filled(params, prefix)) continue;
            ObjectNode c = candidates.addObject();
            page.area(c, "area", prefix + ".area");
            ObjectNode facts = c.putObject("facts");
            for (ScreeningFact f : ScreeningFact.values()) {
                String field = prefix + ".facts." + f.jsonName();
                if (f.type() == Fact.Type.COUNT) body.count(facts, f.jsonName(), field, params.get(field));
                else body.flag(facts, f.jsonName(), field, params.get(field));
            }
            formRow.add(i);
        }
        List<FieldError> formErrors = body.errors();
        Submission outcome = formErrors.isEmpty() ? submissions.screen(body.bytes()) : null;
        String stored = SubmissionPages.redirect(outcome, "/screenings",
                "Bộ quy tắc đang áp dụng chưa có quy tắc sàng lọc; không có gì được lưu.",
                "The ruleset in force has no screening rules; nothing was stored.");
        if (stored != null) return stored;
        List<FieldError> errors = outcome instanceof Submission.Invalid invalid
                ? invalid.errors().stream().map(e -> toForm(e, formRow)).toList() : List.of();
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        show(params, locale, rows, body.with(errors), model);
        return "screening-form";
    }

    /** The reader names rows by their place in the JSON; the officer by their place in the table. */
    static FieldError toForm(FieldError e, List<Integer> formRow) {
        return new FieldError(rename(e.field(), formRow), e.code(), rename(e.message(), formRow), rename(e.messageVi(), formRow));
    }

    private static String rename(String text, List<Integer> formRow) {
        if (text == null) return null;
        Matcher m = CANDIDATE.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            int json = Integer.parseInt(m.group(1));
            int row = json < formRow.size() ? formRow.get(json) : json;
            m.appendReplacement(b, "candidates[" + row + "]");
        }
        m.appendTail(b);
        return b.toString();
    }

    private static boolean filled(Map<String, String> params, String prefix) {
        return params.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix + ".") && e.getValue() != null
                && !e.getValue().isBlank());
    }

    private FactForms.Page page(Map<String, String> params, Locale locale) {
        // the list in force at the period's end, or, without a period, at the start of the screening's year
        String day = params.get("period.to");
        String year = params.getOrDefault("year", "").strip();
        if ((day == null || day.isBlank()) && YEAR.matcher(year).matches()) day = "01/01/" + year;
        return forms.page(params, locale, day);
    }

    private void show(Map<String, String> params, Locale locale, int rows, List<FieldError> errors, Model model) {
        FactForms.Page page = page(params, locale);
        page.into(model, errors);
        List<FactForms.Row> columns = new ArrayList<>();
        for (ScreeningFact f : ScreeningFact.values()) {
            columns.add(forms.row("", f.jsonName(), f.type() == Fact.Type.FLAG, locale));
        }
        model.addAttribute("columns", columns);
        model.addAttribute("rows", java.util.stream.IntStream.range(0, rows).boxed().toList());
    }

    private static int rows(Map<String, String> params) {
        try {
            return Math.max(1, Math.min(MAX_ROWS, Integer.parseInt(params.getOrDefault("rows", "" + FIRST_ROWS).strip())));
        } catch (NumberFormatException e) {
            return FIRST_ROWS;
        }
    }
}
