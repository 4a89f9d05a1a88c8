package vn.chuyenhoa.ruleset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;

import vn.chuyenhoa.evaluation.Scope;

/**
 * Who uploads or approves a ruleset change, and where they may change the rules.
 *
 * @param national  may change anything; otherwise only profiles within {@code provinces}
 * @param provinces "SCHEME:PROVINCE" codes
 * @param person    a signed-in account, bound by the four-eyes rule; not the start-up or the folder watcher
 */
record Changer(String name, boolean national, Set<String> provinces, boolean person) {

    /** The start-up, which puts the files on disk in place. */
    public static final Changer SYSTEM = system(ActiveRuleset.SYSTEM);

    public static Changer system(String name) {
        return new Changer(name, true, Set.of(), false);
    }

    /** A signed-in caller as a changer of rules: the name recorded, and where they may change them. */
    static Changer of(Caller caller) {
        return person(caller.username(), caller.national(), caller.provinces());
    }

    public static Changer person(String name, boolean national, Set<String> provinces) {
        return new Changer(name, national, provinces, true);
    }

    public Changer {
        provinces = Set.copyOf(provinces);
    }

    /**
     * What the change from one version to another touches outside this changer's provinces, one line each (Vietnamese
     * / English); empty when all of it is theirs. Read from the cells of both versions, never from compiled rules, so
     * that it can be decided before anything uploaded is compiled. A table row added, removed or changed is the
     * changer's when it is a profile row of their provinces, or a row of the Thresholds, Settings or relapse tables
     * naming such a profile (in both versions); anything else — the criterion catalogue, a national profile, the
     * screening tables, a DRL file — needs national scope. Staff test cases may change with the rows they test.
     */
    public List<String> outside(RulesetSnapshot from, RulesetSnapshot to, AreaDirectory areas) {
        return outside(from.files(), to.files(), areas);
    }

    /** @param areas to name the provinces and districts of a scope beside their codes */
    public List<String> outside(List<RuleFile> from, List<RuleFile> to, AreaDirectory areas) {
        if (national) return List.of();
        return outside(from, TableData.of(from, READ_ALL), to, TableData.of(to, READ_ALL), areas);
    }

    /** With the cells of both already read ({@code b} within the row limits, for an upload not yet checked). */
    List<String> outside(List<RuleFile> from, TableData a, List<RuleFile> to, TableData b, AreaDirectory areas) {
        if (national) return List.of();
        Map<String, List<Scope>> scopes = new HashMap<>();
        for (TableData d : List.of(a, b)) {
            for (TableData.Row r : d.rows()) {
                if (!r.isTest() && lower(r.table()).startsWith("profiles") && r.get("id") != null) {
                    scopes.computeIfAbsent(r.get("id"), k -> new ArrayList<>()).add(scope(r));
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> before = new HashMap<>();
        for (TableData.Row r : a.rows()) if (!r.isTest()) before.merge(content(r), 1, Integer::sum);
        List<TableData.Row> touched = new ArrayList<>();
        for (TableData.Row r : b.rows()) {
            if (r.isTest()) continue;
            if (before.getOrDefault(content(r), 0) > 0) before.merge(content(r), -1, Integer::sum);
            else touched.add(r);
        }
        Map<String, Integer> after = new HashMap<>();
        for (TableData.Row r : b.rows()) if (!r.isTest()) after.merge(content(r), 1, Integer::sum);
        for (TableData.Row r : a.rows()) {
            if (r.isTest()) continue;
            if (after.getOrDefault(content(r), 0) > 0) after.merge(content(r), -1, Integer::sum);
            else touched.add(r);
        }
        for (TableData.Row r : touched) {
            String table = lower(r.table());
            String where = r.sheet() + "!" + r.row() + " (" + r.file() + ")";
            List<Scope> rowScopes;
            String profileId;
            if (table.startsWith("profiles")) {
                profileId = r.get("id");
                rowScopes = List.of(scope(r));
            } else if (table.startsWith("thresholds") || table.startsWith("settings") || table.startsWith("relapse")) {
                profileId = r.get("profileId");
                rowScopes = profileId == null ? List.of() : scopes.getOrDefault(profileId, List.of());
            } else {
                out.add("Dòng " + where + " thuộc bảng " + r.table() + " áp dụng cho cả nước / row " + where + " of table "
                        + r.table() + " applies everywhere; changing it needs national scope");
                continue;
            }
            if (rowScopes.isEmpty()) {
                out.add("Dòng " + where + " không gắn với bộ tiêu chí nào của tỉnh mình / row " + where
                        + " names no profile of " + name + "'s provinces");
            }
            for (Scope s : rowScopes) {
                if (!covers(s)) {
                    out.add("Bộ tiêu chí " + profileId + " (" + s.describeVi(inside(s, areas)) + ") ngoài phạm vi / profile " + profileId
                            + " (" + s.describeEn() + ") is outside " + name + "'s provinces " + provinces);
                }
            }
        }
        Set<String> drl = new LinkedHashSet<>();
        Map<String, byte[]> x = new HashMap<>();
        from.forEach(f -> x.put(f.path(), f.content()));
        for (RuleFile f : to) {
            if (!RulesetBuilder.isTable(f.path()) && !java.util.Arrays.equals(f.content(), x.remove(f.path()))) drl.add(f.path());
            else x.remove(f.path());
        }
        x.keySet().stream().filter(p -> !RulesetBuilder.isTable(p)).forEach(drl::add);
        for (String f : drl) out.add("Tệp " + f + " áp dụng cho cả nước / file " + f + " applies everywhere; changing it needs national scope");
        return List.copyOf(out);
    }

    /** Rows of stored versions are read in full: they were checked against the row limits when they were stored. */
    static final int READ_ALL = Integer.MAX_VALUE - 100;

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String content(TableData.Row r) {
        return r.file() + "#" + r.sheet() + "#" + new TreeMap<>(r.cells());
    }

    private static Scope scope(TableData.Row r) {
        return new Scope(r.get("codeScheme"), pad(r.get("provinceCode"), 2), pad(r.get("districtCode"), 3), pad(r.get("communeCode"), 5));
    }

    private static String pad(String v, int width) {
        if (v == null || !v.chars().allMatch(Character::isDigit) || v.length() > width) return v;
        return "0".repeat(width - v.length()) + v;
    }

    private boolean covers(Scope scope) {
        return scope.codeScheme() != null && scope.provinceCode() != null
                && provinces.contains(scope.codeScheme() + ":" + scope.provinceCode());
    }

    /** A ruleset change this changer may not make; nothing was stored or put in force. */
    public static class Refused extends RuntimeException {
        public final String code;
        public final String messageVi;
        public final List<String> items;

        public Refused(String code, String messageEn, String messageVi, List<String> items) {
            super(messageEn);
            this.code = code;
            this.messageVi = messageVi;
            this.items = List.copyOf(items);
        }
    }

    /** A unit the scope contains, whose names the scope's codes are said with ("Tỉnh Thanh Hóa (38)"); null if none. */
    private static AdminUnit inside(Scope s, AreaDirectory areas) {
        Optional<CodeScheme> scheme = CodeScheme.parse(s.codeScheme());
        if (scheme.isEmpty()) return null;
        return switch (s.level()) {
            case NATIONAL -> null;
            case COMMUNE -> areas.find(scheme.get(), s.communeCode()).orElse(null);
            case PROVINCE, DISTRICT -> areas.communesOf(scheme.get(), s.provinceCode()).stream()
                    .filter(u -> s.districtCode() == null || s.districtCode().equals(u.districtCode()))
                    .findFirst().orElse(null);
        };
    }
}
