package vn.chuyenhoa.kernel;

/** What a rule of rules/conditions.drl decided about one condition; inserted for the feature's rules to name. */
public record Judged(Condition condition, ConditionOutcome outcome, String rule) {

    public Condition getCondition() { return condition; }

    public ConditionOutcome getOutcome() { return outcome; }
}
