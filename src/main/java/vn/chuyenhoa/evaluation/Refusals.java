package vn.chuyenhoa.evaluation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import vn.chuyenhoa.http.FieldError;

/**
 * Evaluations refused, single requests and batch items alike, by status and reason, for the operators' metrics
 * ({@code chuyenhoa_evaluations_refused_total}). A batch whose every item is refused is still a 201, so neither the
 * request metrics nor {@code chuyenhoa_evaluations_total} would show that a caller's submissions all fail. The reason
 * is the first field error's code ({@code unit_reorganised}, {@code exceeds_total}…) or the problem's type
 * ({@code outside-scope}, {@code not-in-force}): a fixed vocabulary, so the labels stay few.
 */
@Component
class Refusals {

    static final String PROBLEM = "urn:chuyenhoa:problem:";

    private record Key(String source, int status, String reason) {}

    private final MeterRegistry meters;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    Refusals(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A single request's answer, counted when it is a refusal; returned as it is. */
    <T> ResponseEntity<T> single(ResponseEntity<T> answer) {
        if (answer.getStatusCode().is4xxClientError() && answer.getBody() instanceof ProblemDetail p) {
            Object errors = p.getProperties() == null ? null : p.getProperties().get("errors");
            String type = p.getType() == null ? null : p.getType().toString();
            count("single", answer.getStatusCode().value(), reason(errors instanceof List<?> l ? l : null, type));
        }
        return answer;
    }

    /** A batch item refused with its own status and problem. */
    void item(int status, List<FieldError> errors, String type) {
        count("batch", status, reason(errors, type));
    }

    private static String reason(List<?> errors, String type) {
        if (errors != null && !errors.isEmpty() && errors.get(0) instanceof FieldError e) return e.code();
        if (type != null && type.startsWith(PROBLEM)) return type.substring(PROBLEM.length());
        return "other";
    }

    private void count(String source, int status, String reason) {
        counters.computeIfAbsent(new Key(source, status, reason), k -> Counter.builder("chuyenhoa.evaluations.refused")
                .description("Evaluations refused (single requests and batch items), by status and reason")
                .tag("source", k.source()).tag("status", String.valueOf(k.status())).tag("reason", k.reason())
                .register(meters)).increment();
    }
}
