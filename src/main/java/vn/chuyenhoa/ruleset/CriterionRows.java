package vn.chuyenhoa.ruleset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.evaluation.Criterion;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.Kind;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.Requirement;
import vn.chuyenhoa.evaluation.Scope;
import vn.chuyenhoa.kernel.Comparison;

/**
 * One row of the evaluation tables at a time, typed: a Criteria row becomes a {@link Criterion}, a Profiles row a
 * profile without its requirements, a Thresholds row a {@link Requirement} of a known criterion. What a row says about
 * other rows (unknown ids, duplicates, coverage) is the {@link PolicyReader}'s and {@link ProfileChecks}' business.
 */
final class CriterionRows {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Cells cells;

    CriterionRows(Cells cells) {
        this.cells = cells;
    }

    Criterion criterion(SheetRow r) {
        String id = cells.identifier(r, "id");
        String labelVi = cells.required(r, "labelVi");
        String labelEn = cells.required(r, "labelEn");
        String legal = cells.required(r, "legalBasis");
        Kind kind = cells.enumValue(r, "kind", Kind.class);
        Comparison cmp = cells.comparison(r, "comparison");
        if (id == null || labelVi == null || labelEn == null || legal == null || kind == null || cmp == null) return null;
        Fact fact = null, denominator = null;
        List<String> basis = List.of();
        switch (kind) {
            case RATE -> {
                fact = fact(r, "fact", Fact.Type.COUNT);
                denominator = fact(r, "denominatorFact", Fact.Type.COUNT);
                if (fact == null || denominator == null) return null;
            }
            case COUNT -> {
                fact = fact(r, "fact", Fact.Type.COUNT);
                if (fact == null) return null;
            }
            case FLAG -> {
                fact = fact(r, "fact", Fact.Type.FLAG);
                if (fact == null) return null;
                if (cmp != Comparison.EQ) {
                    cells.problem(r, "comparison", "bad_comparison", "Tiêu chí dạng cờ (FLAG) chỉ so sánh bằng (=).",
                            "A FLAG criterion can only be compared with =.");
                    return null;
                }
            }
            case REDUCTION, BELOW_BASELINE -> {
                basis = basis(r, "fact");
                if (basis == null) return null;
            }
        }
        return new Criterion(id, labelVi, labelEn, kind, cmp, fact, denominator, basis,
                r.get("remedyVi"), r.get("remedyEn"), legal, r.source("id"));
    }

    Profile profileHead(SheetRow r) {
        String id = cells.identifier(r, "id");
        String labelVi = cells.required(r, "labelVi");
        String labelEn = cells.required(r, "labelEn");
        String legal = cells.required(r, "legalBasis");
        LocalDate from = cells.date(r, "validFrom", true);
        LocalDate to = cells.date(r, "validTo", false);
        String scheme = r.get("codeScheme");
        String province = cells.code(r, "provinceCode", 2);
        String district = cells.code(r, "districtCode", 3);
        String commune = cells.code(r, "communeCode", 5);
        boolean ok = id != null && labelVi != null && labelEn != null && legal != null && from != null
                && !"!".equals(province) && !"!".equals(district) && !"!".equals(commune)
                && (to != null || r.get("validTo") == null);
        if (scheme != null && CodeScheme.parse(scheme).isEmpty()) {
            cells.problem(r, "codeScheme", "unknown_scheme", "Hệ mã phải là QD124_2004 hoặc QD19_2025, hoặc để trống cho toàn quốc.",
                    "The code scheme must be QD124_2004 or QD19_2025, or blank for the whole country.");
            ok = false;
        }
        if (scheme == null && (province != null || district != null || commune != null)) {
            cells.problem(r, "codeScheme", "scheme_required", "Phạm vi có mã địa bàn thì phải ghi hệ mã (QD124_2004 hoặc QD19_2025).",
                    "A scope with area codes needs its code scheme (QD124_2004 or QD19_2025).");
            ok = false;
        }
        if (district != null && province == null) {
            cells.problem(r, "provinceCode", "province_required", "Có mã huyện thì phải có mã tỉnh.", "A district code needs its province code.");
            ok = false;
        }
        if (district != null && "QD19_2025".equals(scheme)) {
            cells.problem(r, "districtCode", "no_districts", "Hệ mã QD19_2025 không có cấp huyện; hãy để trống mã huyện.",
                    "The QD19_2025 scheme has no districts; leave the district code blank.");
            ok = false;
        }
        if (from != null && to != null && to.isBefore(from)) {
            cells.problem(r, "validTo", "reversed_validity", "Ngày hết hiệu lực trước ngày bắt đầu hiệu lực.",
                    "The validity ends before it starts.");
            ok = false;
        }
        if (!ok) return null;
        return new Profile(id, labelVi, labelEn, new Scope(scheme, province, district, commune), from, to, legal,
                r.source("id"), List.of());
    }

