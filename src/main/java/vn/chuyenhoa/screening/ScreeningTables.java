package vn.chuyenhoa.screening;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import java.time.Instant;
import java.util.UUID;

import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.kernel.Comparison;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.ruleset.Cells;
import vn.chuyenhoa.ruleset.FeatureTables;
import vn.chuyenhoa.ruleset.LoadProblem;
import vn.chuyenhoa.ruleset.SheetRow;
import vn.chuyenhoa.ruleset.StaffCase;

/**
 * Reads the screening tables ({@code Screening…} RuleTables, shipped in {@code screening.drl.xlsx}) into a
 * {@link ScreeningPolicy}, checking every cell: a wrong one is a load problem at its cell, never a wrong flag.
 * Rows that refer to a row already reported as broken are skipped rather than reported a second time.
 */
final class ScreeningTables {

    private final Cells cells;
    private final List<String> broken = new ArrayList<>();

    private ScreeningTables(List<LoadProblem> problems) {
        this.cells = new Cells(problems);
    }

    /** Registers the Screening tables with the ruleset loader (META-INF/services). */
    public static final class Registration implements FeatureTables {

        @Override
        public String prefix() {
            return "Screening";
        }

        @Override
        public Class<?> type() {
            return ScreeningPolicy.class;
        }

        @Override
        public Object read(List<SheetRow> rows, Context context) {
            return new ScreeningTables(context.problems()).read(rows);
        }

        @Override
        public String casesPrefix() {
            return "screening-";
        }

        /** A commune screened alone: its status, drug-area type and every category, criterion and type. */
        @Override
        public Map<String, String> judge(Engine engine, StaffCase c) {
            Area area = c.area();
            ScreeningDocument.CommuneView v = ScreeningService.screen(engine, new ScreeningInput(c.whole("year"), null,
                    area.codeScheme(), area.provinceCode(), area.provinceCode(), List.of(new Candidate(area,
                    c.facts(ScreeningFact.class, ScreeningFact::jsonName, f -> f.type() == Fact.Type.FLAG)))),
                    UUID.randomUUID(), Instant.EPOCH, null).communes().get(0);
            Map<String, String> actual = new HashMap<>();
            actual.put("status", v.status().name());
            actual.put("drugType", v.drugArea().type() == null ? "NONE" : v.drugArea().type());
            v.categories().forEach(x -> actual.put("category." + x.id(), x.outcome().name()));
            v.drugArea().criteria().forEach(x -> actual.put("criterion." + x.id(), x.outcome().name()));
            v.drugArea().types().forEach(x -> actual.put("type." + x.id(), x.outcome().name()));
            return actual;
        }
    }

    private ScreeningPolicy read(List<SheetRow> rows) {
        Map<String, List<SheetRow>> byTable = new HashMap<>();
        for (SheetRow r : rows) {
            String t = r.table().toLowerCase(Locale.ROOT);
            String kind = t.startsWith("screeningscopes") ? "scopes"
                    : t.startsWith("screeningcategories") ? "categories"
                    : t.startsWith("screeningindicators") ? "indicators"
                    : t.startsWith("screeningdrugtypes") ? "types"
                    : t.startsWith("screeningdrugcriteria") ? "criteria"
                    : t.startsWith("screeningstatuses") ? "statuses"
                    : t.startsWith("screeningranking") ? "ranking" : null;
            if (kind == null) {
                cells.problem(r, "", "unknown_table",
                        "Không rõ bảng \"" + r.table() + "\": bảng sàng lọc phải là ScreeningScopes, ScreeningCategories, ScreeningIndicators, ScreeningDrugTypes, ScreeningDrugCriteria, ScreeningStatuses hoặc ScreeningRanking.",
                        "Unknown table \"" + r.table() + "\": a screening table is ScreeningScopes, ScreeningCategories, ScreeningIndicators, ScreeningDrugTypes, ScreeningDrugCriteria, ScreeningStatuses or ScreeningRanking.");
                // its rows may be what others refer to (a renamed ScreeningScopes): those are not reported again
                if (r.get("id") != null) broken.add(r.get("id"));
                continue;
            }
            byTable.computeIfAbsent(kind, k -> new ArrayList<>()).add(r);
        }
        List<ScreeningScope> scopes = scopes(byTable.getOrDefault("scopes", List.of()));
        List<Category> categories = categories(byTable.getOrDefault("categories", List.of()));
        List<IndicatorRow> indicators = indicators(byTable.getOrDefault("indicators", List.of()), scopes, categories);
        Map<String, SheetRow> typeRows = new HashMap<>();
        List<DrugType> types = drugTypes(byTable.getOrDefault("types", List.of()), typeRows);
        List<DrugCriterionRow> criteria = drugCriteria(byTable.getOrDefault("criteria", List.of()), types, typeRows);
        List<StatusRule> statuses = statuses(byTable.getOrDefault("statuses", List.of()));
        List<RankingKey> ranking = ranking(byTable.getOrDefault("ranking", List.of()));
        return new ScreeningPolicy(scopes, categories, indicators, types, criteria, statuses, ranking);
    }

