package vn.chuyenhoa.ruleset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.chuyenhoa.evaluation.Criterion;
import vn.chuyenhoa.evaluation.Policy;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.Requirement;
import vn.chuyenhoa.kernel.TableSource;

/**
 * What changed between two versions, in the terms policy staff use ("VIET_YEN_2024: threshold of CRIME_REDUCTION
 * 10 → 12"), not bytes, across every workbook: the criteria and profiles as the compiled policy says them, and the
 * programme settings, screening tables, relapse reasons and staff test cases row by row from their cells (which case,
 * which expectation, old → new). A changed threshold or setting carries the legal-basis cell of its row, changed or
 * not, so an unchanged "ít nhất 10%" beside a new 12% is visible. Moving a row or reformatting a cell is no change.
 */
final class PolicyDiff {

    /**
     * One change. {@code source} is where it now stands (or stood, for a removal); {@code subject} names the row
     * (a setting's profile and key, a test case's name); {@code fieldVi}/{@code fieldEn} label the column as its table
     * does; {@code legalBasis}/{@code legalBasisCell} are the legal-basis cell of the changed row, shown beside the
     * value, and {@code legalBasisChanged} says whether it changed too.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @io.swagger.v3.oas.annotations.media.Schema(name = "PolicyChange")
    public record Change(String kind, String profileId, String criterionId, String field, String from, String to,
                         TableSource source, String descriptionVi, String descriptionEn, String subject,
                         String fieldVi, String fieldEn, String legalBasis, String legalBasisCell,
                         Boolean legalBasisChanged) {

        Change(String kind, String profileId, String criterionId, String field, String from, String to,
               TableSource source, String descriptionVi, String descriptionEn) {
            this(kind, profileId, criterionId, field, from, to, source, descriptionVi, descriptionEn, null,
                    FIELD_VI.getOrDefault(field, field), FIELD_EN.getOrDefault(field, field), null, null, null);
        }
    }

    private static final Map<String, String> FIELD_VI = Map.ofEntries(Map.entry("labelVi", "Tên (tiếng Việt)"),
            Map.entry("labelEn", "Tên (tiếng Anh)"), Map.entry("kind", "Loại tiêu chí"), Map.entry("comparison", "Phép so sánh"),
            Map.entry("fact", "Số liệu"), Map.entry("denominatorFact", "Số liệu mẫu số"), Map.entry("basis", "Cơ sở so sánh"),
            Map.entry("remedyVi", "Gợi ý khắc phục (tiếng Việt)"), Map.entry("remedyEn", "Gợi ý khắc phục (tiếng Anh)"),
            Map.entry("legalBasis", "Căn cứ"), Map.entry("scope", "Phạm vi"), Map.entry("validFrom", "Hiệu lực từ"),
            Map.entry("validTo", "Hiệu lực đến"), Map.entry("threshold", "Ngưỡng"));
    private static final Map<String, String> FIELD_EN = Map.ofEntries(Map.entry("labelVi", "Name (Vietnamese)"),
            Map.entry("labelEn", "Name (English)"), Map.entry("kind", "Kind"), Map.entry("comparison", "Comparison"),
            Map.entry("fact", "Fact"), Map.entry("denominatorFact", "Denominator fact"), Map.entry("basis", "Basis"),
            Map.entry("remedyVi", "Remedy (Vietnamese)"), Map.entry("remedyEn", "Remedy (English)"),
            Map.entry("legalBasis", "Legal basis"), Map.entry("scope", "Scope"), Map.entry("validFrom", "Valid from"),
            Map.entry("validTo", "Valid to"), Map.entry("threshold", "Threshold"));

    @io.swagger.v3.oas.annotations.media.Schema(name = "PolicyDiff")
    public record Diff(String from, String to, List<Change> changes, Map<String, Integer> counts,
                       List<String> filesAdded, List<String> filesRemoved, List<String> filesChanged) {}

    private PolicyDiff() {}

    /**
     * Profiles and criteria by the names their tables give them, the newer version's first (a removed one keeps the
     * older's): what a description and a page say instead of the code; the code alone when a row has no name.
     */
    public record Names(Policy a, Policy b) {

