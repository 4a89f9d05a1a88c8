package vn.chuyenhoa.ruleset;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import vn.chuyenhoa.evaluation.PlannedEnd;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.ProgrammeSettings;
import vn.chuyenhoa.evaluation.Scope;
import vn.chuyenhoa.evaluation.Setting;
import vn.chuyenhoa.ruleset.DecisionTables.RowOrigin;

/**
 * The programme settings: decision-tables/programme.drl.xlsx, RuleTable Settings (profileId, key, value, legalBasis).
 */
final class SettingsTable {

    /** The keys a Settings row may have; each is typed and checked by {@link #settingValue}. */
    private static final List<String> SETTING_KEYS = List.of("targetTransformedPercent", "targetNotRelapsedPercent",
            "plannedEnd", "monitoringWindowYears", "reportingYearStart", "reportingCloseDay");
    private static final Pattern PLANNED_END = Pattern.compile("END_OF_YEAR|MONTHS_FROM_START:(\\d{1,3})");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Cells cells;
    private final List<LoadProblem> problems;

    SettingsTable(Cells cells, List<LoadProblem> problems) {
        this.cells = cells;
        this.problems = problems;
    }

    /**
     * Types every Settings row, then resolves each profile's settings: its own row for a key, or else the row of the
     * national profile in force on the day the profile starts ("60% / 85% on NATIONAL_CORE apply to every province
     * unless a more specific profile says otherwise"). With no Settings rows at all (a ruleset stored before the table
     * existed) there are no programme settings; with any, every profile must resolve every key, so that no request can
     * ever find a setting missing.
     */
    Map<String, ProgrammeSettings> read(List<SheetRow> rows, Map<String, Profile> heads,
                                                             List<Profile> profiles, Set<String> broken) {
        if (rows.isEmpty()) return Map.of();
        int before = problems.size();
        Map<String, Map<String, Setting<?>>> own = new HashMap<>();
        Map<String, SheetRow> seen = new HashMap<>();
        for (SheetRow r : rows) {
            String profileId = cells.required(r, "profileId");
            String key = cells.required(r, "key");
            String raw = cells.required(r, "value");
            String legal = cells.required(r, "legalBasis");
            if (profileId == null || key == null || raw == null || legal == null || broken.contains(profileId)) continue;
            boolean ok = true;
            if (!heads.containsKey(profileId)) {
                cells.problem(r, "profileId", "unknown_profile",
                        "Mã bộ tiêu chí \"" + profileId + "\" không có trong bảng Profiles.",
                        "Profile id \"" + profileId + "\" is not in the Profiles table.");
                ok = false;
            }
            if (!SETTING_KEYS.contains(key)) {
                cells.problem(r, "key", "unknown_setting",
                        "Khóa \"" + key + "\" không phải thiết lập chương trình; chọn một trong " + SETTING_KEYS + ".",
                        "\"" + key + "\" is not a programme setting; use one of " + SETTING_KEYS + ".");
                continue;
            }
            String id = profileId + "/" + key;
            if (ok && seen.containsKey(id)) {
                cells.duplicate(r, "key", "thiết lập " + key + " của " + profileId, "setting " + key + " of " + profileId, seen.get(id));
                continue;
            }
            Object value = settingValue(r, key, raw);
            if (!ok || value == null) continue;
            seen.put(id, r);
            own.computeIfAbsent(profileId, k -> new HashMap<>())
                    .put(key, new Setting<>(value, profileId, legal, r.source("value")));
        }
        if (problems.size() > before) return Map.of();

        RowOrigin table = rows.get(0).origin();
        Map<String, ProgrammeSettings> out = new LinkedHashMap<>();
        for (Profile p : profiles) {
            Map<String, Setting<?>> national = profiles.stream()
                    .filter(n -> n.scope().level() == Scope.Level.NATIONAL && n.validOn(p.validFrom()))
                    .findFirst().map(n -> own.getOrDefault(n.id(), Map.of())).orElse(Map.of());
            Map<String, Setting<?>> mine = own.getOrDefault(p.id(), Map.of());
            Map<String, Setting<?>> resolved = new HashMap<>();
            for (String key : SETTING_KEYS) {
                Setting<?> s = mine.containsKey(key) ? mine.get(key) : national.get(key);
                if (s == null) {
                    problems.add(new LoadProblem(table.file(), table.sheet(), null, null, null, "setting_missing",
                            "Bộ tiêu chí " + p.id() + " không có dòng \"" + key + "\" và không có bộ tiêu chí toàn quốc nào có hiệu lực ngày "
                                    + p.validFrom() + " có dòng này để dùng thay; hãy thêm một dòng vào bảng " + table.table() + ".",
                            "Profile " + p.id() + " has no \"" + key + "\" row, and no national profile in force on " + p.validFrom()
                                    + " has one to fall back on; add a row to the " + table.table() + " table."));
                } else {
                    resolved.put(key, s);
                }
            }
            if (resolved.size() == SETTING_KEYS.size()) out.put(p.id(), settings(p.id(), resolved));
        }
        return problems.size() > before ? Map.of() : out;
    }

