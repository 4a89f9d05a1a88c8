package vn.chuyenhoa.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One condition on facts, as evaluation, screening and monitoring all state them: a rate (per 100, or per N residents),
 * a count, a yes/no flag, a fall or a rise against a baseline, or a count against its baseline. It carries the numbers
 * the facts gave and the names of the facts that were absent; the features' rules decide from it whether the
 * condition is missing, not applicable, met or not met. Every comparison is exact (integers scaled against BigDecimal
 * thresholds, never doubles), so 4 of 5 is exactly 80 % and 50 of 10,000 residents exactly 0.5 %.
 *
 * @param amount     the counted fact: a rate's numerator, the count, the current sum against a baseline
 * @param base       a rate's denominator (or residents), the baseline sum; null for counts and flags
 * @param scale      what a rate is per: 100 for a percentage, N for "per N residents"
 * @param holds      the comparison, given {@code actual.compareTo(threshold)}
 * @param applicable false when the condition has no meaning here (a rate of nothing, a row switched off)
 * @param missing    the absent facts, by the names callers send; empty when everything needed is present
 */
public record Reading(Shape shape, Long amount, Long base, long scale, Boolean flag, IntPredicate holds,
                      BigDecimal threshold, Boolean expected, boolean applicable, List<String> missing) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum Shape {
        /** amount × scale against threshold × base */
        RATE,
        /** amount against threshold */
        COUNT,
        /** the flag must equal the expected value */
        FLAG,
        /** (base − amount) × 100 against threshold × base; from a zero base only staying at zero is a fall */
        FALL,
        /** (amount − base) × 100 against threshold × base; from a zero base any amount is a rise */
        RISE,
        /** amount against base */
        AGAINST_BASE
    }

    public Reading {
        missing = List.copyOf(missing);
    }

    public static Reading rate(Long amount, Long base, long scale, IntPredicate holds, BigDecimal threshold, List<String> missing) {
        return new Reading(Shape.RATE, amount, base, scale, null, holds, threshold, null, true, missing);
    }

    public static Reading count(Long amount, IntPredicate holds, BigDecimal threshold, List<String> missing) {
        return new Reading(Shape.COUNT, amount, null, 1, null, holds, threshold, null, true, missing);
    }

    public static Reading flag(Boolean flag, Boolean expected, List<String> missing) {
        return new Reading(Shape.FLAG, null, null, 1, flag, null, null, expected, true, missing);
    }

    /** A fall ({@link Shape#FALL}), rise ({@link Shape#RISE}) or plain comparison ({@link Shape#AGAINST_BASE}). */
    public static Reading againstBaseline(Shape shape, Long current, Long baseline, IntPredicate holds, BigDecimal threshold,
                                          List<String> missing) {
        return new Reading(shape, current, baseline, 100, null, holds, threshold, null, true, missing);
    }

    /** The same reading, not applicable unless {@code applicable}. */
    public Reading applicableOnlyIf(boolean applicable) {
        return applicable == this.applicable ? this
                : new Reading(shape, amount, base, scale, flag, holds, threshold, expected, applicable, missing);
    }

    public boolean isPresent() { return missing.isEmpty(); }

    /** Whether the facts meet the condition; only meaningful once the rules know they are present. */
    public boolean isThresholdMet() {
        return switch (shape) {
            case RATE -> holds.test(scaled(amount, scale).compareTo(threshold.multiply(BigDecimal.valueOf(base))));
            case COUNT -> holds.test(BigDecimal.valueOf(amount).compareTo(threshold));
            case FLAG -> flag.equals(expected);
            case FALL -> base == 0 ? amount == 0
                    : holds.test(scaled(base - amount, 100).compareTo(threshold.multiply(BigDecimal.valueOf(base))));
            case RISE -> holds.test(scaled(amount - base, 100).compareTo(threshold.multiply(BigDecimal.valueOf(base))));
            case AGAINST_BASE -> holds.test(Long.compare(amount, base));
        };
    }

    /**
     * What results show of a rate or a change: the amount per {@code scale} of the base (RATE), the fall or the rise in
     * percent of the baseline (FALL, RISE), to 2 decimals rounded half up; null for other shapes, while a number is
     * absent, or over a base of 0.
     */
    public BigDecimal shown() {
        if (amount == null || base == null || base == 0) return null;
        long top;
        switch (shape) {
            case RATE -> top = amount;
            case FALL -> top = base - amount;
            case RISE -> top = amount - base;
            default -> { return null; }
        }
        return scaled(top, shape == Shape.RATE ? scale : 100).divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal scaled(long value, long scale) {
        return BigDecimal.valueOf(value).multiply(scale == 100 ? HUNDRED : BigDecimal.valueOf(scale));
    }
}
