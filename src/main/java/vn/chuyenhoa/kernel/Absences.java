package vn.chuyenhoa.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The absent facts one condition needed, noted while its numbers are picked out, by the names callers send them
 * under: the results list them so that an officer knows what to collect.
 */
public final class Absences {

    private final List<String> names = new ArrayList<>(3);

    /** The value, noting {@code name} as absent when it is null. */
    public <V> V need(V value, String name) {
        if (value == null) names.add(name);
        return value;
    }

    /** Notes {@code name} as absent unless it was given (a period rather than a number, say). */
    public void need(boolean given, String name) {
        if (!given) names.add(name);
    }

    /** The sum of the parts, or null (each absent part noted) when any is absent: a sum with a gap is no sum. */
    public <F> Long sum(List<F> parts, Function<F, Long> value, Function<F, String> name) {
        long total = 0;
        boolean complete = true;
        for (F part : parts) {
            Long v = value.apply(part);
            if (v == null) {
                names.add(name.apply(part));
                complete = false;
            } else {
                total += v;
            }
        }
        return complete ? total : null;
    }

    public List<String> names() { return names; }
}
