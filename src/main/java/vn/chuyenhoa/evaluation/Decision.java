package vn.chuyenhoa.evaluation;

/** What one rule decided about one requirement; inserted so that the verdict rules can see it. */
public record Decision(Measure measure, Outcome outcome, String rule) {

    public Outcome getOutcome() { return outcome; }
}