    Requirement requirement(SheetRow r, Criterion c) {
        String raw = r.get("threshold");
        BigDecimal threshold = null;
        Boolean flag = null;
        switch (c.kind()) {
            case FLAG -> {
                if (raw == null) { cells.required(r, "threshold"); return null; }
                flag = cells.flag(r, "threshold", raw, "Ngưỡng của tiêu chí dạng cờ phải là true hoặc false.",
                        "The threshold of a FLAG criterion must be true or false.");
                if (flag == null) return null;
            }
            case BELOW_BASELINE -> {
                if (raw != null) {
                    cells.problem(r, "threshold", "threshold_not_used", "Tiêu chí BELOW_BASELINE so với số trước chuyển hóa; hãy để trống ô ngưỡng.",
                            "A BELOW_BASELINE criterion compares with the baseline; leave the threshold cell blank.");
                    return null;
                }
            }
            default -> {
                if (raw == null) { cells.required(r, "threshold"); return null; }
                threshold = cells.number(r, "threshold", raw, "Ngưỡng phải là một số (ví dụ 80 cho 80%).",
                        "The threshold must be a number (e.g. 80 for 80%).");
                if (threshold == null) return null;
                boolean percent = c.kind() == Kind.RATE || c.kind() == Kind.REDUCTION;
                if (threshold.signum() < 0 || (percent && threshold.compareTo(HUNDRED) > 0)) {
                    cells.problem(r, "threshold", "out_of_range",
                            percent ? "Ngưỡng tỷ lệ phải nằm trong khoảng 0–100 (phần trăm)." : "Ngưỡng không được âm.",
                            percent ? "A rate threshold must be between 0 and 100 (percent)." : "The threshold cannot be negative.");
                    return null;
                }
                if (c.kind() == Kind.COUNT && threshold.stripTrailingZeros().scale() > 0) {
                    cells.problem(r, "threshold", "not_an_integer", "Ngưỡng của tiêu chí đếm phải là số nguyên.",
                            "The threshold of a COUNT criterion must be a whole number.");
                    return null;
                }
            }
        }
        List<String> stems = c.basis();
        if (r.get("basis") != null) {
            if (c.kind() != Kind.REDUCTION && c.kind() != Kind.BELOW_BASELINE) {
                cells.problem(r, "basis", "basis_not_used", "Chỉ tiêu chí REDUCTION hoặc BELOW_BASELINE mới có cơ sở so sánh; hãy để trống.",
                        "Only REDUCTION and BELOW_BASELINE criteria have a basis; leave it blank.");
                return null;
            }
            stems = basis(r, "basis");
            if (stems == null) return null;
        }
        List<Fact> baseline = stems.stream().map(s -> Fact.byName(s + "Baseline")).toList();
        List<Fact> current = stems.stream().map(s -> Fact.byName(s + "Current")).toList();
        return new Requirement(c, threshold, flag, baseline, current, r.get("legalBasis"), r.source("threshold"));
    }

    /** Stems such as "crimes+socialEvils": each needs a {@code …Baseline} and a {@code …Current} count fact. */
    private List<String> basis(SheetRow r, String field) {
        String raw = cells.required(r, field);
        if (raw == null) return null;
        List<String> stems = Arrays.stream(raw.split("\\+")).map(String::strip).toList();
        for (String s : stems) {
            if (Fact.byName(s + "Baseline") == null || Fact.byName(s + "Current") == null) {
                cells.problem(r, field, "unknown_basis", "\"" + s + "\" không phải cơ sở so sánh hợp lệ (cần có " + s + "Baseline và " + s + "Current), ví dụ crimes, socialEvils, hotspots.",
                        "\"" + s + "\" is not a valid basis (it needs " + s + "Baseline and " + s + "Current facts), e.g. crimes, socialEvils, hotspots.");
                return null;
            }
        }
        return stems;
    }

    private Fact fact(SheetRow r, String field, Fact.Type type) {
        String name = cells.required(r, field);
        if (name == null) return null;
        Fact f = Fact.byName(name);
        if (f == null || f.type() != type) {
            cells.problem(r, field, "unknown_fact", "\"" + name + "\" không phải số liệu " + (type == Fact.Type.COUNT ? "đếm" : "có/không") + " của API.",
                    "\"" + name + "\" is not a " + (type == Fact.Type.COUNT ? "count" : "flag") + " fact of the API.");
            return null;
        }
        return f;
    }
}