    @SuppressWarnings("unchecked")
    private static ProgrammeSettings settings(String profileId, Map<String, Setting<?>> s) {
        return new ProgrammeSettings(profileId,
                (Setting<BigDecimal>) s.get("targetTransformedPercent"),
                (Setting<BigDecimal>) s.get("targetNotRelapsedPercent"),
                (Setting<PlannedEnd>) s.get("plannedEnd"),
                (Setting<Integer>) s.get("monitoringWindowYears"),
                (Setting<MonthDay>) s.get("reportingYearStart"),
                (Setting<Integer>) s.get("reportingCloseDay"));
    }

    /** The cell's value typed for its key, or null after reporting why it cannot be. */
    private Object settingValue(SheetRow r, String key, String raw) {
        return switch (key) {
            case "targetTransformedPercent", "targetNotRelapsedPercent" -> percent(r, raw);
            case "plannedEnd" -> plannedEnd(r, raw);
            case "monitoringWindowYears" -> cells.wholeNumber(r, "value", raw, 1, 20);
            case "reportingCloseDay" -> cells.wholeNumber(r, "value", raw, 1, 28);
            case "reportingYearStart" -> cells.monthDay(r, "value", raw);
            default -> throw new IllegalStateException("unchecked setting key " + key);
        };
    }

    private BigDecimal percent(SheetRow r, String raw) {
        BigDecimal v = cells.number(r, "value", raw, "Chỉ tiêu phải là một số phần trăm, ví dụ 60 cho 60%.",
                "A target must be a percentage number, e.g. 60 for 60%.");
        if (v == null) return null;
        if (v.signum() < 0 || v.compareTo(HUNDRED) > 0) {
            cells.problem(r, "value", "out_of_range", "Chỉ tiêu phải nằm trong khoảng 0–100 (phần trăm).",
                    "A target must be between 0 and 100 (percent).");
            return null;
        }
        return v;
    }

    private PlannedEnd plannedEnd(SheetRow r, String raw) {
        java.util.Optional<PlannedEnd> end = plannedEnd(raw);
        if (end.isEmpty()) {
            cells.problem(r, "value", "bad_planned_end",
                    "Thời hạn chuyển hóa phải là END_OF_YEAR (31/12 của năm chương trình) hoặc MONTHS_FROM_START:n với n từ 1 đến 60 tháng.",
                    "The planned end must be END_OF_YEAR (31 December of the programme year) or MONTHS_FROM_START:n with n from 1 to 60 months.");
            return null;
        }
        return end.get();
    }

    /** A planned-end cell read, or empty when it is none (the diff says a typed cell in words through this too). */
    static java.util.Optional<PlannedEnd> plannedEnd(String raw) {
        java.util.regex.Matcher m = PLANNED_END.matcher(raw);
        if (!m.matches()) return java.util.Optional.empty();
        if (m.group(1) == null) return java.util.Optional.of(new PlannedEnd(PlannedEnd.Rule.END_OF_YEAR, null));
        int months = Integer.parseInt(m.group(1));
        return months < 1 || months > 60 ? java.util.Optional.empty()
                : java.util.Optional.of(new PlannedEnd(PlannedEnd.Rule.MONTHS_FROM_START, months));
    }
}
