package vn.chuyenhoa.monitoring;

/** What a rule decided about one relapse reason; inserted so that the verdict rules can see it. */
public record ReasonFinding(ReasonCheck check, ReasonOutcome outcome, String rule) {

    public ReasonOutcome getOutcome() { return outcome; }
}