    // ---- ScreeningScopes: id, labelVi, labelEn, codeScheme, provinceCode, legalBasis --------------------------------

    private List<ScreeningScope> scopes(List<SheetRow> rows) {
        Map<String, SheetRow> byId = new LinkedHashMap<>();
        Map<String, SheetRow> byPlace = new HashMap<>();
        List<ScreeningScope> out = new ArrayList<>();
        for (SheetRow r : rows) {
            String id = cells.identifier(r, "id");
            String labelVi = cells.required(r, "labelVi");
            String labelEn = cells.required(r, "labelEn");
            String legal = cells.required(r, "legalBasis");
            String scheme = cells.scheme(r, "codeScheme");
            String province = cells.code(r, "provinceCode", 2);
            boolean ok = id != null && labelVi != null && labelEn != null && legal != null
                    && !"!".equals(scheme) && !"!".equals(province);
            if (ok && (scheme == null) != (province == null)) {
                cells.problem(r, scheme == null ? "codeScheme" : "provinceCode", "scope_incomplete",
                        "Phạm vi của một tỉnh cần cả hệ mã và mã tỉnh; để trống cả hai cho toàn quốc.",
                        "A province scope needs both the code scheme and the province code; leave both blank for the whole country.");
                ok = false;
            }
            if (ok && byId.containsKey(id)) {
                cells.duplicate(r, "id", "phạm vi " + id, "scope " + id, byId.get(id));
                ok = false;
            }
            String place = scheme + "/" + province;
            if (ok && byPlace.containsKey(place)) {
                SheetRow first = byPlace.get(place);
                cells.problem(r, "id", "ambiguous_scopes",
                        "Phạm vi " + id + " trùng địa bàn với phạm vi " + first.get("id") + " (dòng " + first.row() + "), nên không biết dùng ngưỡng của phạm vi nào.",
                        "Scope " + id + " covers the same place as scope " + first.get("id") + " (row " + first.row() + "), so neither set of thresholds could be chosen.");
                ok = false;
            }
            if (!ok) {
                if (r.get("id") != null) broken.add(r.get("id"));
                continue;
            }
            byId.put(id, r);
            byPlace.put(place, r);
            out.add(new ScreeningScope(id, labelVi, labelEn, scheme, province, legal, r.source("id")));
        }
        return out;
    }

    // ---- ScreeningCategories: id, labelVi, labelEn, legalBasis -------------------------------------------------------

