package vn.chuyenhoa.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import tools.jackson.databind.node.ObjectNode;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.area.UnitChoice;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.FormBody;

/**
 * What the officers' fact forms share (evaluation, screening, monitoring report): the province picked from the list in
 * force for the period (only the caller's own), its communes by name, dates dd/mm/yyyy, facts with the catalogue's
 * labels and help ({@code facts.properties}), and the API reader's errors shown with those labels next to their
 * fields and at the top. Form fields are named as the API's JSON paths ({@code period.to}, {@code facts.casesCleared},
 * {@code candidates[2].area}), so an error finds its field by its path alone.
 */
@Component
public class FactForms {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** One fact as a form shows it: its field (the API's path), label, help, and whether it is a yes/no. */
    public record Row(String field, String label, String help, boolean flag) {}

    private final UnitChoice choice;
    private final MessageSource messages;

    FactForms(UnitChoice choice, MessageSource messages) {
        this.choice = choice;
        this.messages = messages;
    }

    /** The facts' rows under "facts.", each labelled from the catalogue. */
    public List<Row> rows(List<Fact> facts, Page page) {
        return facts.stream().map(f -> row("facts.", f.jsonName(), f.type() == Fact.Type.FLAG, page.locale())).toList();
    }

    public Row row(String prefix, String name, boolean flag, Locale locale) {
        return new Row(prefix + name, message("fact." + name, locale), message("fact." + name + ".help", locale), flag);
    }

    public Page page(Map<String, String> params, Locale locale) {
        return new Page(params, locale, params.get("period.to"));
    }

    /** @param day the date, as typed, that says which code list is in force (the period's end); today when none */
    public Page page(Map<String, String> params, Locale locale, String day) {
        return new Page(params, locale, day);
    }

    /** One request of a form: its values, language, the code list in force and the caller's provinces in it. */
    public final class Page {
        private final Map<String, String> values;
        private final Locale locale;
        private final CodeScheme scheme;
        private final List<UnitChoice.Province> provinces;
        private final UnitChoice.Province province;
        private final List<UnitChoice.Commune> communes;

        Page(Map<String, String> params, Locale locale, String dayText) {
            this.values = new LinkedHashMap<>(params);
            values.remove("_csrf");
            this.locale = locale;
            Caller caller = Caller.current().orElseThrow();
            java.util.Optional<LocalDate> day = FormBody.date(dayText);
            CodeScheme s = UnitChoice.schemeOn(day.orElse(LocalDate.now(VIETNAM)));
            if (day.isEmpty() && choice.provinces(s, caller::covers).isEmpty()) {
                // no period yet: offer the list in which the caller holds provinces (an account of 2024 codes)
                for (CodeScheme other : CodeScheme.values()) {
                    if (!choice.provinces(other, caller::covers).isEmpty()) s = other;
                }
            }
            this.scheme = s;
            this.provinces = choice.provinces(scheme, caller::covers);
            UnitChoice.Province picked = choice.province(params.get("province"))
                    .filter(p -> provinces.contains(p)).orElse(null);
            // an officer of one province has nothing to pick
            this.province = picked == null && provinces.size() == 1 ? provinces.get(0) : picked;
            this.communes = province == null ? List.of() : choice.communes(province);
        }

        public boolean vietnamese() {
            return !"en".equals(locale.getLanguage());
        }

        public Locale locale() {
            return locale;
        }

        public String value(String field) {
            return values.get(field);
        }

        /** Puts {@code "area": {codeScheme, code}} when a commune of the province was picked from {@code field}. */
        public void area(ObjectNode parent, String key, String field) {
            String code = values.get(field);
            if (province == null || code == null || code.isBlank()) return;
            ObjectNode area = parent.putObject(key);
            area.put("codeScheme", province.scheme().name());
            area.put("code", code.strip());
        }

        public void area(ObjectNode root) {
            area(root, "area", "area");
        }

        /** {@code name: {from, to}} from the fields {@code name.from} and {@code name.to}, when either is given. */
        public void period(FormBody body, ObjectNode root, String name) {
            String from = values.get(name + ".from"), to = values.get(name + ".to");
            if ((from == null || from.isBlank()) && (to == null || to.isBlank())) return;
            ObjectNode period = root.putObject(name);
            body.date(period, "from", name + ".from", from);
            body.date(period, "to", name + ".to", to);
        }

        /** What the template needs: values, pickers, and the errors at the top and by field. */
        public void into(Model model, List<FieldError> errors) {
            into(model, errors, null);
        }

        /**
         * The same, for a form whose sections name a field otherwise (the monitoring form's period is "Kỳ theo dõi"):
         * an error names the field by {@code label.<form>.<path>} when there is one, so it says what the section says.
         */
        public void into(Model model, List<FieldError> errors, String form) {
            model.addAttribute("v", values);
            model.addAttribute("scheme", scheme);
            model.addAttribute("provinces", provinces);
            model.addAttribute("province", province);
            model.addAttribute("communes", communes);
            List<FormBody.Problem> problems = FormBody.shown(errors, p -> {
                        String own = form == null ? null : messages.getMessage("label." + form + "." + p, null, null, locale);
                        return own != null ? own : label(p, locale);
                    }, w -> word(w, locale),
                    !vietnamese());
            Map<String, String> byField = new LinkedHashMap<>();
            for (FormBody.Problem p : problems) {
                byField.merge(p.field() == null ? "" : inputOf(p.field()), p.message(), (a, b) -> a + " " + b);
            }
            model.addAttribute("problems", problems);
            model.addAttribute("fieldErrors", byField);
        }
    }

    /** The input an error belongs to: a commune's code, scheme and name are all its one picker. */
    static String inputOf(String path) {
        int area = path.indexOf("area.");
        if (area >= 0 && (area == 0 || path.charAt(area - 1) == '.')) return path.substring(0, area + 4);
        return path;
    }

    /** A field's label, "Dòng 3: Dân số" for a row of a table; null for text that is no field of these forms. */
    String label(String path, Locale locale) {
        java.util.regex.Matcher m = INDEX.matcher(path);
        String row = null;
        if (m.find()) row = message("form.row", locale, Integer.parseInt(m.group(1)) + 1);
        String plain = INDEX.matcher(path).replaceAll("");
        String own;
        int facts = plain.indexOf("facts.");
        if (facts >= 0 && (facts == 0 || plain.charAt(facts - 1) == '.')) {
            own = messages.getMessage("fact." + plain.substring(facts + 6), null, null, locale);
        } else {
            own = messages.getMessage("label." + plain, null, null, locale);
        }
        if (own == null) return row != null && plain.equals("candidates") ? row : null;
        return row == null ? own : row + ": " + own;
    }

    /**
     * A text of the rules (an explanation) as the form shows it: the facts it names by their labels, so that "thiếu
     * effectiveModels" reads "thiếu Số mô hình tự quản…". Stored documents are not changed; only what is shown.
     */
    public String worded(String text, Locale locale) {
        return FormBody.worded(text, t -> {
            String fact = messages.getMessage("fact." + t, null, null, locale);
            return fact != null ? fact : word(t, locale);
        });
    }

    String word(String token, Locale locale) {
        return messages.getMessage("word." + token, null, null, locale);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
