package vn.chuyenhoa.programme;

/**
 * Why a field of a programme request cannot be accepted, in the shape of the API's field errors.
 *
 * @param field the request field or parameter, as the caller wrote it
 * @param code  stable and machine-readable
 */
public record Refusal(String field, String code, String message, String messageVi) {}
