package vn.chuyenhoa.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.chuyenhoa.evaluation.Policy;

/**
 * What the screening tables say, in table order. Rows are per scope: for each category, the rows of the most specific
 * scope that has any for it apply (a province's own rows, else national ones), so a province can set its own
 * thresholds without repeating the others.
 */
record ScreeningPolicy(List<ScreeningScope> scopes, List<Category> categories, List<IndicatorRow> indicators,
                              List<DrugType> drugTypes, List<DrugCriterionRow> drugCriteria,
                              List<StatusRule> statuses, List<RankingKey> ranking) {

    public ScreeningPolicy {
        scopes = List.copyOf(scopes);
        categories = List.copyOf(categories);
        indicators = List.copyOf(indicators);
        drugTypes = List.copyOf(drugTypes);
        drugCriteria = List.copyOf(drugCriteria);
        statuses = List.copyOf(statuses);
        ranking = List.copyOf(ranking);
    }

    /** No screening tables: every category is reported as not assessed, nothing is ranked on a key. */
    /** The policy's screening part; empty for a ruleset stored before its tables existed. */
    public static ScreeningPolicy of(Policy policy) {
        return policy.part(ScreeningPolicy.class).orElse(empty());
    }

    public static ScreeningPolicy empty() {
        return new ScreeningPolicy(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The rows that apply to one category in one province, and whose they are; no rows means not assessed. */
    public record Resolved(ScreeningScope scope, List<IndicatorRow> rows) {}

    public Optional<ScreeningScope> scope(String id) {
        return scopes.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    Resolved indicatorsFor(String codeScheme, String provinceCode, Category category) {
        List<ScreeningScope> candidates = scopes.stream().filter(s -> s.contains(codeScheme, provinceCode))
                .sorted(Comparator.comparing(ScreeningScope::isNational)) // the province's own scope first
                .toList();
        for (ScreeningScope s : candidates) {
            List<IndicatorRow> rows = indicators.stream()
                    .filter(r -> r.scopeId().equals(s.id()) && r.categoryId().equals(category.id())).toList();
            if (!rows.isEmpty()) return new Resolved(s, rows);
        }
        return new Resolved(null, List.of());
    }

    /** Each criterion's rows (its alternatives), criteria in table order. */
    Map<String, List<DrugCriterionRow>> drugCriteriaById() {
        Map<String, List<DrugCriterionRow>> out = new LinkedHashMap<>();
        for (DrugCriterionRow r : drugCriteria) out.computeIfAbsent(r.criterionId(), k -> new ArrayList<>()).add(r);
        return out;
    }
}
