package vn.chuyenhoa.ruleset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.chuyenhoa.evaluation.Comparison;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.Scope;
import vn.chuyenhoa.monitoring.RelapsePolicy;
import vn.chuyenhoa.monitoring.RelapseReason;
import vn.chuyenhoa.monitoring.RelapseSettings;
import vn.chuyenhoa.monitoring.ReportFacts;

/**
 * Reads the relapse-monitoring tables ({@code Relapse…} RuleTables, shipped in {@code monitoring.drl.xlsx}) into a
 * {@link RelapsePolicy}, checking every cell. Rows belong to profiles of the Profiles table; a row of a profile already
 * reported as broken is skipped rather than reported again.
 */
final class RelapseTables {

    private final Cells cells;

    private RelapseTables(List<LoadProblem> problems) {
        this.cells = new Cells(problems);
    }

    static RelapsePolicy read(List<SheetRow> rows, List<Profile> profiles, Set<String> brokenProfiles,
                              List<LoadProblem> problems) {
        return new RelapseTables(problems).read(rows, profiles, brokenProfiles);
    }

    private RelapsePolicy read(List<SheetRow> rows, List<Profile> profiles, Set<String> brokenProfiles) {
        Map<String, Profile> byId = new HashMap<>();
        profiles.forEach(p -> byId.put(p.id(), p));
        List<RelapseReason> reasons = new ArrayList<>();
        List<RelapseSettings> settings = new ArrayList<>();
        Map<String, SheetRow> seenReasons = new HashMap<>();
        Map<String, SheetRow> seenSettings = new HashMap<>();
        boolean brokenSettings = false;
        for (SheetRow r : rows) {
            String t = r.table().toLowerCase(Locale.ROOT);
            boolean isReason = t.startsWith("relapsereasons");
            if (!isReason && !t.startsWith("relapsesettings")) {
                cells.problem(r, "", "unknown_table",
                        "Không rõ bảng \"" + r.table() + "\": bảng theo dõi tái phức tạp phải là RelapseReasons hoặc RelapseSettings.",
                        "Unknown table \"" + r.table() + "\": a relapse-monitoring table is RelapseReasons or RelapseSettings.");
                continue;
            }
            String profileId = cells.required(r, "profileId");
            if (profileId == null || brokenProfiles.contains(profileId)) {
                brokenSettings |= !isReason;
                continue;
            }
            boolean ok = true;
            if (!byId.containsKey(profileId)) {
                cells.problem(r, "profileId", "unknown_profile", "Mã bộ tiêu chí \"" + profileId + "\" không có trong bảng Profiles.",
                        "Profile id \"" + profileId + "\" is not in the Profiles table.");
                ok = false;
            }
            if (isReason) {
                RelapseReason reason = reason(r, profileId);
                if (!ok || reason == null) continue;
                String key = profileId + "/" + reason.id();
                if (seenReasons.containsKey(key)) {
                    cells.duplicate(r, "reasonId", "lý do " + reason.id() + " của " + profileId, "reason " + reason.id() + " of " + profileId, seenReasons.get(key));
                    continue;
                }
                seenReasons.put(key, r);
                reasons.add(reason);
            } else {
                Integer years = cells.integer(r, "monitoringWindowYears", true, 1, 50);
                String legal = cells.required(r, "legalBasis");
                if (!ok || years == null || legal == null) {
                    brokenSettings = true;
                    continue;
                }
                if (seenSettings.containsKey(profileId)) {
                    cells.duplicate(r, "profileId", "thời gian theo dõi của " + profileId, "monitoring window of " + profileId, seenSettings.get(profileId));
                    continue;
                }
                seenSettings.put(profileId, r);
                settings.add(new RelapseSettings(profileId, years, legal, r.source("monitoringWindowYears")));
            }
        }
        // Every area is covered by a national profile; with a window there, every report has one.
        boolean nationalWindow = settings.stream().anyMatch(s -> byId.get(s.profileId()).scope().level() == Scope.Level.NATIONAL);
        // (a broken settings row is reported already, and may be the national one)
        if (!rows.isEmpty() && !nationalWindow && !brokenSettings) {
            SheetRow anchor = rows.stream().filter(r -> r.table().toLowerCase(Locale.ROOT).startsWith("relapsesettings"))
                    .findFirst().orElse(rows.get(0));
            cells.tableProblem(anchor, "no_national_window",
                    "Bảng RelapseSettings cần một dòng cho bộ tiêu chí toàn quốc (phạm vi trống) để mọi địa bàn đều có thời gian theo dõi.",
                    "The RelapseSettings table needs a row for the national profile (blank scope) so that every area has a monitoring window.");
        }
        return new RelapsePolicy(reasons, settings);
    }

