package vn.chuyenhoa.screening;

import java.math.BigDecimal;

import vn.chuyenhoa.kernel.Comparison;

/** The small pieces of wording shared by the screening sentences: numbers as each language writes them, symbols. */
final class Texts {

    private Texts() {}

    /** 0.5 → "0,5": Vietnamese writes a decimal comma. */
    static String vi(BigDecimal d) {
        return plain(d).replace('.', ',');
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** 10000 → "10.000" in Vietnamese, "10,000" in English. */
    static String grouped(long n, boolean vietnamese) {
        String s = String.format(java.util.Locale.ROOT, "%,d", n);
        return vietnamese ? s.replace(',', '.') : s;
    }

    static String symbol(Comparison c) {
        return switch (c) {
            case GE -> "≥";
            case GT -> ">";
            case LT -> "<";
            case LE -> "≤";
            case EQ -> "=";
        };
    }

    static String yesNoVi(boolean b) {
        return b ? "có" : "không";
    }
}
