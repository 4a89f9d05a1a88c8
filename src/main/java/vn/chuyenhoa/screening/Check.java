package vn.chuyenhoa.screening;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import vn.chuyenhoa.kernel.Comparison;

/**
 * One table condition applied to one commune's facts, as DRL sees it (the screening counterpart of an evaluation's
 * Measure). Java only picks the numbers out; whether they are missing, meet or miss the threshold is decided by
 * {@code rules/screening.drl}.
 */
public final class Check {

    private final Assessment assessment;
    private final ConditionRow row;
    private final Long value;
    private final Boolean flag;
    private final Long residents;
    private final List<String> missing;

    Check(Assessment assessment, ConditionRow row, Candidate candidate) {
        this.assessment = assessment;
        this.row = row;
        Condition c = row.condition();
        List<String> absent = new ArrayList<>(2);
        if (c.isFlag()) {
            this.flag = candidate.flag(c.fact());
            this.value = null;
        } else {
            this.flag = null;
            this.value = candidate.count(c.fact());
        }
        if (value == null && flag == null) absent.add(c.fact().jsonName());
        this.residents = c.perResidents() ? candidate.count(ScreeningFact.RESIDENTS) : null;
        if (c.perResidents() && residents == null) absent.add(ScreeningFact.RESIDENTS.jsonName());
        this.missing = List.copyOf(absent);
    }

    public Assessment getAssessment() { return assessment; }

    public ConditionRow getRow() { return row; }

    public Long getValue() { return value; }

    public Boolean getFlag() { return flag; }

    public Long getResidents() { return residents; }

    /** The absent facts the condition needs (the fact itself, and residents for a rate). */
    public List<String> getMissing() { return missing; }

    public boolean isPresent() { return missing.isEmpty(); }

    /**
     * Exact: a rate per {@code per} residents is compared as {@code value × per} against {@code threshold × residents}
     * in integers and BigDecimal, so 50 of 10,000 residents is exactly 0.5% and meets "≥ 0.5". Only meaningful once the
     * rules know the facts are present.
     */
    public boolean isThresholdMet() {
        Condition c = row.condition();
        if (c.isFlag()) return flag.equals(c.expected());
        Comparison cmp = c.comparison();
        if (!c.perResidents()) return cmp.holds(BigDecimal.valueOf(value).compareTo(c.threshold()));
        return cmp.holds(BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(c.per()))
                .compareTo(c.threshold().multiply(BigDecimal.valueOf(residents))));
    }
}
