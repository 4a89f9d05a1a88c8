package vn.chuyenhoa.api;

import java.util.List;

/** Either a request fit for evaluation, or every reason it is not (never both, never an exception). */
public sealed interface ParseResult permits ParseResult.Ok, ParseResult.Invalid {

    record Ok(EvaluationRequest request) implements ParseResult {}

    /** @param errors at least one; at most one per field */
    record Invalid(List<FieldError> errors) implements ParseResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