    private List<Category> categories(List<SheetRow> rows) {
        Map<String, SheetRow> byId = new LinkedHashMap<>();
        List<Category> out = new ArrayList<>();
        for (SheetRow r : rows) {
            String id = cells.identifier(r, "id");
            String labelVi = cells.required(r, "labelVi");
            String labelEn = cells.required(r, "labelEn");
            String legal = cells.required(r, "legalBasis");
            if (id == null || labelVi == null || labelEn == null || legal == null) {
                if (r.get("id") != null) broken.add(r.get("id"));
                continue;
            }
            if (byId.containsKey(id)) {
                cells.duplicate(r, "id", "loại địa bàn " + id, "category " + id, byId.get(id));
                continue;
            }
            byId.put(id, r);
            out.add(new Category(id, labelVi, labelEn, legal, r.source("id")));
        }
        return out;
    }

    // ---- ScreeningIndicators: scopeId, categoryId, fact, per, comparison, threshold, labelVi, labelEn, legalBasis ----

    private List<IndicatorRow> indicators(List<SheetRow> rows, List<ScreeningScope> scopes, List<Category> categories) {
        Map<String, SheetRow> seen = new HashMap<>();
        List<IndicatorRow> out = new ArrayList<>();
        for (SheetRow r : rows) {
            String scopeId = cells.required(r, "scopeId");
            String categoryId = cells.required(r, "categoryId");
            if (scopeId == null || categoryId == null || broken.contains(scopeId) || broken.contains(categoryId)) continue;
            boolean ok = true;
            if (scopes.stream().noneMatch(s -> s.id().equals(scopeId))) {
                cells.problem(r, "scopeId", "unknown_scope", "Mã phạm vi \"" + scopeId + "\" không có trong bảng ScreeningScopes.",
                        "Scope id \"" + scopeId + "\" is not in the ScreeningScopes table.");
                ok = false;
            }
            if (categories.stream().noneMatch(c -> c.id().equals(categoryId))) {
                cells.problem(r, "categoryId", "unknown_category", "Mã loại địa bàn \"" + categoryId + "\" không có trong bảng ScreeningCategories.",
                        "Category id \"" + categoryId + "\" is not in the ScreeningCategories table.");
                ok = false;
            }
            Condition c = condition(r);
            String labelVi = cells.required(r, "labelVi");
            String labelEn = cells.required(r, "labelEn");
            String legal = cells.required(r, "legalBasis");
            if (!ok || c == null || labelVi == null || labelEn == null || legal == null) continue;
            String key = scopeId + "/" + categoryId + "/" + c.fact() + "/" + c.per();
            if (seen.containsKey(key)) {
                cells.duplicate(r, "fact", "chỉ tiêu " + c.fact().jsonName() + " của " + categoryId + " trong phạm vi " + scopeId,
                        "indicator " + c.fact().jsonName() + " of " + categoryId + " in scope " + scopeId, seen.get(key));
                continue;
            }
            seen.put(key, r);
            out.add(new IndicatorRow(scopeId, categoryId, c, labelVi, labelEn, legal, r.source("threshold")));
        }
        return out;
    }

    // ---- ScreeningDrugTypes: id, severity, minimumCriteria, labelVi, labelEn, legalBasis -----------------------------

    private List<DrugType> drugTypes(List<SheetRow> rows, Map<String, SheetRow> byId) {
        Map<Integer, SheetRow> bySeverity = new HashMap<>();
        List<DrugType> out = new ArrayList<>();
        for (SheetRow r : rows) {
            String id = cells.identifier(r, "id");
            Integer severity = cells.integer(r, "severity", true, 1, 1000);
            boolean minimumOk = r.get("minimumCriteria") == null;
            Integer minimum = cells.integer(r, "minimumCriteria", false, 1, 1000);
            minimumOk |= minimum != null;
            String labelVi = cells.required(r, "labelVi");
            String labelEn = cells.required(r, "labelEn");
            String legal = cells.required(r, "legalBasis");
            boolean ok = id != null && severity != null && minimumOk && labelVi != null && labelEn != null && legal != null;
            if (ok && byId.containsKey(id)) {
                cells.duplicate(r, "id", "loại " + id, "type " + id, byId.get(id));
                ok = false;
            }
            if (ok && bySeverity.containsKey(severity)) {
                cells.duplicate(r, "severity", "mức độ " + severity, "severity " + severity, bySeverity.get(severity));
                ok = false;
            }
            if (!ok) {
                if (r.get("id") != null) broken.add(r.get("id"));
                continue;
            }
            byId.put(id, r);
            bySeverity.put(severity, r);
            out.add(new DrugType(id, severity, minimum, labelVi, labelEn, legal, r.source("minimumCriteria")));
        }
        return out;
    }

