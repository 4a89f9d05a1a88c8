package vn.chuyenhoa.http;

/**
 * One bad field of a request, as it appears in the {@code errors} array of a 400 problem.
 *
 * @param field the full path of the field ({@code facts.casesCleared}), or null when the body is not
 *     readable JSON at all and so names no field
 * @param code stable, machine-readable reason ({@link JsonReader} lists the shared ones; each request's reader its own)
 */
public record FieldError(String field, String code, String message, String messageVi) {}
