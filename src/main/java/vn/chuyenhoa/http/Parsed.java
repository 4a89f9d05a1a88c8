package vn.chuyenhoa.http;

import java.util.List;

/**
 * What every request reader returns: a value fit for use, or every reason it is not (one error per bad field, sorted
 * by field), never both and never an exception.
 */
public record Parsed<T>(T value, List<FieldError> errors) {

    public Parsed {
        errors = List.copyOf(errors);
    }

    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(value, List.of());
    }

    public static <T> Parsed<T> invalid(List<FieldError> errors) {
        return new Parsed<>(null, errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
