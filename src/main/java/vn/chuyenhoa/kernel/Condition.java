package vn.chuyenhoa.kernel;

/**
 * What rules/conditions.drl decides on: a criterion, a relapse reason or a screening row applied to one case's facts.
 * Each feature's fact type (evaluation's {@code Measure}, monitoring's {@code ReasonCheck}, screening's {@code Check})
 * is one, so the four outcomes are decided by one set of rules and each feature's DRL only combines them.
 */
public interface Condition {

    /** The DRL package of rules/conditions.drl: it fires in every feature's session. */
    String RULES_PACKAGE = "chuyenhoa.conditions";

    Reading getReading();

    // The members stored DRL matches on (`Measure( thresholdMet )`, `Check( present )`) are these defaults.

    /** False when the condition has no meaning here: a rate of nothing, a row switched off. */
    default boolean isApplicable() { return getReading().applicable(); }

    /** The absent facts it needs, by the names callers send them under, for results that lack data. */
    default java.util.List<String> getMissing() { return getReading().missing(); }

    /** Whether every fact it needs was given. */
    default boolean isPresent() { return getReading().isPresent(); }

    /** Exact comparison with the threshold ({@link Reading#isThresholdMet()}); only meaningful once present. */
    default boolean isThresholdMet() { return getReading().isThresholdMet(); }
}
