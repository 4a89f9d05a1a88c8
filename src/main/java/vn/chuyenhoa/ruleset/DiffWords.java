package vn.chuyenhoa.ruleset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.Kind;
import vn.chuyenhoa.evaluation.Requirement;
import vn.chuyenhoa.evaluation.Scope;
import vn.chuyenhoa.kernel.Comparison;
import vn.chuyenhoa.kernel.Dates;
import vn.chuyenhoa.kernel.Numbers;

/**
 * A changed value in the diff's sentences as every page writes it (policy trial finding 11): "≥ 92,5%", "01/02/2017",
 * "có", a fact by its term, a criterion kind in words. The change itself keeps {@code from}/{@code to} as the tables
 * and the API write them (">= 92.5", "2017-02-01", "true"): that is the contract; this is what the approver reads.
 */
final class DiffWords {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");
    private static final DateTimeFormatter MONTH_DAY_IN = DateTimeFormatter.ofPattern("MM-dd");

    /**
     * The columns of the relapse and screening tables whose cells are codes, by the prefix of the messages that say
     * each code: a relapse reason's kind, a ranking key and its direction. ("kind" is the relapse table's alone here:
     * the criteria tables are compared on the compiled policy, where a kind is a {@link Kind}.)
     */
    private static final Map<String, String> CODES = Map.of("kind", "relapseKind.", "key", "rankingKey.",
            "direction", "rankingDirection.");
    /** A screening status rule's effect, in the words the screening page gives the status it leads to. */
    private static final Map<String, String> EFFECTS = Map.of("EXCLUDE", "screening.status.EXCLUDED",
            "CARRY_OVER", "screening.status.CARRIED_OVER");

    private DiffWords() {}

    /** A profile's threshold for a criterion: "≥ 80%" for a rate or reduction, "có" for a flag, "< kỳ gốc". */
    static String threshold(Requirement r, boolean en) {
        if (r.expectedFlag() != null) return yesNo(r.expectedFlag(), en);
        if (r.threshold() == null) return r.comparison().sign() + " " + (en ? "the baseline" : "kỳ gốc");
        boolean percent = r.kind() == Kind.RATE || r.kind() == Kind.REDUCTION;
        return r.comparison().bound(r.threshold(), !en) + (percent ? "%" : "");
    }

    /** A field of a criterion or profile as the compiled policy holds it; text the staff wrote stays as written. */
    static String value(Object v, boolean en) {
        if (v == null) return en ? "blank" : "trống";
        if (v instanceof Comparison c) return c.sign();
        if (v instanceof Kind k) return Outcomes.message("criterionKind." + k.name(), k.name(), en);
        if (v instanceof Fact f) return en ? f.labelEn() : f.labelVi();
        if (v instanceof Scope s) return en ? s.describeEn() : s.describeVi();
        if (v instanceof LocalDate d) return Dates.format(d);
        if (v instanceof Boolean b) return yesNo(b, en);
        // a list of text is a criterion's basis: fact stems ("crimes"), each said by its baseline count's term
        if (v instanceof List<?> l) return l.stream().map(x -> x instanceof String s ? stems(s, en) : value(x, en))
                .collect(Collectors.joining(" + "));
        return v.toString();
    }

    /**
     * A table cell as typed, in words: a number with the language's separators (a percent setting with its sign), a
     * date dd/mm/yyyy, a reporting day dd/mm, a yes/no, a comparison sign, a planned end, a fact or basis by its term,
     * a code (a relapse reason's kind, a status effect, a ranking key or direction, a code list) in the pages' words.
     *
     * @param field the cell's column ({@code value}, {@code comparison}, {@code fact}, …)
     * @param key   the setting the row sets, if it is a programme-settings row
     */
    static String cell(String field, String key, String text, boolean en) {
        if (text == null) return en ? "blank" : "trống";
        String t = text.strip();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) return yesNo(Boolean.parseBoolean(t), en);
        if (NUMBER.matcher(t).matches()) {
            return Numbers.format(new BigDecimal(t), !en) + (key != null && key.endsWith("Percent") ? "%" : "");
        }
        if (ISO_DATE.matcher(t).matches()) {
            try {
                return Dates.format(LocalDate.parse(t));
            } catch (java.time.DateTimeException e) {
                return t;
            }
        }
        if (MONTH_DAY.matcher(t).matches()) {
            try {
                MonthDay md = MonthDay.parse(t, MONTH_DAY_IN);
                return String.format(Locale.ROOT, "%02d/%02d", md.getDayOfMonth(), md.getMonthValue());
            } catch (java.time.DateTimeException e) {
                return t;
            }
        }
        if (field.equals("comparison")) return Comparison.parse(t).map(Comparison::sign).orElse(t);
        if (field.equals("fact")) {
            String label = Fact.label(t, en);
            return label.equals(t) ? Outcomes.message("fact." + t, stems(t, en), en) : label;
        }
        if (field.equals("effect")) return EFFECTS.containsKey(t) ? Outcomes.message(EFFECTS.get(t), t, en) : t;
        if (CODES.containsKey(field)) return Outcomes.message(CODES.get(field) + t, t, en);
        if (field.equals("codeScheme")) return CodeScheme.titleOf(t);
        return SettingsTable.plannedEnd(t).map(p -> p.words(en)).orElse(t);
    }

    /**
     * A basis as the tables write it ("crimes+socialEvils"): each stem by the term of its baseline count, as a
     * profile's basis is said by its facts; text that is no stem stays as typed.
     */
    private static String stems(String typed, boolean en) {
        List<String> stems = List.of(typed.split("\\+")).stream().map(String::strip).toList();
        if (stems.stream().anyMatch(s -> Fact.byName(s + "Baseline") == null)) return typed;
        return stems.stream().map(s -> Fact.label(s + "Baseline", en)).collect(Collectors.joining(" + "));
    }

    private static String yesNo(boolean b, boolean en) {
        return en ? (b ? "yes" : "no") : (b ? "có" : "không");
    }
}
