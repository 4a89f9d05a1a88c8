package vn.chuyenhoa.evaluation;

import java.util.List;

import vn.chuyenhoa.kernel.Condition;
import vn.chuyenhoa.kernel.Reading;

/**
 * The facts one requirement needs, picked out of the request, as the DRL sees them: the criterion's {@link Reading}
 * under the names that rules/evaluation.drl and every stored ruleset version use. Java only feeds the numbers in;
 * whether they are missing, not applicable, met or not met is decided by the rules in {@code rules/}.
 * A null number is an absent fact (or, for sums, a sum with an absent part).
 */
public final class Measure implements Condition {

    private final Requirement requirement;
    private final int position;
    private final Reading reading;
    private final boolean baselinePeriodGiven;

    Measure(Requirement requirement, int position, Long numerator, Long denominator, Boolean flag,
            boolean baselinePeriodGiven, List<String> missing) {
        this.requirement = requirement;
        this.position = position;
        this.reading = reading(requirement, numerator, denominator, flag, missing);
        this.baselinePeriodGiven = baselinePeriodGiven;
    }

    /** A rate of nothing and a fall below a baseline of nothing mean nothing (domain spec §3.3). */
    private static Reading reading(Requirement r, Long numerator, Long denominator, Boolean flag, List<String> missing) {
        boolean zeroBase = denominator != null && denominator == 0;
        return switch (r.kind()) {
            case RATE -> Reading.rate(numerator, denominator, 100, r.comparison()::holds, r.threshold(), missing)
                    .applicableOnlyIf(!zeroBase);
            case COUNT -> Reading.count(numerator, r.comparison()::holds, r.threshold(), missing);
            case FLAG -> Reading.flag(flag, r.expectedFlag(), missing);
            case REDUCTION -> Reading.againstBaseline(Reading.Shape.FALL, numerator, denominator, r.comparison()::holds,
                    r.threshold(), missing);
            case BELOW_BASELINE -> Reading.againstBaseline(Reading.Shape.AGAINST_BASE, numerator, denominator,
                    r.comparison()::holds, null, missing).applicableOnlyIf(!zeroBase);
        };
    }

    public Requirement getRequirement() { return requirement; }

    /** Where the requirement stands in its profile, so results come back in table order. */
    int position() { return position; }

    public Kind getKind() { return requirement.kind(); }

    @Override
    public Reading getReading() { return reading; }

    /** Rates: the numerator fact; counts: the count. */
    public Long getNumerator() { return reading.amount(); }

    public Long getValue() { return reading.amount(); }

    /** Rates: the denominator fact. */
    public Long getDenominator() { return reading.base(); }

    /** REDUCTION and BELOW_BASELINE: the baseline sum. */
    public Long getBaseline() { return reading.base(); }

    /** REDUCTION and BELOW_BASELINE: the current sum. */
    public Long getCurrent() { return reading.amount(); }

    public Boolean getFlag() { return reading.flag(); }

    public boolean isBaselinePeriodGiven() { return baselinePeriodGiven; }
}
