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

    /** False when the condition has no meaning here: a rate of nothing, a row switched off. */
    boolean isApplicable();

    boolean isPresent();

    boolean isThresholdMet();
}
