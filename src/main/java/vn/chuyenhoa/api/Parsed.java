package vn.chuyenhoa.api;

import java.util.List;

/**
 * What the screening and monitoring parsers return: a value fit for the rules, or every reason it is not (one error
 * per bad field), never both and never an exception.
 */
record Parsed<T>(T value, List<FieldError> errors) {

    Parsed {
        errors = List.copyOf(errors);
    }

    static <T> Parsed<T> ok(T value) {
        return new Parsed<>(value, List.of());
    }

    static <T> Parsed<T> invalid(List<FieldError> errors) {
        return new Parsed<>(null, errors);
    }

    boolean isValid() {
        return errors.isEmpty();
    }
}
