package vn.chuyenhoa.screening;

import vn.chuyenhoa.kernel.TableSource;

/**
 * A condition that takes a commune out of the ordinary screening: excluded (newly certified "nông thôn mới") or
 * carried over (not transformed last year). When several hold, the one with the lowest {@code priority} decides.
 */
record StatusRule(String id, Effect effect, Condition condition, int priority, String labelVi, String labelEn,
                         String legalBasis, TableSource source) implements ConditionRow {

    public enum Effect { EXCLUDE, CARRY_OVER }
}
