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
import vn.chuyenhoa.evaluation.TableSource;

/**
 * What changed between two versions, in the terms policy staff use ("VIET_YEN_2024: threshold of CRIME_REDUCTION
 * 10 → 12"), not bytes. Compares what the compiled tables say, so moving a row or reformatting a cell is no change.
 */
public final class PolicyDiff {

    /** One change. {@code source} is where it now stands (or stood, for a removal). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @io.swagger.v3.oas.annotations.media.Schema(name = "PolicyChange")
    public record Change(String kind, String profileId, String criterionId, String field, String from, String to,
                         TableSource source, String descriptionVi, String descriptionEn) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "PolicyDiff")
    public record Diff(String from, String to, List<Change> changes, Map<String, Integer> counts,
                       List<String> filesAdded, List<String> filesRemoved, List<String> filesChanged) {}

    private PolicyDiff() {}

    public static Diff between(RulesetSnapshot a, RulesetSnapshot b) {
        List<Change> changes = new ArrayList<>();
        criteria(a.engine().policy(), b.engine().policy(), changes);
        profiles(a.engine().policy(), b.engine().policy(), changes);
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

    private static void criteria(Policy a, Policy b, List<Change> out) {
        Set<String> ids = new LinkedHashSet<>();
        a.criteria().forEach(c -> ids.add(c.id()));
        b.criteria().forEach(c -> ids.add(c.id()));
        for (String id : ids) {
            Criterion x = a.criterion(id).orElse(null), y = b.criterion(id).orElse(null);
            if (x == null) {
                out.add(new Change("CRITERION_ADDED", null, id, null, null, y.labelEn(), y.source(),
                        "Thêm tiêu chí " + id + " vào danh mục.", "Criterion " + id + " added to the catalogue."));
            } else if (y == null) {
                out.add(new Change("CRITERION_REMOVED", null, id, null, x.labelEn(), null, x.source(),
                        "Bỏ tiêu chí " + id + " khỏi danh mục.", "Criterion " + id + " removed from the catalogue."));
            } else {
                field(out, "CRITERION_CHANGED", null, id, "labelVi", x.labelVi(), y.labelVi(), y.source());
                field(out, "CRITERION_CHANGED", null, id, "labelEn", x.labelEn(), y.labelEn(), y.source());
                field(out, "CRITERION_CHANGED", null, id, "kind", x.kind(), y.kind(), y.source());
                field(out, "CRITERION_CHANGED", null, id, "comparison", x.comparison().symbol(), y.comparison().symbol(), y.source());
                field(out, "CRITERION_CHANGED", null, id, "fact", x.fact(), y.fact(), y.source());
                field(out, "CRITERION_CHANGED", null, id, "denominatorFact", x.denominator(), y.denominator(), y.source());
                field(out, "CRITERION_CHANGED", null, id, "basis", x.basis(), y.basis(), y.source());
                field(out, "CRITERION_CHANGED", null, id, "remedyVi", x.remedyVi(), y.remedyVi(), y.source());
                field(out, "CRITERION_CHANGED", null, id, "remedyEn", x.remedyEn(), y.remedyEn(), y.source());
                field(out, "CRITERION_CHANGED", null, id, "legalBasis", x.legalBasis(), y.legalBasis(), y.source());
            }
        }
    }

    private static void profiles(Policy a, Policy b, List<Change> out) {
        Set<String> ids = new LinkedHashSet<>();
        a.profiles().forEach(p -> ids.add(p.id()));
        b.profiles().forEach(p -> ids.add(p.id()));
        for (String id : ids) {
            Profile x = a.profile(id).orElse(null), y = b.profile(id).orElse(null);
            if (x == null) {
                out.add(new Change("PROFILE_ADDED", id, null, null, null, y.labelEn(), y.source(),
                        "Thêm bộ tiêu chí " + id + " (" + y.scope().describeVi() + ", " + y.requirements().size() + " tiêu chí).",
                        "Profile " + id + " added (" + y.scope().describeEn() + ", " + y.requirements().size() + " criteria)."));
                continue;
            }
            if (y == null) {
                out.add(new Change("PROFILE_REMOVED", id, null, null, x.labelEn(), null, x.source(),
                        "Bỏ bộ tiêu chí " + id + ".", "Profile " + id + " removed."));
                continue;
            }
            field(out, "PROFILE_CHANGED", id, null, "labelVi", x.labelVi(), y.labelVi(), y.source());
            field(out, "PROFILE_CHANGED", id, null, "labelEn", x.labelEn(), y.labelEn(), y.source());
            field(out, "PROFILE_CHANGED", id, null, "scope", x.scope().describeEn(), y.scope().describeEn(), y.source());
            field(out, "PROFILE_CHANGED", id, null, "validFrom", x.validFrom(), y.validFrom(), y.source());
            field(out, "PROFILE_CHANGED", id, null, "validTo", x.validTo(), y.validTo(), y.source());
            field(out, "PROFILE_CHANGED", id, null, "legalBasis", x.legalBasis(), y.legalBasis(), y.source());
            requirements(x, y, out);
        }
    }

    private static void requirements(Profile x, Profile y, List<Change> out) {
        Map<String, Requirement> rx = new LinkedHashMap<>(), ry = new LinkedHashMap<>();
        x.requirements().forEach(r -> rx.put(r.id(), r));
        y.requirements().forEach(r -> ry.put(r.id(), r));
        Set<String> ids = new LinkedHashSet<>(rx.keySet());
        ids.addAll(ry.keySet());
        for (String c : ids) {
            Requirement a = rx.get(c), b = ry.get(c);
            if (a == null) {
                out.add(new Change("CRITERION_ADDED_TO_PROFILE", y.id(), c, "threshold", null, threshold(b), b.source(),
                        "Bộ tiêu chí " + y.id() + ": thêm tiêu chí " + c + " (ngưỡng " + threshold(b) + ").",
                        "Profile " + y.id() + ": criterion " + c + " added (threshold " + threshold(b) + ")."));
            } else if (b == null) {
                out.add(new Change("CRITERION_REMOVED_FROM_PROFILE", x.id(), c, "threshold", threshold(a), null, a.source(),
                        "Bộ tiêu chí " + x.id() + ": bỏ tiêu chí " + c + ".", "Profile " + x.id() + ": criterion " + c + " removed."));
            } else {
                if (!Objects.equals(threshold(a), threshold(b))) {
                    out.add(new Change("THRESHOLD_CHANGED", y.id(), c, "threshold", threshold(a), threshold(b), b.source(),
                            "Bộ tiêu chí " + y.id() + ": ngưỡng của " + c + " " + threshold(a) + " → " + threshold(b) + ".",
                            "Profile " + y.id() + ": threshold of " + c + " " + threshold(a) + " → " + threshold(b) + "."));
                }
                field(out, "BASIS_CHANGED", y.id(), c, "basis",
                        a.baseline().stream().map(f -> f.jsonName()).toList(), b.baseline().stream().map(f -> f.jsonName()).toList(), b.source());
                field(out, "REQUIREMENT_CHANGED", y.id(), c, "legalBasis", a.legalBasis(), b.legalBasis(), b.source());
            }
        }
    }

    private static String threshold(Requirement r) {
        String cmp = r.comparison().symbol() + " ";
        if (r.expectedFlag() != null) return cmp + r.expectedFlag();
        if (r.threshold() == null) return cmp + "baseline";
        return cmp + r.threshold().stripTrailingZeros().toPlainString();
    }

    private static void field(List<Change> out, String kind, String profileId, String criterionId, String field,
                              Object from, Object to, TableSource source) {
        if (Objects.equals(from, to)) return;
        String subject = profileId != null ? (criterionId != null ? profileId + " / " + criterionId : profileId) : criterionId;
        out.add(new Change(kind, profileId, criterionId, field, from == null ? null : from.toString(), to == null ? null : to.toString(),
                source, subject + ": " + field + " \"" + from + "\" → \"" + to + "\".",
                subject + ": " + field + " \"" + from + "\" → \"" + to + "\"."));
    }
}
