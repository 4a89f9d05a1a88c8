package vn.chuyenhoa.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.chuyenhoa.kernel.Comparison;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.ProgrammeSettings;
import vn.chuyenhoa.evaluation.Setting;
import vn.chuyenhoa.kernel.TableSource;
import java.util.LinkedHashMap;
import vn.chuyenhoa.ruleset.Cells;
import vn.chuyenhoa.ruleset.FeatureTables;
import vn.chuyenhoa.ruleset.LoadProblem;
import vn.chuyenhoa.ruleset.SheetRow;
import vn.chuyenhoa.ruleset.StaffCase;

/**
 * Reads the relapse-monitoring tables ({@code Relapse…} RuleTables, shipped in {@code monitoring.drl.xlsx}) into the
 * reasons of a {@link RelapsePolicy}, checking every cell. The monitoring window is not here: it is the
 * {@code monitoringWindowYears} row of the programme Settings table, added to the policy by {@link PolicyReader}.
 * Rows belong to profiles of the Profiles table; a row of a profile already reported as broken is skipped rather than
 * reported again.
 */
final class RelapseTables {

    private final Cells cells;

    private RelapseTables(List<LoadProblem> problems) {
        this.cells = new Cells(problems);
    }

    /** Registers the RelapseReasons tables with the ruleset loader (META-INF/services). */
    public static final class Registration implements FeatureTables {

        @Override
        public String prefix() {
            return "Relapse";
        }

        @Override
        public Class<?> type() {
            return RelapsePolicy.class;
        }

        @Override
        public Object read(List<SheetRow> rows, Context context) {
            RelapsePolicy relapse = new RelapseTables(context.problems())
                    .read(rows, context.profiles(), context.brokenProfiles());
            return new RelapsePolicy(relapse.reasons(), monitoringWindows(context.profiles(), context.programme()));
        }

        @Override
        public String casesPrefix() {
            return "monitoring-";
        }

        /** A report of a recognised area: the verdict and every reason, by the reason's id. */
        @Override
        public Map<String, String> judge(Engine engine, StaffCase c) {
            MonitoringJudgement j = Monitor.judge(engine, new MonitoringInput(new EvaluationInput(c.area(), null,
                    c.period("periodFrom", "periodTo"), c.period("baselineFrom", "baselineTo"),
                    c.facts(Fact.class, Fact::jsonName, f -> f.type() == Fact.Type.FLAG)),
                    c.requiredDay("recognisedOn"), null, c.flag("proposedAgain"), null));
            Map<String, String> actual = new HashMap<>();
            actual.put("verdict", j.verdict().name());
            j.reasons().forEach(f -> actual.put(f.check().getReason().id(), f.outcome().name()));
            return actual;
        }
    }

    private RelapsePolicy read(List<SheetRow> rows, List<Profile> profiles, Set<String> brokenProfiles) {
        Map<String, Profile> byId = new HashMap<>();
        profiles.forEach(p -> byId.put(p.id(), p));
        List<RelapseReason> reasons = new ArrayList<>();
        Map<String, SheetRow> seenReasons = new HashMap<>();
        for (SheetRow r : rows) {
            String t = r.table().toLowerCase(Locale.ROOT);
            if (t.startsWith("relapsesettings")) {
                // the window moved to the programme Settings table: a row here would be a second value that counts for nothing
                cells.problem(r, "monitoringWindowYears", "unknown_table",
                        "Không rõ bảng \"" + r.table() + "\": thời gian theo dõi nay là dòng monitoringWindowYears của bảng Settings trong "
                                + "programme.drl.xlsx (trang Settings); hãy sửa ở đó và xóa bảng này.",
                        "Unknown table \"" + r.table() + "\": the monitoring window is now the monitoringWindowYears row of the Settings "
                                + "table in programme.drl.xlsx (sheet Settings); change it there and delete this table.");
                continue;
            }
            if (!t.startsWith("relapsereasons")) {
                cells.problem(r, "", "unknown_table",
                        "Không rõ bảng \"" + r.table() + "\": bảng theo dõi tái phức tạp phải là RelapseReasons.",
                        "Unknown table \"" + r.table() + "\": a relapse-monitoring table is RelapseReasons.");
                continue;
            }
            String profileId = cells.required(r, "profileId");
            if (profileId == null || brokenProfiles.contains(profileId)) continue;
            boolean ok = true;
            if (!byId.containsKey(profileId)) {
                cells.problem(r, "profileId", "unknown_profile", "Mã bộ tiêu chí \"" + profileId + "\" không có trong bảng Profiles.",
                        "Profile id \"" + profileId + "\" is not in the Profiles table.");
                ok = false;
            }
            RelapseReason reason = reason(r, profileId);
            if (!ok || reason == null) continue;
            String key = profileId + "/" + reason.id();
            if (seenReasons.containsKey(key)) {
                cells.duplicate(r, "reasonId", "lý do " + reason.id() + " của " + profileId, "reason " + reason.id() + " of " + profileId, seenReasons.get(key));
                continue;
            }
            seenReasons.put(key, r);
            reasons.add(reason);
        }
        // the monitoring window is not read here: PolicyReader takes it from the programme Settings table
        return new RelapsePolicy(reasons, List.of());
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

    /**
     * The monitoring windows of the relapse policy, taken from the programme Settings table so that the lifecycle
     * (MONITORING → STABLE) and the monitoring reports read one and the same row: each profile's
     * {@code monitoringWindowYears} as resolved there, once per row, with the profile that owns the row. A profile
     * that falls back to the national row thus has no window of its own, and a report on it goes on to the next
     * profile of its chain, as before.
     */
    private static List<RelapseSettings> monitoringWindows(List<Profile> profiles, Map<String, ProgrammeSettings> programme) {
        Map<TableSource, RelapseSettings> rows = new LinkedHashMap<>();
        for (Profile p : profiles) {
            ProgrammeSettings s = programme.get(p.id());
            if (s == null) continue;
            Setting<Integer> w = s.monitoringWindowYears();
            rows.putIfAbsent(w.source(), new RelapseSettings(w.profileId(), w.value(), w.legalBasis(), w.source()));
        }
        return List.copyOf(rows.values());
    }
}