    // ---- ScreeningDrugCriteria: typeId, criterionId, fact, per, comparison, threshold, lowerTypeId, lowerTypeMinimum,
    //      labelVi, labelEn, legalBasis ------------------------------------------------------------------------------

    private List<DrugCriterionRow> drugCriteria(List<SheetRow> rows, List<DrugType> types, Map<String, SheetRow> typeRows) {
        Map<String, DrugType> typeById = new HashMap<>();
        types.forEach(t -> typeById.put(t.id(), t));
        Map<String, DrugCriterionRow> firstOfCriterion = new HashMap<>();
        Map<String, SheetRow> firstRow = new HashMap<>();
        List<DrugCriterionRow> out = new ArrayList<>();
        for (SheetRow r : rows) {
            String typeId = cells.required(r, "typeId");
            String criterionId = cells.identifier(r, "criterionId");
            if (typeId == null || broken.contains(typeId)) continue;
            DrugType type = typeById.get(typeId);
            boolean ok = criterionId != null;
            if (type == null) {
                cells.problem(r, "typeId", "unknown_type", "Loại \"" + typeId + "\" không có trong bảng ScreeningDrugTypes.",
                        "Type \"" + typeId + "\" is not in the ScreeningDrugTypes table.");
                ok = false;
            }
            Condition c = condition(r);
            String lowerId = r.get("lowerTypeId");
            Integer lowerMinimum = null;
            if (lowerId == null) {
                ok &= cells.blank(r, "lowerTypeMinimum", "Chỉ tiêu chí có loại thấp hơn (lowerTypeId) mới cần số tiêu chí tối thiểu của loại đó.",
                        "Only a criterion with a lower type (lowerTypeId) needs a minimum number of that type's criteria.");
            } else {
                lowerMinimum = cells.integer(r, "lowerTypeMinimum", true, 1, 1000);
                DrugType lower = typeById.get(lowerId);
                if (lower == null) {
                    if (!broken.contains(lowerId)) {
                        cells.problem(r, "lowerTypeId", "unknown_type", "Loại \"" + lowerId + "\" không có trong bảng ScreeningDrugTypes.",
                                "Type \"" + lowerId + "\" is not in the ScreeningDrugTypes table.");
                    }
                    ok = false;
                } else if (type != null && lower.severity() >= type.severity()) {
                    cells.problem(r, "lowerTypeId", "lower_type_not_lower",
                            "Loại " + lowerId + " không thấp hơn loại " + typeId + " (mức độ " + lower.severity() + " so với " + type.severity() + ").",
                            "Type " + lowerId + " is not less severe than type " + typeId + " (severity " + lower.severity() + " against " + type.severity() + ").");
                    ok = false;
                }
                ok &= lowerMinimum != null;
            }
            String labelVi = cells.required(r, "labelVi");
            String labelEn = cells.required(r, "labelEn");
            String legal = cells.required(r, "legalBasis");
            if (!ok || c == null || labelVi == null || labelEn == null || legal == null) continue;
            DrugCriterionRow row = new DrugCriterionRow(typeId, criterionId, c, lowerId, lowerMinimum, labelVi, labelEn, legal,
                    r.source("threshold"));
            DrugCriterionRow first = firstOfCriterion.get(criterionId);
            if (first != null && !(first.typeId().equals(typeId) && Objects.equals(first.lowerTypeId(), lowerId)
                    && Objects.equals(first.lowerTypeMinimum(), lowerMinimum))) {
                SheetRow f = firstRow.get(criterionId);
                cells.problem(r, "criterionId", "inconsistent_criterion",
                        "Các dòng của tiêu chí " + criterionId + " phải cùng loại và cùng yêu cầu về loại thấp hơn như dòng " + f.row() + ".",
                        "The rows of criterion " + criterionId + " must have the same type and lower-type requirement as row " + f.row() + ".");
                continue;
            }
            firstOfCriterion.putIfAbsent(criterionId, row);
            firstRow.putIfAbsent(criterionId, r);
            out.add(row);
        }
        // A type someone has started to fill in needs its minimum, and a minimum no set of its criteria can reach
        // would make the type impossible: both are mistakes, not policy.
        for (DrugType t : types) {
            long n = firstOfCriterion.values().stream().filter(c -> c.typeId().equals(t.id())).count();
            SheetRow r = typeRows.get(t.id());
            if (n > 0 && t.minimumCriteria() == null) {
                cells.problem(r, "minimumCriteria", "required",
                        "Loại " + t.id() + " đã có " + n + " tiêu chí nhưng chưa có số tiêu chí tối thiểu (minimumCriteria).",
                        "Type " + t.id() + " has " + n + " criteria but no minimum number of them (minimumCriteria).");
            } else if (n > 0 && t.minimumCriteria() > n) {
                cells.problem(r, "minimumCriteria", "minimum_unreachable",
                        "Loại " + t.id() + " cần " + t.minimumCriteria() + " tiêu chí nhưng bảng chỉ có " + n + ", nên không xã nào đạt được.",
                        "Type " + t.id() + " needs " + t.minimumCriteria() + " criteria but the table has only " + n + ", so no commune could meet it.");
            }
        }
        return out;
    }

