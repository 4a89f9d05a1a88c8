package vn.chuyenhoa.screening;

import java.util.List;

/**
 * What the screening rules decided about one commune, before anything is put into words.
 *
 * @param drugType the most severe drug-area type met; null when none is
 * @param status   the exclusion or carry-over that decided; null when the commune stays a plain candidate
 */
record CommuneJudgement(Candidate candidate, List<CheckResult> checks, List<Finding> findings,
                               List<TypeFinding> types, TypeFinding drugType, String drugTypeRule, Finding status,
                               String statusRule) {

    public boolean excluded() {
        return status != null && status.assessment().status().effect() == StatusRule.Effect.EXCLUDE;
    }

    boolean carriedOver() {
        return status != null && status.assessment().status().effect() == StatusRule.Effect.CARRY_OVER;
    }

    List<Finding> findings(Assessment.Kind kind) {
        return findings.stream().filter(f -> f.assessment().getKind() == kind).toList();
    }

    List<CheckResult> checksOf(Assessment a) {
        return checks.stream().filter(c -> c.check().getAssessment() == a).toList();
    }

    /** Categories flagged, in table order. */
    /** The flagged categories by their names in the tables, in one language. */
    List<String> categoriesFlaggedNamed(boolean english) {
        return findings(Assessment.Kind.CATEGORY).stream().filter(f -> f.outcome() == ScreeningOutcome.MET)
                .map(f -> f.assessment().category() == null ? f.assessment().getId()
                        : english ? f.assessment().category().labelEn() : f.assessment().category().labelVi()).toList();
    }

    public List<String> categoriesFlagged() {
        return findings(Assessment.Kind.CATEGORY).stream().filter(f -> f.outcome() == ScreeningOutcome.MET)
                .map(f -> f.assessment().getId()).toList();
    }
}
