package vn.chuyenhoa.screening;

import java.math.BigDecimal;

import vn.chuyenhoa.kernel.Comparison;

/** The small pieces of wording shared by the screening sentences: symbols, yes and no (numbers: kernel.Numbers). */
final class Texts {

    private Texts() {}


    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
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