    // ---- ScreeningStatuses: id, effect, fact, per, comparison, threshold, priority, labelVi, labelEn, legalBasis -----

    private List<StatusRule> statuses(List<SheetRow> rows) {
        Map<String, SheetRow> byId = new HashMap<>();
        Map<Integer, SheetRow> byPriority = new HashMap<>();
        List<StatusRule> out = new ArrayList<>();
        for (SheetRow r : rows) {
            String id = cells.identifier(r, "id");
            StatusRule.Effect effect = cells.enumValue(r, "effect", StatusRule.Effect.class);
            Condition c = condition(r);
            Integer priority = cells.integer(r, "priority", true, 1, 1000);
            String labelVi = cells.required(r, "labelVi");
            String labelEn = cells.required(r, "labelEn");
            String legal = cells.required(r, "legalBasis");
            if (id == null || effect == null || c == null || priority == null || labelVi == null || labelEn == null || legal == null) continue;
            if (byId.containsKey(id)) {
                cells.duplicate(r, "id", "quy tắc " + id, "rule " + id, byId.get(id));
                continue;
            }
            if (byPriority.containsKey(priority)) {
                cells.duplicate(r, "priority", "thứ tự ưu tiên " + priority, "priority " + priority, byPriority.get(priority));
                continue;
            }
            byId.put(id, r);
            byPriority.put(priority, r);
            out.add(new StatusRule(id, effect, c, priority, labelVi, labelEn, legal, r.source("threshold")));
        }
        return out;
    }

    // ---- ScreeningRanking: position, key, fact, per, direction, labelVi, labelEn, legalBasis -------------------------

