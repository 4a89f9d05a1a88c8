package vn.chuyenhoa.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.chuyenhoa.evaluation.Criterion;
import vn.chuyenhoa.evaluation.Policy;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.ProgrammeSettings;
import vn.chuyenhoa.evaluation.Requirement;
import vn.chuyenhoa.ruleset.DecisionTables.RowOrigin;

/**
 * Turns the rows the table rules handed over into a typed {@link Policy}, checking every cell as it goes so that a
 * mistake is reported with its file, sheet, cell and value instead of surfacing as a wrong verdict. Which table a row
 * belongs to is the RuleTable's name: {@code Criteria…}, {@code Profiles…}, {@code Thresholds…} or {@code Settings…};
 * rows of tables a feature registered ({@link FeatureTables}) go to that feature's reader. Here rows are sorted to their
 * tables and tied together (unknown or duplicate ids, rows naming a broken row); each row is typed by
 * {@link CriterionRows} or {@link SettingsTable} through the shared {@link Cells}, and the profiles taken together are
 * checked by {@link ProfileChecks}.
 */
final class PolicyReader {

    /** The tables features registered, in a fixed order so that problems come out in the same order every time. */
    static final List<FeatureTables> FEATURES = java.util.ServiceLoader.load(FeatureTables.class,
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
    private final CriterionRows criterionRow;

    private PolicyReader(List<LoadProblem> problems) {
        this.problems = problems;
        this.cells = new Cells(problems);
        this.criterionRow = new CriterionRows(cells);
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
            Criterion c = criterionRow.criterion(r);
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
            Profile p = criterionRow.profileHead(r);
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
            Requirement req = criterionRow.requirement(r, c);
            if (req != null) requirements.computeIfAbsent(profileId, k -> new ArrayList<>()).add(req);
        }

        List<Profile> profiles = new ArrayList<>();
        for (Profile head : profileHeads.values()) {
            List<Requirement> reqs = requirements.get(head.id());
            if (reqs == null) {
                cells.problem(profileById.get(head.id()), "id", "profile_without_criteria",
                        "Bộ tiêu chí " + head.id() + " chưa có dòng nào trong bảng Thresholds.",
                        "Profile " + head.id() + " has no rows in the Thresholds table.");
                // reported here: the rows of other tables that name it are not refused again as naming no profile
                broken.add(head.id());
                continue;
            }
            profiles.add(new Profile(head.id(), head.labelVi(), head.labelEn(), head.scope(), head.validFrom(),
                    head.validTo(), head.legalBasis(), head.source(), List.copyOf(reqs)));
        }
        ProfileChecks checks = new ProfileChecks(cells, problems);
        checks.checkAmbiguity(profiles, profileById);
        // only on otherwise sound tables: a profile row refused above would look like a gap in the coverage
        if (problems.isEmpty()) checks.checkCoverage(profiles, profileById, profileRows);
        Map<String, ProgrammeSettings> programme = new SettingsTable(cells, problems).read(settingRows, profileHeads, profiles, broken);
        FeatureTables.Context context = new FeatureTables.Context(profiles, broken, programme, problems);
        Map<Class<?>, Object> parts = new LinkedHashMap<>();
        featureRows.forEach((feature, rows) -> parts.put(feature.type(), feature.read(rows, context)));
        return new Policy(List.copyOf(criteria.values()), profiles, programme, parts);
    }
}
