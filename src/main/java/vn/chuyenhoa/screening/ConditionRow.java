package vn.chuyenhoa.screening;

import vn.chuyenhoa.kernel.TableSource;

/** A table row that carries one condition, so that one set of rules and sentences serves every screening table. */
interface ConditionRow {

    Condition condition();

    String labelVi();

    String labelEn();

    String legalBasis();

    /** The cell that holds the threshold (or the expected flag value). */
    TableSource source();
}
