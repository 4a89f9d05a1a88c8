package vn.chuyenhoa.api;

/**
 * One bad field of a request, as it appears in the {@code errors} array of a 400 problem.
 *
 * @param field the full path of the field ({@code facts.casesCleared}), or null when the body is not
 *     readable JSON at all and so names no field
 * @param code stable, machine-readable reason; see {@link EvaluationRequestParser} for the list
 */
public record FieldError(String field, String code, String message, String messageVi) {}
