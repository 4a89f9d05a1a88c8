package vn.chuyenhoa.api;

/** Why an evaluation is asked for: an interim check during the period, or the final judgement. */
public enum Purpose {
    PROGRESS,
    FINAL
}
