package vn.chuyenhoa.http;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One bad field of a request, as it appears in the {@code errors} array of a 400 problem.
 *
 * @param field the full path of the field ({@code facts.casesCleared}), or null when the body is not
 *     readable JSON at all and so names no field
 * @param code stable, machine-readable reason ({@link JsonReader} lists the shared ones; each request's reader its own)
 */
@Schema(description = "One bad field of a request / Một trường không hợp lệ")
public record FieldError(
        @Schema(description = "The full path of the field; null when the body is not one readable JSON object",
                nullable = true, example = "facts.casesCleared") String field,
        @Schema(description = "Stable, machine-readable reason (malformed_json, unknown_field, required, wrong_type, "
                + "not_an_integer, out_of_range, exceeds_total, …)", example = "exceeds_total",
                requiredMode = Schema.RequiredMode.REQUIRED) String code,
        @Schema(description = "English", example = "facts.casesCleared (14) is greater than facts.casesOccurred (13).",
                requiredMode = Schema.RequiredMode.REQUIRED) String message,
        @Schema(description = "Vietnamese", example = "facts.casesCleared (14) lớn hơn facts.casesOccurred (13).",
                requiredMode = Schema.RequiredMode.REQUIRED) String messageVi) {

    /** A number outside the range a field allows, e.g. a year that is a typing error rather than a question. */
    public static FieldError outOfRange(String field, long value, long min, long max) {
        return new FieldError(field, "out_of_range",
                field + " (" + value + ") must be between " + min + " and " + max + ".",
                field + " (" + value + ") phải từ " + min + " đến " + max + ".");
    }
}
