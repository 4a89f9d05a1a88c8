package vn.chuyenhoa.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.chuyenhoa.http.Page;

/**
 * Runs an {@link EvaluationQuery} on the store. What the store filters (code, province, profile, verdict, version) it
 * filters; an area name or a period is checked row by row over at most {@link #SCAN_LIMIT} of the store's matches,
 * newest first, and the page says when that limit was reached.
 */
@Component
class EvaluationFinder {

    static final int SCAN_LIMIT = 5000;
    private static final int CHUNK = 200;

    record Found(Page<EvaluationSummary> page, boolean truncated) {}

    private final EvaluationStore store;

    EvaluationFinder(EvaluationStore store) {
        this.store = store;
    }

    Found find(EvaluationQuery q) {
        if (!q.needsScan()) return new Found(store.search(q.storeFilter(), q.page(), q.size()), false);
        List<EvaluationSummary> all = all(q);
        boolean truncated = all.size() >= SCAN_LIMIT;
        List<EvaluationSummary> hits = all.stream().filter(q::matches).toList();
        // long: a page number far past the end must not wrap round to a negative offset
        int from = (int) Math.min(hits.size(), (long) q.page() * q.size());
        List<EvaluationSummary> items = hits.subList(from, Math.min(hits.size(), from + q.size()));
        return new Found(new Page<>(items, q.page(), q.size(), hits.size(), (hits.size() + q.size() - 1) / q.size()), truncated);
    }

    /** Every match, for exports (at most {@link #SCAN_LIMIT}). */
    List<EvaluationSummary> all(EvaluationQuery q) {
        List<EvaluationSummary> out = new ArrayList<>();
        for (int page = 0; out.size() < SCAN_LIMIT; page++) {
            Page<EvaluationSummary> p = store.search(q.storeFilter(), page, CHUNK);
            p.items().stream().filter(q::matches).limit(SCAN_LIMIT - out.size()).forEach(out::add);
            if (page + 1 >= p.totalPages()) break;
        }
        return out;
    }
}
