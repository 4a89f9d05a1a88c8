package vn.chuyenhoa.evaluation;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.Problems;

/** The evaluation store's refusals as problem details; before the general advice, whose catch-all would take them. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class EvaluationProblems {

    private final MessageSource messages;

    EvaluationProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** An evaluation withdrawn or superseded, named in a step only one in force may take: the state said in both languages. */
    static ResponseEntity<ProblemDetail> notInForce(MessageSource messages, Object id, String state, String detail,
                                                    String stepVi) {
        String stateVi = messages.getMessage("state." + state, null, state, Locale.forLanguageTag("vi"));
        return Problems.of(HttpStatus.CONFLICT, "not-in-force", "The evaluation is no longer in force",
                "Đánh giá không còn hiệu lực", detail, "Đánh giá " + id + " " + stateVi.toLowerCase(Locale.forLanguageTag("vi"))
                        + "; chỉ " + stepVi + " được đánh giá còn hiệu lực.");
    }

    @ExceptionHandler(EvaluationService.IdempotencyConflict.class)
    ResponseEntity<ProblemDetail> idempotency(EvaluationService.IdempotencyConflict ex) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency-Key already used with a different body", "Idempotency-Key đã được dùng cho một yêu cầu khác",
                "The Idempotency-Key '" + ex.getMessage() + "' was used before with a different request body;"
                        + " use a new key for a new request.",
                "Idempotency-Key '" + ex.getMessage() + "' đã được dùng trước đây cho một nội dung yêu cầu khác;"
                        + " hãy dùng khóa mới cho yêu cầu mới.");
    }

    @ExceptionHandler(EvaluationService.SupersedeRefused.class)
    ResponseEntity<ProblemDetail> supersede(EvaluationService.SupersedeRefused ex) {
        if (ex.state() == null) {
            return Problems.badRequest(List.of(new FieldError("supersedes", "unknown_evaluation",
                    "There is no evaluation " + ex.target() + " to supersede.",
                    "Không có đánh giá " + ex.target() + " để thay thế.")));
        }
        return notInForce(messages, ex.target(), ex.state(),
                ex.getMessage() + "; only an evaluation in force can be superseded.", "thay thế");
    }
}
