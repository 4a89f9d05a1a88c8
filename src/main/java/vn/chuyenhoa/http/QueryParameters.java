package vn.chuyenhoa.http;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Query parameters an endpoint does not take. Spring ignores them, so a caller who filters a list by {@code status} or
 * pages through one that has no pages gets everything and cannot tell: each is named instead (400).
 */
public final class QueryParameters {

    private QueryParameters() {}

    /** One error per parameter of the request that is not in {@code known}, by name. */
    public static List<FieldError> unknown(HttpServletRequest request, Set<String> known) {
        return new TreeSet<>(request.getParameterMap().keySet()).stream().filter(p -> !known.contains(p))
                .map(p -> new FieldError(p, "unknown_parameter", "This endpoint takes no parameter " + Shown.clip(p)
                        + (known.isEmpty() ? "." : "; it takes " + String.join(", ", new TreeSet<>(known)) + "."),
                        "Địa chỉ này không nhận tham số " + Shown.clip(p)
                        + (known.isEmpty() ? "." : "; chỉ nhận " + String.join(", ", new TreeSet<>(known)) + ".")))
                .toList();
    }
}
