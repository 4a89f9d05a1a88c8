package vn.chuyenhoa.screening;

/** What a rule decided about one condition; inserted so that the group rules can count it. */
public record CheckResult(Check check, ScreeningOutcome outcome, String rule) {

    public Assessment getAssessment() { return check.getAssessment(); }

    public ScreeningOutcome getOutcome() { return outcome; }
}
