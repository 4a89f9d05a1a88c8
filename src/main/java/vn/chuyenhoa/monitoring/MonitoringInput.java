package vn.chuyenhoa.monitoring;

import java.time.LocalDate;

import vn.chuyenhoa.evaluation.EvaluationInput;

/**
 * A validated monitoring report: an evaluation's area, periods and facts (the period is the monitoring period, the
 * baseline period the one before transformation), plus the recognition and whether the area was proposed again.
 *
 * @param recognitionDecision nullable: the decision number as written, recorded as given
 * @param proposedAgain       nullable: absent is missing data, never "no"
 */
public record MonitoringInput(EvaluationInput report, LocalDate recognisedOn, String recognitionDecision,
                              Boolean proposedAgain) {}
