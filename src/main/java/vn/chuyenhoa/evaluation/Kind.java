package vn.chuyenhoa.evaluation;

/** How a criterion turns facts into a value; the catalogue table names one per criterion. */
public enum Kind {
    /** numerator / denominator, in percent */
    RATE,
    /** a single count */
    COUNT,
    /** a yes/no fact that must have the expected value */
    FLAG,
    /** (baseline − current) / baseline, in percent, on the profile's basis */
    REDUCTION,
    /** the current count must be below the baseline count */
    BELOW_BASELINE
}