    private List<RankingKey> ranking(List<SheetRow> rows) {
        Map<Integer, SheetRow> byPosition = new HashMap<>();
        List<RankingKey> out = new ArrayList<>();
        for (SheetRow r : rows) {
            Integer position = cells.integer(r, "position", true, 1, 1000);
            RankingKey.Key key = cells.enumValue(r, "key", RankingKey.Key.class);
            RankingKey.Direction direction = cells.enumValue(r, "direction", RankingKey.Direction.class);
            String labelVi = cells.required(r, "labelVi");
            String labelEn = cells.required(r, "labelEn");
            String legal = cells.required(r, "legalBasis");
            ScreeningFact fact = null;
            Long per = null;
            boolean ok = position != null && key != null && direction != null && labelVi != null && labelEn != null && legal != null;
            if (key == RankingKey.Key.INDICATOR) {
                fact = fact(r, Fact.Type.COUNT);
                per = per(r);
                ok &= fact != null && (per != null || r.get("per") == null);
            } else if (key != null) {
                ok &= cells.blank(r, "fact", "Chỉ khóa INDICATOR mới dùng một số liệu.", "Only the INDICATOR key uses a fact.")
                        & cells.blank(r, "per", "Chỉ khóa INDICATOR mới tính trên dân số.", "Only the INDICATOR key is per residents.");
            }
            if (!ok) continue;
            if (byPosition.containsKey(position)) {
                cells.duplicate(r, "position", "vị trí " + position, "position " + position, byPosition.get(position));
                continue;
            }
            byPosition.put(position, r);
            out.add(new RankingKey(position, key, fact, per, direction, labelVi, labelEn, legal, r.source("key")));
        }
        out.sort(java.util.Comparator.comparingInt(RankingKey::position));
        return out;
    }

    // ---- One condition: fact, per, comparison, threshold ---------------------------------------------------------------

    private Condition condition(SheetRow r) {
        ScreeningFact fact = fact(r, null);
        Comparison cmp = cells.comparison(r, "comparison");
        if (fact == null || cmp == null) return null;
        if (fact.type() == Fact.Type.FLAG) {
            boolean ok = cells.blank(r, "per", "Số liệu có/không (" + fact.jsonName() + ") không tính trên dân số.",
                    "A yes/no fact (" + fact.jsonName() + ") is not per residents.");
            if (cmp != Comparison.EQ) {
                cells.problem(r, "comparison", "bad_comparison", "Số liệu có/không chỉ so sánh bằng (=).", "A yes/no fact can only be compared with =.");
                ok = false;
            }
            Boolean expected = cells.flag(r, "threshold");
            return ok && expected != null ? new Condition(fact, null, cmp, null, expected) : null;
        }
        Long per = per(r);
        if (per == null && r.get("per") != null) return null;
        BigDecimal threshold = cells.nonNegative(r, "threshold", true);
        if (threshold == null) return null;
        if (per == null && threshold.stripTrailingZeros().scale() > 0) {
            cells.problem(r, "threshold", "not_an_integer", "Ngưỡng của một số đếm (không tính trên dân số) phải là số nguyên.",
                    "The threshold of a count (not per residents) must be a whole number.");
            return null;
        }
        return new Condition(fact, per, cmp, threshold, null);
    }

    /** @param type null for any */
    private ScreeningFact fact(SheetRow r, Fact.Type type) {
        String name = cells.required(r, "fact");
        if (name == null) return null;
        ScreeningFact f = ScreeningFact.byName(name);
        if (f == null || (type != null && f.type() != type)) {
            cells.problem(r, "fact", "unknown_fact",
                    "\"" + name + "\" không phải số liệu " + (type == Fact.Type.COUNT ? "đếm " : "") + "của yêu cầu sàng lọc.",
                    "\"" + name + "\" is not a " + (type == Fact.Type.COUNT ? "count " : "") + "fact of the screening request.");
            return null;
        }
        return f;
    }

    /** Blank, or residents per how many (100 for a percentage, 10000 for a rate per 10,000). */
    private Long per(SheetRow r) {
        Integer per = cells.integer(r, "per", false, 1, 1_000_000);
        return per == null ? null : per.longValue();
    }
}
