package vn.chuyenhoa.monitoring;

/** What the rules found about one relapse reason; {@code SWITCHED_OFF} when its table row says enabled = false. */
public enum ReasonOutcome { APPLIES, DOES_NOT_APPLY, MISSING_DATA, SWITCHED_OFF }
