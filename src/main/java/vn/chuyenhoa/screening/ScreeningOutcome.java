package vn.chuyenhoa.screening;

/**
 * What the screening rules found about a condition, a group of conditions or a drug-area type. {@code NOT_ASSESSED}:
 * the tables hold nothing to judge it by yet; {@code UNDETERMINED}: a type whose decision hangs on criteria that lack
 * data or were not assessed.
 */
public enum ScreeningOutcome { MET, NOT_MET, MISSING_DATA, NOT_ASSESSED, UNDETERMINED }
