package vn.chuyenhoa.evaluation;

/** Why an evaluation is asked for: an interim check during the period, or the final judgement. */
@io.swagger.v3.oas.annotations.media.Schema(enumAsRef = true, description = "PROGRESS: a mid-period check (đánh giá giữa kỳ); FINAL: the final judgement (đánh giá kết thúc)")
public enum Purpose {
    PROGRESS,
    FINAL
}