        public String profile(String id, boolean en) {
            if (id == null) return "";
            return b.profile(id).or(() -> a.profile(id)).map(p -> en ? p.labelEn() : p.labelVi())
                    .filter(l -> l != null && !l.isBlank()).orElse(id);
        }

        public String criterion(String id, boolean en) {
            if (id == null) return "";
            return b.criterion(id).or(() -> a.criterion(id)).map(c -> en ? c.labelEn() : c.labelVi())
                    .filter(l -> l != null && !l.isBlank()).orElse(id);
        }

        /** In a sentence: the name in guillemets, as the descriptions quote table text. */
        String profileVi(String id) { return "«" + profile(id, false) + "»"; }
        String profileEn(String id) { return "«" + profile(id, true) + "»"; }
        String criterionVi(String id) { return "«" + criterion(id, false) + "»"; }
        String criterionEn(String id) { return "«" + criterion(id, true) + "»"; }
    }

    public static Diff between(RulesetSnapshot a, RulesetSnapshot b) {
        List<Change> changes = new ArrayList<>();
        TableData cellsA = TableData.of(a.files(), READ_ALL), cellsB = TableData.of(b.files(), READ_ALL);
        Names names = new Names(a.engine().policy(), b.engine().policy());
        criteria(a.engine().policy(), b.engine().policy(), names, changes);
        profiles(a.engine().policy(), b.engine().policy(), names, changes);
        withLegalBasis(changes, cellsA, cellsB);
        TableDiff.rows(cellsA, cellsB, names, changes);
        Map<String, Integer> counts = new LinkedHashMap<>();
        changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));

        Map<String, byte[]> fa = new LinkedHashMap<>(), fb = new LinkedHashMap<>();
        a.files().forEach(f -> fa.put(f.path(), f.content()));
        b.files().forEach(f -> fb.put(f.path(), f.content()));
        List<String> added = fb.keySet().stream().filter(p -> !fa.containsKey(p)).toList();
        List<String> removed = fa.keySet().stream().filter(p -> !fb.containsKey(p)).toList();
        List<String> changed = fa.keySet().stream().filter(p -> fb.containsKey(p) && !Arrays.equals(fa.get(p), fb.get(p))).toList();
        return new Diff(a.versionId(), b.versionId(), changes, counts, added, removed, changed);
    }

    private static final int READ_ALL = Integer.MAX_VALUE - 100;

    /** A changed threshold is shown beside its row's legal-basis cell, whether that changed or not. */
    private static void withLegalBasis(List<Change> changes, TableData a, TableData b) {
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            if (!c.kind().equals("THRESHOLD_CHANGED") || c.source() == null) continue;
            TableData.Row now = b.row(c.source().file(), c.source().sheet(), c.source().row());
            if (now == null) continue;
            TableData.Row then = a.rows().stream().filter(r -> r.file().equals(now.file()) && r.sheet().equals(now.sheet())
                    && Objects.equals(r.get("profileId"), now.get("profileId")) && Objects.equals(r.get("criterionId"), now.get("criterionId")))
                    .findFirst().orElse(null);
            String basis = now.get("legalBasis");
            boolean changed = then != null && !Objects.equals(then.get("legalBasis"), basis);
            String at = now.origin().cell("legalBasis");
            changes.set(i, new Change(c.kind(), c.profileId(), c.criterionId(), c.field(), c.from(), c.to(), c.source(),
                    c.descriptionVi() + (basis == null ? "" : " Căn cứ (" + at + (changed ? ", đã sửa" : ", không đổi") + "): «" + basis + "»."),
                    c.descriptionEn() + (basis == null ? "" : " Legal basis (" + at + (changed ? ", changed" : ", unchanged") + "): «" + basis + "»."),
                    c.profileId() + " / " + c.criterionId(), c.fieldVi(), c.fieldEn(), basis, at, changed));
        }
    }

    private static void criteria(Policy a, Policy b, Names n, List<Change> out) {
        Set<String> ids = new LinkedHashSet<>();
        a.criteria().forEach(c -> ids.add(c.id()));
        b.criteria().forEach(c -> ids.add(c.id()));
        for (String id : ids) {
            Criterion x = a.criterion(id).orElse(null), y = b.criterion(id).orElse(null);
            if (x == null) {
                out.add(new Change("CRITERION_ADDED", null, id, null, null, y.labelEn(), y.source(),
                        "Thêm tiêu chí " + n.criterionVi(id) + " vào danh mục.", "Criterion " + n.criterionEn(id) + " added to the catalogue."));
            } else if (y == null) {
                out.add(new Change("CRITERION_REMOVED", null, id, null, x.labelEn(), null, x.source(),
                        "Bỏ tiêu chí " + n.criterionVi(id) + " khỏi danh mục.", "Criterion " + n.criterionEn(id) + " removed from the catalogue."));
            } else {
                field(out, n, "CRITERION_CHANGED", null, id, "labelVi", x.labelVi(), y.labelVi(), y.source());
                field(out, n, "CRITERION_CHANGED", null, id, "labelEn", x.labelEn(), y.labelEn(), y.source());
                field(out, n, "CRITERION_CHANGED", null, id, "kind", x.kind(), y.kind(), y.source());
                field(out, n, "CRITERION_CHANGED", null, id, "comparison", x.comparison(), y.comparison(), y.source());
                field(out, n, "CRITERION_CHANGED", null, id, "fact", x.fact(), y.fact(), y.source());
                field(out, n, "CRITERION_CHANGED", null, id, "denominatorFact", x.denominator(), y.denominator(), y.source());
                field(out, n, "CRITERION_CHANGED", null, id, "basis", x.basis(), y.basis(), y.source());
                field(out, n, "CRITERION_CHANGED", null, id, "remedyVi", x.remedyVi(), y.remedyVi(), y.source());
                field(out, n, "CRITERION_CHANGED", null, id, "remedyEn", x.remedyEn(), y.remedyEn(), y.source());
                field(out, n, "CRITERION_CHANGED", null, id, "legalBasis", x.legalBasis(), y.legalBasis(), y.source());
            }
        }
    }

    private static void profiles(Policy a, Policy b, Names n, List<Change> out) {
        Set<String> ids = new LinkedHashSet<>();
        a.profiles().forEach(p -> ids.add(p.id()));
        b.profiles().forEach(p -> ids.add(p.id()));
        for (String id : ids) {
            Profile x = a.profile(id).orElse(null), y = b.profile(id).orElse(null);
            if (x == null) {
                out.add(new Change("PROFILE_ADDED", id, null, null, null, y.labelEn(), y.source(),
                        "Thêm bộ tiêu chí " + n.profileVi(id) + " (" + y.scope().describeVi() + ", " + y.requirements().size() + " tiêu chí).",
                        "Profile " + n.profileEn(id) + " added (" + y.scope().describeEn() + ", " + y.requirements().size() + " criteria)."));
                continue;
            }
            if (y == null) {
                out.add(new Change("PROFILE_REMOVED", id, null, null, x.labelEn(), null, x.source(),
                        "Bỏ bộ tiêu chí " + n.profileVi(id) + ".", "Profile " + n.profileEn(id) + " removed."));
                continue;
            }
            field(out, n, "PROFILE_CHANGED", id, null, "labelVi", x.labelVi(), y.labelVi(), y.source());
            field(out, n, "PROFILE_CHANGED", id, null, "labelEn", x.labelEn(), y.labelEn(), y.source());
            field(out, n, "PROFILE_CHANGED", id, null, "scope", x.scope(), y.scope(), y.source());
            field(out, n, "PROFILE_CHANGED", id, null, "validFrom", x.validFrom(), y.validFrom(), y.source());
            field(out, n, "PROFILE_CHANGED", id, null, "validTo", x.validTo(), y.validTo(), y.source());
            field(out, n, "PROFILE_CHANGED", id, null, "legalBasis", x.legalBasis(), y.legalBasis(), y.source());
            requirements(x, y, n, out);
        }
    }

    private static void requirements(Profile x, Profile y, Names n, List<Change> out) {
        Map<String, Requirement> rx = new LinkedHashMap<>(), ry = new LinkedHashMap<>();
        x.requirements().forEach(r -> rx.put(r.id(), r));
        y.requirements().forEach(r -> ry.put(r.id(), r));
        Set<String> ids = new LinkedHashSet<>(rx.keySet());
        ids.addAll(ry.keySet());
        for (String c : ids) {
            Requirement a = rx.get(c), b = ry.get(c);
            if (a == null) {
                out.add(new Change("CRITERION_ADDED_TO_PROFILE", y.id(), c, "threshold", null, threshold(b), b.source(),
                        "Bộ tiêu chí " + n.profileVi(y.id()) + ": thêm tiêu chí " + n.criterionVi(c) + " (ngưỡng " + DiffWords.threshold(b, false) + ").",
                        "Profile " + n.profileEn(y.id()) + ": criterion " + n.criterionEn(c) + " added (threshold " + DiffWords.threshold(b, true) + ")."));
            } else if (b == null) {
                out.add(new Change("CRITERION_REMOVED_FROM_PROFILE", x.id(), c, "threshold", threshold(a), null, a.source(),
                        "Bộ tiêu chí " + n.profileVi(x.id()) + ": bỏ tiêu chí " + n.criterionVi(c) + " (ngưỡng " + DiffWords.threshold(a, false) + ").",
                        "Profile " + n.profileEn(x.id()) + ": criterion " + n.criterionEn(c) + " removed (threshold " + DiffWords.threshold(a, true) + ")."));
            } else {
                if (!Objects.equals(threshold(a), threshold(b))) {
                    out.add(new Change("THRESHOLD_CHANGED", y.id(), c, "threshold", threshold(a), threshold(b), b.source(),
                            "Bộ tiêu chí " + n.profileVi(y.id()) + ": ngưỡng của " + n.criterionVi(c) + " " + DiffWords.threshold(a, false)
                                    + " → " + DiffWords.threshold(b, false) + ".",
                            "Profile " + n.profileEn(y.id()) + ": threshold of " + n.criterionEn(c) + " " + DiffWords.threshold(a, true)
                                    + " → " + DiffWords.threshold(b, true) + "."));
                }
                field(out, n, "BASIS_CHANGED", y.id(), c, "basis", a.baseline(), b.baseline(), b.source());
                field(out, n, "REQUIREMENT_CHANGED", y.id(), c, "legalBasis", a.legalBasis(), b.legalBasis(), b.source());
            }
        }
    }

    /** A threshold as the API writes it (">= 0.8"); the descriptions say it as pages do ({@link DiffWords#threshold}). */
    private static String threshold(Requirement r) {
        String cmp = r.comparison().symbol() + " ";
        if (r.expectedFlag() != null) return cmp + r.expectedFlag();
        if (r.threshold() == null) return cmp + "baseline";
        return cmp + r.threshold().stripTrailingZeros().toPlainString();
    }

    /**
     * A changed field: {@code from}/{@code to} of the change as the API writes them (">=", "2017-01-01", a scope in
     * English, facts by JSON name), the description in words ({@link DiffWords#value}).
     */
    private static void field(List<Change> out, Names n, String kind, String profileId, String criterionId, String field,
                              Object before, Object after, TableSource source) {
        String from = api(before), to = api(after);
        if (Objects.equals(from, to)) return;
        String vi = profileId != null ? "Bộ tiêu chí " + n.profileVi(profileId) + (criterionId != null ? ", tiêu chí " + n.criterionVi(criterionId) : "")
                : "Tiêu chí " + n.criterionVi(criterionId);
        String en = profileId != null ? "Profile " + n.profileEn(profileId) + (criterionId != null ? ", criterion " + n.criterionEn(criterionId) : "")
                : "Criterion " + n.criterionEn(criterionId);
        out.add(new Change(kind, profileId, criterionId, field, from, to, source,
                vi + ": " + FIELD_VI.getOrDefault(field, field) + " \"" + DiffWords.value(before, false) + "\" → \"" + DiffWords.value(after, false) + "\".",
                en + ": " + FIELD_EN.getOrDefault(field, field) + " \"" + DiffWords.value(before, true) + "\" → \"" + DiffWords.value(after, true) + "\"."));
    }

    private static String api(Object v) {
        if (v == null) return null;
        if (v instanceof vn.chuyenhoa.kernel.Comparison c) return c.symbol();
        if (v instanceof vn.chuyenhoa.evaluation.Scope s) return s.describeEn();
        if (v instanceof List<?> l) return l.stream().map(x -> x instanceof vn.chuyenhoa.evaluation.Fact f ? f.jsonName() : String.valueOf(x)).toList().toString();
        return v.toString();
    }
}
