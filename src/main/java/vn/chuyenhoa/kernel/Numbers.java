package vn.chuyenhoa.kernel;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers as each language writes them, both ways. Vietnamese groups thousands with a dot and writes a decimal comma
 * ("5.400", "76,92"); English the other way round. Pages, reports and spreadsheets of officers read and write through
 * this one class; the JSON API stays strict and never reads text numbers.
 */
public final class Numbers {

    /** Digits grouped by three with one separator, an optional fraction after the other. */
    private static final Pattern GROUPED_VI = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern PLAIN_VI = Pattern.compile("[+-]?\\d+(,\\d+)?");
    private static final Pattern GROUPED_EN = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN_EN = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private Numbers() {}

    /**
     * 5400 → "5.400" (vi) or "5,400" (en). Grouped by hand rather than with {@code String.format("%,d")}, which
     * builds a formatter per call: every explanation of every evaluation writes its counts through here.
     */
    public static String format(long n, boolean vietnamese) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        int length = digits.length() - start;
        if (length <= 3) return digits;
        char separator = vietnamese ? '.' : ',';
        StringBuilder out = new StringBuilder(digits.length() + length / 3).append(digits, 0, start);
        int first = start + (length % 3 == 0 ? 3 : length % 3);
        out.append(digits, start, first);
        for (int i = first; i < digits.length(); i += 3) out.append(separator).append(digits, i, i + 3);
        return out.toString();
    }

    /**
     * 12345.5 → "12.345,5" (vi) or "12,345.5" (en); trailing zeros go ("80.00" → "80") unless
     * {@code keepScale}, which computed rates use to keep their two places ("76,90").
     */
    public static String format(BigDecimal d, boolean vietnamese, boolean keepScale) {
        BigDecimal v = keepScale ? d : d.stripTrailingZeros();
        if (v.scale() < 0) v = v.setScale(0);
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        String grouped = format(Long.parseLong(whole), vietnamese);
        String sign = v.signum() < 0 ? "-" : "";
        return sign + grouped + (fraction.isEmpty() ? "" : (vietnamese ? "," : ".") + fraction);
    }

    public static String format(BigDecimal d, boolean vietnamese) {
        return format(d, vietnamese, false);
    }

    /** What an officer typed, read as a number, or why it is not one (in both languages, naming no field). */
    public record Read(BigDecimal value, String problemVi, String problemEn) {
        public boolean ok() {
            return value != null;
        }
    }

    /**
     * Reads a number as the officer's language writes it. "5.400" in Vietnamese is five thousand four hundred, never
     * five point four; "5.4" is refused there rather than guessed, because a dot followed by other than three digits
     * is a typing mistake either way. Spaces (also non-breaking ones a spreadsheet adds) are ignored.
     */
    public static Read parse(String text, boolean vietnamese) {
        String t = text == null ? "" : text.replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").strip();
        if (t.isEmpty()) {
            return new Read(null, "Chưa nhập số.", "No number was entered.");
        }
        boolean grouped = (vietnamese ? GROUPED_VI : GROUPED_EN).matcher(t).matches();
        if (!grouped && !(vietnamese ? PLAIN_VI : PLAIN_EN).matcher(t).matches()) {
            return new Read(null,
                    "\"" + text.strip() + "\" không phải là số viết theo kiểu Việt Nam (ví dụ 5.400 hoặc 76,5).",
                    "\"" + text.strip() + "\" is not a number (for example 5,400 or 76.5).");
        }
        String canonical = vietnamese ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
        return new Read(new BigDecimal(canonical), null, null);
    }
}
