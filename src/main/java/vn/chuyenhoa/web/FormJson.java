package vn.chuyenhoa.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.chuyenhoa.http.FieldError;

/**
 * A form's fields as the JSON body the API takes, so that the API's strict reader judges them and a form is refused
 * in the same words as a program would be. A blank field is left out: on a form, empty means "not given".
 */
public final class FormJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,6}");

    private FormJson() {}

    /** @param integers the fields the API reads as JSON numbers; other text is passed on as written, to be refused there */
    public static byte[] of(Map<String, String> form, List<String> fields, List<String> integers) {
        ObjectNode body = JSON.createObjectNode();
        for (String f : fields) {
            String v = form.get(f);
            if (v == null || v.isBlank()) continue;
            if (integers.contains(f) && WHOLE_NUMBER.matcher(v.strip()).matches()) body.put(f, Integer.parseInt(v.strip()));
            else body.put(f, v);
        }
        return JSON.writeValueAsBytes(body);
    }

    public static List<FormError> errors(List<FieldError> errors) {
        return errors.stream().map(e -> new FormError(e.field() == null ? "JSON" : e.field(), e.messageVi(), e.message())).toList();
    }
}
