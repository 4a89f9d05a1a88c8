package vn.chuyenhoa.programme;

import java.util.List;

import vn.chuyenhoa.web.FormError;

/**
 * Why a field of a programme request cannot be accepted, in the shape of the API's field errors.
 *
 * @param field the request field or parameter, as the caller wrote it
 * @param code  stable and machine-readable
 */
public record Refusal(String field, String code, String message, String messageVi) {

    /** The refusals beside the form's fields, in the words the API answers with. */
    static List<FormError> onForm(List<Refusal> refusals) {
        return refusals.stream().map(r -> new FormError(r.field(), r.messageVi(), r.message())).toList();
    }
}
