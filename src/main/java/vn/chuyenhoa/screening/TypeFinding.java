package vn.chuyenhoa.screening;

/** What a rule decided about one drug-area type for one commune. */
public record TypeFinding(TypeAssessment type, ScreeningOutcome outcome, String rule) {

    public ScreeningOutcome getOutcome() { return outcome; }

    public int getSeverity() { return type.getSeverity(); }

    public String getId() { return type.getId(); }
}
