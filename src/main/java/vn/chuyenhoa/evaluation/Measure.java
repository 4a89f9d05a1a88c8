package vn.chuyenhoa.evaluation;

import java.math.BigDecimal;
import java.util.List;
import vn.chuyenhoa.kernel.Comparison;

/**
 * The facts one requirement needs, picked out of the request, as the DRL sees them. Java only feeds the numbers in;
 * whether they are missing, not applicable, met or not met is decided by the rules in {@code rules/}.
 * A null number is an absent fact (or, for sums, a sum with an absent part).
 */
public final class Measure {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Requirement requirement;
    private final int position;
    private final Long numerator;
    private final Long denominator;
    private final Boolean flag;
    private final boolean baselinePeriodGiven;
    private final List<String> missing;

    Measure(Requirement requirement, int position, Long numerator, Long denominator, Boolean flag,
            boolean baselinePeriodGiven, List<String> missing) {
        this.requirement = requirement;
        this.position = position;
        this.numerator = numerator;
        this.denominator = denominator;
        this.flag = flag;
        this.baselinePeriodGiven = baselinePeriodGiven;
        this.missing = missing;
    }

    public Requirement getRequirement() { return requirement; }

    /** Where the requirement stands in its profile, so results come back in table order. */
    int position() { return position; }

    public Kind getKind() { return requirement.kind(); }

    /** Rates: the numerator fact; counts: the count. */
    public Long getNumerator() { return numerator; }

    public Long getValue() { return numerator; }

    /** Rates: the denominator fact. */
    public Long getDenominator() { return denominator; }

    /** REDUCTION and BELOW_BASELINE: the baseline sum. */
    public Long getBaseline() { return denominator; }

    /** REDUCTION and BELOW_BASELINE: the current sum. */
    public Long getCurrent() { return numerator; }

    public Boolean getFlag() { return flag; }

    public boolean isBaselinePeriodGiven() { return baselinePeriodGiven; }

    /** The absent facts (and baselinePeriod) this requirement needs, for MISSING_DATA results. */
    public List<String> getMissing() { return missing; }

    /**
     * Exact comparison with the threshold: integers scaled by 100 against BigDecimal thresholds, never doubles, so that
     * 4 of 5 is exactly 80% and 3 of 20 exactly 15%. Only meaningful once the rules know the numbers are present.
     */
    public boolean isThresholdMet() {
        Comparison cmp = requirement.comparison();
        BigDecimal t = requirement.threshold();
        return switch (requirement.kind()) {
            case RATE -> cmp.holds(BigDecimal.valueOf(numerator).multiply(HUNDRED)
                    .compareTo(t.multiply(BigDecimal.valueOf(denominator))));
            case COUNT -> cmp.holds(BigDecimal.valueOf(numerator).compareTo(t));
            case FLAG -> flag.equals(requirement.expectedFlag());
            case REDUCTION -> cmp.holds(BigDecimal.valueOf(denominator - numerator).multiply(HUNDRED)
                    .compareTo(t.multiply(BigDecimal.valueOf(denominator))));
            case BELOW_BASELINE -> cmp.holds(Long.compare(numerator, denominator));
        };
    }
}
