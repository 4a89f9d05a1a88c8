package vn.chuyenhoa.monitoring;

import java.time.LocalDate;

import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.EvaluationInput;

/**
 * A validated monitoring report: an evaluation's area, periods and facts (the period is the monitoring period, the
 * baseline period the one before transformation), plus the recognition and whether the area was proposed again.
 *
 * @param recognitionDecision nullable: the decision number as written, recorded as given
 * @param proposedAgain       nullable: absent is missing data, never "no"
 * @param predecessor         nullable: for a new commune recognised before the 2025 reform, the old commune whose
 *                            plan governs the report (domain spec §8.1)
 */
record MonitoringInput(EvaluationInput report, LocalDate recognisedOn, String recognitionDecision,
                              Boolean proposedAgain, Predecessor predecessor) {

    /** The area whose scope picks the profile: the old commune that was transformed, when there is one. */
    Area scopeArea() {
        return predecessor != null ? predecessor.area() : report.area();
    }
}
