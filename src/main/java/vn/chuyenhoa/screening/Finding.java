package vn.chuyenhoa.screening;

/** What a rule decided about a group of conditions (a category, a drug criterion, an exclusion or carry-over). */
public record Finding(Assessment assessment, ScreeningOutcome outcome, String rule) {

    public Assessment getAssessment() { return assessment; }

    public ScreeningOutcome getOutcome() { return outcome; }

    /** The type a drug criterion counts towards; null for categories and statuses. */
    public String getCriterionOfType() {
        return assessment.getKind() == Assessment.Kind.DRUG_CRITERION ? assessment.getTypeId() : null;
    }

    public boolean isStatus() { return assessment.getKind() == Assessment.Kind.STATUS; }

    public Integer getPriority() { return assessment.getPriority(); }
}
