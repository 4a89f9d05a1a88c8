package vn.chuyenhoa.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One recorded step of an area's lifecycle, as stored and never changed.
 *
 * @param step           1 for the record's first state, then 2, 3…
 * @param from           null for an area that entered the programme as a new candidate
 * @param effectiveDate  the day the step took effect
 * @param recordedAt     when it was written down
 * @param recordedBy     the account that wrote it down; {@code actor} is the body that decided. Null in steps
 *                       recorded before accounts existed
 * @param decisionNumber with {@code decisionDate}, the competent authority's decision, where one exists
 * @param evaluationId   the FINAL evaluation that justified a verdict
 * @param profileId      the profile this step pinned (approval, carry-over)
 * @param rule           the rules/lifecycle.drl rule that allowed the step, in {@code rulesetVersion}
 * @param movedTo        for a REORGANISED step, the new unit the record follows its area to; null otherwise
 * @param monitoringReportId the stored monitoring report a RELAPSED step rests on; null otherwise (and in RELAPSED
 *                       steps recorded before steps cited one)
 */
public record Step(int step, AreaState from, AreaState to, LocalDate effectiveDate, Instant recordedAt, String recordedBy,
                   String actor,
                   String decisionNumber, LocalDate decisionDate, UUID evaluationId, String profileId,
                   String rulesetVersion, String rule, String comment, Unit movedTo, UUID monitoringReportId) {

    /** A step that cites no monitoring report. */
    public Step(int step, AreaState from, AreaState to, LocalDate effectiveDate, Instant recordedAt, String recordedBy,
                String actor, String decisionNumber, LocalDate decisionDate, UUID evaluationId, String profileId,
                String rulesetVersion, String rule, String comment, Unit movedTo) {
        this(step, from, to, effectiveDate, recordedAt, recordedBy, actor, decisionNumber, decisionDate, evaluationId,
                profileId, rulesetVersion, rule, comment, movedTo, null);
    }

    /** A step that keeps the record where it is. */
    public Step(int step, AreaState from, AreaState to, LocalDate effectiveDate, Instant recordedAt, String recordedBy,
                String actor, String decisionNumber, LocalDate decisionDate, UUID evaluationId, String profileId,
                String rulesetVersion, String rule, String comment) {
        this(step, from, to, effectiveDate, recordedAt, recordedBy, actor, decisionNumber, decisionDate, evaluationId,
                profileId, rulesetVersion, rule, comment, null);
    }

    public boolean isMove() {
        return to == AreaState.REORGANISED;
    }

    /** A step that voids the last step still standing before it, which stays in the history (see ProgrammeArea). */
    public boolean isCorrection() {
        return to == AreaState.CORRECTED;
    }
}
