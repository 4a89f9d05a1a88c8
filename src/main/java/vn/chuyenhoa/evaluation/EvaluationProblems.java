package vn.chuyenhoa.evaluation;

import java.util.List;

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

    @ExceptionHandler(EvaluationService.IdempotencyConflict.class)
    ResponseEntity<ProblemDetail> idempotency(EvaluationService.IdempotencyConflict ex) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency-Key already used with a different body", "Idempotency-Key đã được dùng cho một yêu cầu khác",
                "The Idempotency-Key '" + ex.getMessage() + "' was used before with a different request body;"
                        + " use a new key for a new request.");
    }

    @ExceptionHandler(EvaluationService.SupersedeRefused.class)
    ResponseEntity<ProblemDetail> supersede(EvaluationService.SupersedeRefused ex) {
        if (ex.state() == null) {
            return Problems.badRequest(List.of(new FieldError("supersedes", "unknown_evaluation",
                    "There is no evaluation " + ex.target() + " to supersede.",
                    "Không có đánh giá " + ex.target() + " để thay thế.")));
        }
        return Problems.of(HttpStatus.CONFLICT, "not-in-force", "The evaluation is no longer in force",
                "Đánh giá không còn hiệu lực", ex.getMessage() + "; only an evaluation in force can be superseded.");
    }
}
