package vn.chuyenhoa.ruleset;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.kernel.Comparison;

/**
 * The typed reading of decision-table cells (texts that {@link WorkbookCells} read), shared by every table reader —
 * criteria, profiles, thresholds, settings, screening and monitoring — so policy staff see one vocabulary: ids, enum
 * values, comparisons, numbers, whole numbers, flags, days, code schemes and area codes are parsed here and nowhere
 * else. Every mistake becomes a {@link LoadProblem} at its cell with the value found, and the reader gets null back,
 * so a broken cell is a load error and never a wrong answer. Where a table's own wording says more ("A target must be
 * a percentage number"), the reader passes its words and the parsing stays here.
 */
public final class Cells {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{2})-(\\d{2})");

    private final List<LoadProblem> problems;

    public Cells(List<LoadProblem> problems) {
        this.problems = problems;
    }

    public String required(SheetRow r, String field) {
        String v = r.get(field);
        if (v == null) {
            problem(r, field, "required", "Ô bắt buộc «" + r.origin().title(field, false) + "» đang trống.",
                    "The required cell «" + r.origin().title(field, true) + "» is empty.");
        }
        return v;
    }

    public String identifier(SheetRow r, String field) {
        String v = required(r, field);
        if (v != null && !ID.matcher(v).matches()) {
            problem(r, field, "bad_id", "Mã chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ VIET_YEN_2024).",
                    "An id has only capital ASCII letters, digits and underscores and starts with a letter (e.g. VIET_YEN_2024).");
            return null;
        }
        return v;
    }

    public <E extends Enum<E>> E enumValue(SheetRow r, String field, Class<E> type) {
        String v = required(r, field);
        if (v == null) return null;
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.toString(type.getEnumConstants());
            problem(r, field, "unknown_value", "Giá trị không hợp lệ; chọn một trong " + allowed + ".",
                    "Not an allowed value; use one of " + allowed + ".");
            return null;
        }
    }

    public Comparison comparison(SheetRow r, String field) {
        String v = required(r, field);
        if (v == null) return null;
        return Comparison.parse(v).orElseGet(() -> {
            problem(r, field, "unknown_value", "Phép so sánh phải là một trong >=, >, <, <=, =.",
                    "The comparison must be one of >=, >, <, <=, =.");
            return null;
        });
    }

    /** A whole number in {@code min … max}; null when blank (reported if required) or wrong. */
    public Integer integer(SheetRow r, String field, boolean needed, long min, long max) {
        String v = needed ? required(r, field) : r.get(field);
        if (v == null) return null;
        BigDecimal d = number(r, field, v);
        if (d == null) return null;
        if (d.stripTrailingZeros().scale() > 0) {
            problem(r, field, "not_an_integer", "Ô này phải là số nguyên.", "This cell must be a whole number.");
            return null;
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            problem(r, field, "out_of_range", "Giá trị phải nằm trong khoảng " + min + "–" + max + ".",
                    "The value must be between " + min + " and " + max + ".");
            return null;
        }
        return d.intValueExact();
    }

    /** A number ≥ 0, as typed ("0,5" and "0.5" alike); null when blank (reported if required) or wrong. */
    public BigDecimal nonNegative(SheetRow r, String field, boolean needed) {
        String v = needed ? required(r, field) : r.get(field);
        if (v == null) return null;
        BigDecimal d = number(r, field, v);
        if (d == null) return null;
        if (d.signum() < 0) {
            problem(r, field, "out_of_range", "Ngưỡng không được âm.", "The threshold cannot be negative.");
            return null;
        }
        return d;
    }

    public Boolean flag(SheetRow r, String field) {
        String v = required(r, field);
        if (v == null) return null;
        return flag(r, field, v, "Ô này phải là true hoặc false.", "This cell must be true or false.");
    }

    /** {@code v}, the field's text, as true or false; null after reporting it in the caller's words. */
    Boolean flag(SheetRow r, String field, String v, String vi, String en) {
        Boolean b = trueOrFalse(v);
        if (b == null) problem(r, field, "not_a_flag", vi, en);
        return b;
    }

    /** A day typed as text YYYY-MM-DD (a date-formatted cell is refused before, by {@link TableGate}). */
    LocalDate date(SheetRow r, String field, boolean needed) {
        String v = needed ? required(r, field) : r.get(field);
        if (v == null) return null;
        LocalDate d = day(v);
        if (d == null) {
            problem(r, field, "bad_date", "Ngày phải được gõ dạng văn bản YYYY-MM-DD, ví dụ 2024-12-31.",
                    "A date must be typed as text YYYY-MM-DD, e.g. 2024-12-31.");
        }
        return d;
    }

    /**
     * "true" or "false" in any case, or null: how every table cell says yes or no. Static for the staff's test rows
     * ({@link TableTests}), which report in their own form.
     */
    static Boolean trueOrFalse(String v) {
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? Boolean.valueOf(v.toLowerCase(Locale.ROOT)) : null;
    }

    /** A day typed as text YYYY-MM-DD, or null: how every table cell gives a day. */
    static LocalDate day(String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A day of every year typed as text MM-DD ("12-15"); {@code v} is the field's text. */
    MonthDay monthDay(SheetRow r, String field, String v) {
        Matcher m = MONTH_DAY.matcher(v);
        if (m.matches()) {
            try {
                return MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (DateTimeException e) {
                // not a day of the calendar, such as 02-30: reported below
            }
        }
        problem(r, field, "bad_month_day", "Ngày phải được gõ dạng văn bản MM-DD, ví dụ 12-15 cho ngày 15 tháng 12.",
                "The day must be typed as text MM-DD, e.g. 12-15 for 15 December.");
        return null;
    }

    /** {@code v}, the field's text, as digits only (no sign, point or comma) from {@code min} to {@code max}. */
    Integer wholeNumber(SheetRow r, String field, String v, int min, int max) {
        Integer n = DIGITS.matcher(v).matches() && v.length() <= 4 ? Integer.valueOf(v) : null;
        if (n == null || n < min || n > max) {
            problem(r, field, "out_of_range", "Giá trị phải là số nguyên từ " + min + " đến " + max + ".",
                    "The value must be a whole number from " + min + " to " + max + ".");
            return null;
        }
        return n;
    }

    /** Blank, or a known code scheme. Returns "!" after reporting a bad one. */
    public String scheme(SheetRow r, String field) {
        String v = r.get(field);
        if (v != null && CodeScheme.parse(v).isEmpty()) {
            problem(r, field, "unknown_scheme", "Hệ mã phải là QD124_2004 hoặc QD19_2025, hoặc để trống cho toàn quốc.",
                    "The code scheme must be QD124_2004 or QD19_2025, or blank for the whole country.");
            return "!";
        }
        return v;
    }

    /** Blank, or an area code of {@code width} digits (leading zeros Excel dropped are put back). "!" when bad. */
    public String code(SheetRow r, String field, int width) {
        String v = r.get(field);
        if (v == null) return null;
        if (!DIGITS.matcher(v).matches() || v.length() > width) {
            problem(r, field, "bad_code", "Mã địa bàn phải gồm " + width + " chữ số.", "The area code must have " + width + " digits.");
            return "!";
        }
        return "0".repeat(width - v.length()) + v;
    }

    /** A cell that must stay blank in this kind of row. Returns false after reporting it. */
    public boolean blank(SheetRow r, String field, String whyVi, String whyEn) {
        if (r.get(field) == null) return true;
        problem(r, field, "not_used", whyVi + " Hãy để trống ô " + field + ".", whyEn + " Leave the " + field + " cell blank.");
        return false;
    }

    public void duplicate(SheetRow r, String field, String whatVi, String whatEn, SheetRow first) {
        problem(r, field, "duplicate", "Trùng " + whatVi + " với dòng " + first.origin().row() + " (" + first.origin().sheet() + ").",
                "Duplicate " + whatEn + ": already defined at row " + first.origin().row() + " (" + first.origin().sheet() + ").");
    }

    /**
     * A cell that does not hold what its table needs. When it holds typographic quotes, those are what is wrong, and
     * any other reading of the cell would quote them back garbled ("“crimes" is not a valid basis): Excel and
     * LibreOffice put them in as the officer types, and no code, number or date cell takes quotes.
     */
    public void problem(SheetRow r, String field, String code, String vi, String en) {
        DecisionTables.RowOrigin o = r.origin();
        String value = o.value(field) != null ? o.value(field) : r.cells().get(field);
        if (value != null && TableGate.containsSmartQuote(value)) {
            code = "smart_quotes";
            vi = "Ô có dấu ngoặc kép kiểu chữ (“ ” ‘ ’ « ») do Excel/LibreOffice tự đổi khi gõ; ô này không cần dấu ngoặc."
                    + " Hãy xóa các dấu ngoặc (hoặc, nếu thật cần, gõ lại bằng dấu \" thẳng sau khi tắt AutoCorrect).";
            en = "The cell contains typographic quotes (“ ” ‘ ’ « ») that Excel/LibreOffice put in as you typed; this cell"
                    + " takes no quotes. Delete them (or, if really needed, retype them as straight \" quotes with AutoCorrect off).";
        }
        problems.add(new LoadProblem(o.file(), o.sheet(), o.row(), o.cell(field), value, code, vi, en));
    }


    private BigDecimal number(SheetRow r, String field, String v) {
        return number(r, field, v, "Ô này phải là một số (ví dụ 0,5 hoặc 10).", "This cell must be a number (e.g. 0.5 or 10).");
    }

    /**
     * {@code v}, the field's text, as the number it shows: a decimal comma or point alike ("0,5", "0.5"), exactly
     * (BigDecimal); null after reporting it in the caller's words. Thousands separators never get here: the
     * {@link TableGate} refuses them as ambiguous.
     */
    BigDecimal number(SheetRow r, String field, String v, String vi, String en) {
        try {
            return new BigDecimal(v.replace(',', '.'));
        } catch (NumberFormatException e) {
            problem(r, field, "not_a_number", vi, en);
            return null;
        }
    }
}