    // RelapseReasons: profileId, reasonId, enabled, kind, fact, comparison, threshold, labelVi, labelEn, legalBasis
    private RelapseReason reason(SheetRow r, String profileId) {
        String id = cells.identifier(r, "reasonId");
        Boolean enabled = cells.flag(r, "enabled");
        RelapseReason.Kind kind = cells.enumValue(r, "kind", RelapseReason.Kind.class);
        Comparison cmp = cells.comparison(r, "comparison");
        String labelVi = cells.required(r, "labelVi");
        String labelEn = cells.required(r, "labelEn");
        String legal = cells.required(r, "legalBasis");
        String fact = cells.required(r, "fact");
        if (id == null || enabled == null || kind == null || cmp == null || labelVi == null || labelEn == null
                || legal == null || fact == null) return null;
        BigDecimal threshold = null;
        Boolean expected = null;
        List<Fact> baseline = List.of(), current = List.of();
        switch (kind) {
            case FLAG -> {
                if (!factOfType(r, fact, Fact.Type.FLAG)) return null;
                if (cmp != Comparison.EQ) {
                    cells.problem(r, "comparison", "bad_comparison", "Lý do dạng có/không (FLAG) chỉ so sánh bằng (=).",
                            "A FLAG reason can only be compared with =.");
                    return null;
                }
                expected = cells.flag(r, "threshold");
                if (expected == null) return null;
            }
            case COUNT -> {
                if (!factOfType(r, fact, Fact.Type.COUNT)) return null;
                threshold = cells.nonNegative(r, "threshold", true);
                if (threshold == null) return null;
                if (threshold.stripTrailingZeros().scale() > 0) {
                    cells.problem(r, "threshold", "not_an_integer", "Ngưỡng của lý do dạng đếm (COUNT) phải là số nguyên.",
                            "The threshold of a COUNT reason must be a whole number.");
                    return null;
                }
            }
            case ABOVE_BASELINE -> {
                List<String> stems = Arrays.stream(fact.split("\\+")).map(String::strip).toList();
                for (String s : stems) {
                    if (Fact.byName(s + "Baseline") == null || Fact.byName(s + "Current") == null) {
                        cells.problem(r, "fact", "unknown_basis",
                                "\"" + s + "\" không phải cơ sở so sánh hợp lệ (cần có " + s + "Baseline và " + s + "Current), ví dụ crimes hoặc crimes+socialEvils.",
                                "\"" + s + "\" is not a valid basis (it needs " + s + "Baseline and " + s + "Current facts), e.g. crimes or crimes+socialEvils.");
                        return null;
                    }
                }
                if (cmp != Comparison.GT && cmp != Comparison.GE) {
                    cells.problem(r, "comparison", "bad_comparison", "Lý do so với trước chuyển hóa (ABOVE_BASELINE) chỉ so sánh > hoặc >=.",
                            "An ABOVE_BASELINE reason can only be compared with > or >=.");
                    return null;
                }
                threshold = cells.nonNegative(r, "threshold", true);
                if (threshold == null) return null;
                baseline = stems.stream().map(s -> Fact.byName(s + "Baseline")).toList();
                current = stems.stream().map(s -> Fact.byName(s + "Current")).toList();
            }
        }
        return new RelapseReason(profileId, id, enabled, kind, kind == RelapseReason.Kind.ABOVE_BASELINE ? null : fact,
                baseline, current, cmp, threshold, expected, labelVi, labelEn, legal, r.source("threshold"), r.source("enabled"));
    }

    private boolean factOfType(SheetRow r, String name, Fact.Type type) {
        if (ReportFacts.typeOf(name) == type) return true;
        cells.problem(r, "fact", "unknown_fact",
                "\"" + name + "\" không phải số liệu " + (type == Fact.Type.COUNT ? "đếm" : "có/không") + " của báo cáo theo dõi.",
                "\"" + name + "\" is not a " + (type == Fact.Type.COUNT ? "count" : "yes/no") + " fact of a monitoring report.");
        return false;
    }
}
