package vn.chuyenhoa.screening;

import java.math.BigDecimal;


/** The small pieces of wording shared by the screening sentences: yes and no (numbers: kernel.Numbers, signs: kernel.Comparison). */
final class Texts {

    private Texts() {}


    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }



    static String yesNoVi(boolean b) {
        return b ? "có" : "không";
    }
}
