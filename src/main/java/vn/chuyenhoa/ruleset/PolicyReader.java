package vn.chuyenhoa.ruleset;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.kernel.Comparison;
import vn.chuyenhoa.evaluation.Criterion;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.Kind;
import vn.chuyenhoa.evaluation.PlannedEnd;
import vn.chuyenhoa.evaluation.Policy;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.ProgrammeSettings;
import vn.chuyenhoa.evaluation.Requirement;
import vn.chuyenhoa.evaluation.Scope;
import vn.chuyenhoa.evaluation.Setting;
import vn.chuyenhoa.ruleset.DecisionTables.RowOrigin;

/**
 * Turns the rows the table rules handed over into a typed {@link Policy}, checking every cell as it goes so that a
 * mistake is reported with its file, sheet, cell and value instead of surfacing as a wrong verdict. Which table a row
 * belongs to is the RuleTable's name: {@code Criteria…}, {@code Profiles…}, {@code Thresholds…} or {@code Settings…};
 * rows of tables a feature registered ({@link FeatureTables}) go to that feature's reader.
 */
final class PolicyReader {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The tables features registered, in a fixed order so that problems come out in the same order every time. */
    private static final List<FeatureTables> FEATURES = java.util.ServiceLoader.load(FeatureTables.class,
            PolicyReader.class.getClassLoader()).stream().map(java.util.ServiceLoader.Provider::get)
            .sorted(Comparator.comparing(FeatureTables::prefix)).toList();
    private static final List<String> KNOWN_TABLES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("Criteria", "Profiles", "Thresholds", "Settings"),
            FEATURES.stream().map(FeatureTables::prefix)).toList();
    private static final String KNOWN_TABLES_VI = String.join(", ", KNOWN_TABLES.subList(0, KNOWN_TABLES.size() - 1))
            + " hoặc " + KNOWN_TABLES.get(KNOWN_TABLES.size() - 1);
    private static final String KNOWN_TABLES_EN = String.join(", ", KNOWN_TABLES.subList(0, KNOWN_TABLES.size() - 1))
            + " or " + KNOWN_TABLES.get(KNOWN_TABLES.size() - 1);

    private final List<LoadProblem> problems;
    /** The typed reading of cells every table reader shares, so policy staff see one vocabulary. */
    private final Cells cells;

    private PolicyReader(List<LoadProblem> problems) {
        this.problems = problems;
        this.cells = new Cells(problems);
    }

    static Policy read(Map<String, Map<String, String>> rows, Map<String, RowOrigin> origins, List<LoadProblem> problems) {
        return new PolicyReader(problems).read(rows, origins);
    }

    private Policy read(Map<String, Map<String, String>> rawRows, Map<String, RowOrigin> origins) {
        List<SheetRow> criteriaRows = new ArrayList<>(), profileRows = new ArrayList<>(), thresholdRows = new ArrayList<>();
        List<SheetRow> settingRows = new ArrayList<>();
        // the tables features registered (screening, relapse monitoring, ...): read by their own readers, after the
        // profiles and settings they refer to (see the end)
        Map<FeatureTables, List<SheetRow>> featureRows = new LinkedHashMap<>();
        FEATURES.forEach(f -> featureRows.put(f, new ArrayList<>()));
        for (Map.Entry<String, Map<String, String>> e : rawRows.entrySet()) {
            RowOrigin o = origins.get(e.getKey());
            if (o == null) throw new IllegalStateException("no origin for table rule " + e.getKey());
            SheetRow row = new SheetRow(e.getKey(), o, e.getValue());
            String table = o.table().toLowerCase(Locale.ROOT);
            if (table.startsWith("criteria")) criteriaRows.add(row);
            else if (table.startsWith("profiles")) profileRows.add(row);
            else if (table.startsWith("thresholds")) thresholdRows.add(row);
            else if (table.startsWith("settings")) settingRows.add(row);
            else {
                FeatureTables owner = FEATURES.stream()
                        .filter(f -> table.startsWith(f.prefix().toLowerCase(Locale.ROOT))).findFirst().orElse(null);
                if (owner != null) featureRows.get(owner).add(row);
                else problems.add(new LoadProblem(o.file(), o.sheet(), o.row(), null, o.table(), "unknown_table",
                        "Không rõ bảng \"" + o.table() + "\": tên RuleTable phải bắt đầu bằng " + KNOWN_TABLES_VI + ".",
                        "Unknown table \"" + o.table() + "\": a RuleTable name must start with " + KNOWN_TABLES_EN + "."));
            }
        }
        Comparator<SheetRow> tableOrder = Comparator.comparing((SheetRow r) -> r.origin().file())
                .thenComparing(r -> r.origin().sheet()).thenComparingInt(r -> r.origin().row());
        criteriaRows.sort(tableOrder);
        profileRows.sort(tableOrder);
        thresholdRows.sort(tableOrder);
        settingRows.sort(tableOrder);
        featureRows.values().forEach(rows -> rows.sort(tableOrder));

        Map<String, Criterion> criteria = new LinkedHashMap<>();
        Map<String, SheetRow> criterionRows = new HashMap<>();
        // ids of rows already reported as broken: rows that refer to them are skipped, not reported a second time
        java.util.Set<String> broken = new java.util.HashSet<>();
        // a row whose id cell was emptied is reported once; the rows that name that id are not reported again
        boolean criterionWithoutId = false, profileWithoutId = false;
        for (SheetRow r : criteriaRows) {
            Criterion c = criterion(r);
            if (c == null) {
                if (r.get("id") != null) broken.add(r.get("id"));
                else criterionWithoutId = true;
                continue;
            }
            if (criteria.containsKey(c.id())) {
                cells.duplicate(r, "id", "tiêu chí " + c.id(), "criterion " + c.id(), criterionRows.get(c.id()));
                continue;
            }
            criteria.put(c.id(), c);
            criterionRows.put(c.id(), r);
        }

        Map<String, SheetRow> profileById = new LinkedHashMap<>();
        Map<String, Profile> profileHeads = new LinkedHashMap<>();
        for (SheetRow r : profileRows) {
            Profile p = profileHead(r);
            if (p == null) {
                if (r.get("id") != null) broken.add(r.get("id"));
                else profileWithoutId = true;
                continue;
            }
            if (profileHeads.containsKey(p.id())) {
                cells.duplicate(r, "id", "bộ tiêu chí " + p.id(), "profile " + p.id(), profileById.get(p.id()));
                continue;
            }
            profileHeads.put(p.id(), p);
            profileById.put(p.id(), r);
        }

        Map<String, List<Requirement>> requirements = new LinkedHashMap<>();
        Map<String, SheetRow> seen = new HashMap<>();
        for (SheetRow r : thresholdRows) {
            String profileId = cells.required(r, "profileId");
            String criterionId = cells.required(r, "criterionId");
            if (profileId == null || criterionId == null || broken.contains(profileId) || broken.contains(criterionId)) continue;
            boolean ok = true;
            if (!profileHeads.containsKey(profileId)) {
                if (profileWithoutId) continue;
                cells.problem(r, "profileId", "unknown_profile",
                        "Mã bộ tiêu chí \"" + profileId + "\" không có trong bảng Profiles.",
                        "Profile id \"" + profileId + "\" is not in the Profiles table.");
                ok = false;
            }
            Criterion c = criteria.get(criterionId);
            if (c == null) {
                if (criterionWithoutId) continue;
                cells.problem(r, "criterionId", "unknown_criterion",
                        "Mã tiêu chí \"" + criterionId + "\" không có trong danh mục tiêu chí (bảng Criteria).",
                        "Criterion id \"" + criterionId + "\" is not in the criterion catalogue (Criteria table).");
                ok = false;
            }
            String key = profileId + "/" + criterionId;
            if (ok && seen.containsKey(key)) {
                cells.duplicate(r, "criterionId", "tiêu chí " + criterionId + " của " + profileId,
                        "criterion " + criterionId + " of " + profileId, seen.get(key));
                ok = false;
            }
            if (!ok) continue;
            seen.put(key, r);
            Requirement req = requirement(r, c);
            if (req != null) requirements.computeIfAbsent(profileId, k -> new ArrayList<>()).add(req);
        }

        List<Profile> profiles = new ArrayList<>();
        for (Profile head : profileHeads.values()) {
            List<Requirement> reqs = requirements.get(head.id());
            if (reqs == null) {
                cells.problem(profileById.get(head.id()), "id", "profile_without_criteria",
                        "Bộ tiêu chí " + head.id() + " chưa có dòng nào trong bảng Thresholds.",
                        "Profile " + head.id() + " has no rows in the Thresholds table.");
                continue;
            }
            profiles.add(new Profile(head.id(), head.labelVi(), head.labelEn(), head.scope(), head.validFrom(),
                    head.validTo(), head.legalBasis(), head.source(), List.copyOf(reqs)));
        }
        checkAmbiguity(profiles, profileById);
        // only on otherwise sound tables: a profile row refused above would look like a gap in the coverage
        if (problems.isEmpty()) checkCoverage(profiles, profileById, profileRows);
        Map<String, ProgrammeSettings> programme = programmeSettings(settingRows, profileHeads, profiles, broken);
        FeatureTables.Context context = new FeatureTables.Context(profiles, broken, programme, problems);
        Map<Class<?>, Object> parts = new LinkedHashMap<>();
        featureRows.forEach((feature, rows) -> parts.put(feature.type(), feature.read(rows, context)));
        return new Policy(List.copyOf(criteria.values()), profiles, programme, parts);
    }



    private Criterion criterion(SheetRow r) {
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

    private Profile profileHead(SheetRow r) {
        String id = cells.identifier(r, "id");
        String labelVi = cells.required(r, "labelVi");
        String labelEn = cells.required(r, "labelEn");
        String legal = cells.required(r, "legalBasis");
        LocalDate from = date(r, "validFrom", true);
        LocalDate to = date(r, "validTo", false);
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

    private Requirement requirement(SheetRow r, Criterion c) {
        String raw = r.get("threshold");
        BigDecimal threshold = null;
        Boolean flag = null;
        switch (c.kind()) {
            case FLAG -> {
                if (raw == null) { cells.required(r, "threshold"); return null; }
                if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
                    cells.problem(r, "threshold", "not_a_flag", "Ngưỡng của tiêu chí dạng cờ phải là true hoặc false.",
                            "The threshold of a FLAG criterion must be true or false.");
                    return null;
                }
                flag = Boolean.valueOf(raw.toLowerCase(Locale.ROOT));
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
                try {
                    threshold = new BigDecimal(raw.replace(',', '.'));
                } catch (NumberFormatException e) {
                    cells.problem(r, "threshold", "not_a_number", "Ngưỡng phải là một số (ví dụ 80 cho 80%).",
                            "The threshold must be a number (e.g. 80 for 80%).");
                    return null;
                }
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

    private LocalDate date(SheetRow r, String field, boolean needed) {
        String v = needed ? cells.required(r, field) : r.get(field);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            cells.problem(r, field, "bad_date", "Ngày phải được gõ dạng văn bản YYYY-MM-DD, ví dụ 2024-12-31.",
                    "A date must be typed as text YYYY-MM-DD, e.g. 2024-12-31.");
            return null;
        }
    }

    /**
     * Every area must have a profile on every date from the earliest validity onwards: the whole-country profiles
     * together must cover that span without a gap and stay open-ended. A gap is reported at the validFrom cell that
     * opens too late, an end at the validTo cell that closes the last one: the cells policy staff have to change.
     */
    private void checkCoverage(List<Profile> profiles, Map<String, SheetRow> rows, List<SheetRow> profileRows) {
        List<Profile> national = profiles.stream().filter(p -> p.scope().level() == Scope.Level.NATIONAL)
                .sorted(Comparator.comparing(Profile::validFrom)).toList();
        if (national.isEmpty()) {
            String vi = "Không có bộ tiêu chí toàn quốc (hệ mã để trống): các địa bàn ngoài phạm vi các bộ tiêu chí địa phương sẽ không có tiêu chí nào.";
            String en = "There is no whole-country profile (blank code scheme): areas outside the local profiles would have no criteria.";
            problems.add(profileRows.isEmpty()
                    ? LoadProblem.ofFile(RulesetBuilder.TABLES_DIR, "no_profile_coverage", vi, en)
                    : new LoadProblem(profileRows.get(0).origin().file(), profileRows.get(0).origin().sheet(), null, null, null,
                            "no_profile_coverage", vi, en));
            return;
        }
        LocalDate earliest = profiles.stream().map(Profile::validFrom).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate coveredUntil = earliest.minusDays(1);
        for (Profile p : national) {
            if (p.validFrom().isAfter(coveredUntil.plusDays(1))) {
                LocalDate from = coveredUntil.plusDays(1), to = p.validFrom().minusDays(1);
                cells.problem(rows.get(p.id()), "validFrom", "no_profile_coverage",
                        "Từ " + from + " đến " + to + " không có bộ tiêu chí toàn quốc nào có hiệu lực.",
                        "From " + from + " to " + to + " no whole-country profile is valid.");
            }
            if (p.validTo() == null) return;
            if (p.validTo().isAfter(coveredUntil)) coveredUntil = p.validTo();
        }
        Profile last = national.stream().filter(p -> p.validTo() != null)
                .max(Comparator.comparing(Profile::validTo)).orElseThrow();
        cells.problem(rows.get(last.id()), "validTo", "no_profile_coverage",
                "Sau ngày " + coveredUntil + " không còn bộ tiêu chí toàn quốc nào có hiệu lực: các địa bàn sẽ không có tiêu chí. Hãy để trống ngày hết hiệu lực của một bộ tiêu chí toàn quốc.",
                "After " + coveredUntil + " no whole-country profile is valid, so areas would have no criteria. Leave one whole-country profile's end date blank.");
    }

    // ---- Programme settings: decision-tables/programme.drl.xlsx, RuleTable Settings (profileId, key, value, legalBasis)

    /** The keys a Settings row may have; each is typed and checked by {@link #settingValue}. */
    private static final List<String> SETTING_KEYS = List.of("targetTransformedPercent", "targetNotRelapsedPercent",
            "plannedEnd", "monitoringWindowYears", "reportingYearStart", "reportingCloseDay");
    private static final Pattern PLANNED_END = Pattern.compile("END_OF_YEAR|MONTHS_FROM_START:(\\d{1,3})");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{2})-(\\d{2})");

    /**
     * Types every Settings row, then resolves each profile's settings: its own row for a key, or else the row of the
     * national profile in force on the day the profile starts ("60% / 85% on NATIONAL_CORE apply to every province
     * unless a more specific profile says otherwise"). With no Settings rows at all (a ruleset stored before the table
     * existed) there are no programme settings; with any, every profile must resolve every key, so that no request can
     * ever find a setting missing.
     */
    private Map<String, ProgrammeSettings> programmeSettings(List<SheetRow> rows, Map<String, Profile> heads,
                                                             List<Profile> profiles, java.util.Set<String> broken) {
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
            case "monitoringWindowYears" -> wholeNumber(r, raw, 1, 20);
            case "reportingCloseDay" -> wholeNumber(r, raw, 1, 28);
            case "reportingYearStart" -> monthDay(r, raw);
            default -> throw new IllegalStateException("unchecked setting key " + key);
        };
    }

    private BigDecimal percent(SheetRow r, String raw) {
        BigDecimal v;
        try {
            v = new BigDecimal(raw.replace(',', '.'));
        } catch (NumberFormatException e) {
            cells.problem(r, "value", "not_a_number", "Chỉ tiêu phải là một số phần trăm, ví dụ 60 cho 60%.",
                    "A target must be a percentage number, e.g. 60 for 60%.");
            return null;
        }
        if (v.signum() < 0 || v.compareTo(HUNDRED) > 0) {
            cells.problem(r, "value", "out_of_range", "Chỉ tiêu phải nằm trong khoảng 0–100 (phần trăm).",
                    "A target must be between 0 and 100 (percent).");
            return null;
        }
        return v;
    }

    private PlannedEnd plannedEnd(SheetRow r, String raw) {
        java.util.regex.Matcher m = PLANNED_END.matcher(raw);
        int months = m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
        if (!m.matches() || (m.group(1) != null && (months < 1 || months > 60))) {
            cells.problem(r, "value", "bad_planned_end",
                    "Thời hạn chuyển hóa phải là END_OF_YEAR (31/12 của năm chương trình) hoặc MONTHS_FROM_START:n với n từ 1 đến 60 tháng.",
                    "The planned end must be END_OF_YEAR (31 December of the programme year) or MONTHS_FROM_START:n with n from 1 to 60 months.");
            return null;
        }
        return m.group(1) == null ? new PlannedEnd(PlannedEnd.Rule.END_OF_YEAR, null)
                : new PlannedEnd(PlannedEnd.Rule.MONTHS_FROM_START, months);
    }

    private Integer wholeNumber(SheetRow r, String raw, int min, int max) {
        Integer v = DIGITS.matcher(raw).matches() && raw.length() <= 4 ? Integer.valueOf(raw) : null;
        if (v == null || v < min || v > max) {
            cells.problem(r, "value", "out_of_range", "Giá trị phải là số nguyên từ " + min + " đến " + max + ".",
                    "The value must be a whole number from " + min + " to " + max + ".");
            return null;
        }
        return v;
    }

    private MonthDay monthDay(SheetRow r, String raw) {
        java.util.regex.Matcher m = MONTH_DAY.matcher(raw);
        if (m.matches()) {
            try {
                return MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (DateTimeException e) {
                // not a day of the calendar, such as 02-30: reported below
            }
        }
        cells.problem(r, "value", "bad_month_day", "Ngày phải được gõ dạng văn bản MM-DD, ví dụ 12-15 cho ngày 15 tháng 12.",
                "The day must be typed as text MM-DD, e.g. 12-15 for 15 December.");
        return null;
    }

    /** Two equally specific profiles that could both decide the same area on the same day (domain spec §3.1). */
    private void checkAmbiguity(List<Profile> profiles, Map<String, SheetRow> rows) {
        for (int i = 0; i < profiles.size(); i++) {
            for (int j = i + 1; j < profiles.size(); j++) {
                Profile a = profiles.get(i), b = profiles.get(j);
                if (a.scope().level() == b.scope().level() && a.scope().sameLevelOverlaps(b.scope()) && a.validityOverlaps(b)) {
                    cells.problem(rows.get(b.id()), "id", "ambiguous_profiles",
                            "Bộ tiêu chí " + b.id() + " và " + a.id() + " (dòng " + a.source().row() + ") có cùng phạm vi ("
                                    + b.scope().describeVi() + ") và thời gian hiệu lực chồng nhau, nên không xác định được bộ nào áp dụng.",
                            "Profiles " + b.id() + " and " + a.id() + " (row " + a.source().row() + ") have the same scope ("
                                    + b.scope().describeEn() + ") and overlapping validity, so neither can be chosen.");
                }
            }
        }
    }
}
