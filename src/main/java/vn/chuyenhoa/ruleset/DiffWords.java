package vn.chuyenhoa.ruleset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
        if (v instanceof List<?> l) return l.stream().map(x -> value(x, en)).collect(Collectors.joining(" + "));
        return v.toString();
    }

    /**
     * A table cell as typed, in words: a number with the language's separators (a percent setting with its sign), a
     * date dd/mm/yyyy, a reporting day dd/mm, a yes/no, a comparison sign, a planned end, a fact by its term.
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
            return label.equals(t) ? Outcomes.message("fact." + t, t, en) : label;
        }
        return SettingsTable.plannedEnd(t).map(p -> p.words(en)).orElse(t);
    }

    private static String yesNo(boolean b, boolean en) {
        return en ? (b ? "yes" : "no") : (b ? "có" : "không");
    }
}
