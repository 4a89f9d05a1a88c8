package vn.chuyenhoa.kernel;

/** What rules/conditions.drl decided about one condition; each feature names these its own way. */
public enum ConditionOutcome { MET, NOT_MET, NOT_APPLICABLE, MISSING_DATA }
