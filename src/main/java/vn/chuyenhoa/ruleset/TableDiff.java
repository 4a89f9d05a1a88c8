package vn.chuyenhoa.ruleset;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import vn.chuyenhoa.kernel.TableSource;
import vn.chuyenhoa.ruleset.PolicyDiff.Change;

/**
 * The row-by-row part of the policy diff: the tables whose rows are values in their own right — programme settings and
 * targets, screening, relapse reasons, staff test cases — compared cell by cell between two versions, each row known
 * by the cells that name it (a setting by its profile and key, a test case by its name), each column by the label its
 * table gives it. The criteria, profiles and thresholds are compared on the compiled policy ({@link PolicyDiff}).
 */
final class TableDiff {

    /** What a table's rows are called, and the fields that name a row. */
    private record Family(String kind, String vi, String en, List<String> key) {}

    private static final Map<String, Family> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("settings", new Family("SETTING", "Thiết lập chương trình", "Programme setting", List.of("profileId", "key")));
        FAMILIES.put("relapse", new Family("RELAPSE_REASON", "Lý do phức tạp trở lại", "Relapse reason", List.of("profileId", "reasonId")));
        FAMILIES.put("screeningindicators", new Family("SCREENING", "Chỉ số sàng lọc", "Screening indicator", List.of("scopeId", "categoryId", "fact")));
        FAMILIES.put("screeningdrugcriteria", new Family("SCREENING", "Tiêu chí địa bàn ma túy", "Drug-area criterion", List.of("typeId", "criterionId")));
        FAMILIES.put("screeningranking", new Family("SCREENING", "Thứ tự xếp hạng", "Ranking key", List.of("position")));
        FAMILIES.put("screening", new Family("SCREENING", "Bảng sàng lọc", "Screening table", List.of("id")));
        FAMILIES.put("cases", new Family("TEST_CASE", "Ca kiểm thử", "Staff test case", List.of("name")));
    }

    private TableDiff() {}

    /**
     * @param names the profiles and criteria by name: a row's profile and a test's expected criterion are said by
     *              name in a description, their codes beside them on the page (and in {@code profileId}/{@code subject})
     */
    static void rows(TableData a, TableData b, PolicyDiff.Names names, List<Change> out) {
        Map<String, TableData.Row> before = keyed(a), after = keyed(b);
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            TableData.Row x = before.get(key), y = after.get(key);
            TableData.Row any = y != null ? y : x;
            Family f = family(any.table());
            String subject = subject(any, f);
            TableData data = y != null ? b : a;
            String nameVi = name(any, data, names, false), nameEn = name(any, data, names, true);
            String table = any.table();
            if (x == null || y == null) {
                boolean added = x == null;
                out.add(new Change(f.kind() + (added ? "_ADDED" : "_REMOVED"), any.get("profileId"), null, null, null, null,
                        source(any, f.key().get(0)),
                        f.vi() + " " + nameVi + (added ? ": thêm dòng " : ": bỏ dòng ") + any.row() + " (" + table + ").",
                        f.en() + " " + nameEn + (added ? ": row " + any.row() + " added" : ": row " + any.row() + " removed") + " (" + table + ").",
                        subject, null, null, any.get("legalBasis"), any.origin().cell("legalBasis"), null));
                continue;
            }
            Set<String> fields = new LinkedHashSet<>(x.cells().keySet());
            fields.addAll(y.cells().keySet());
            boolean basisChanged = !Objects.equals(x.get("legalBasis"), y.get("legalBasis"));
            for (String field : fields) {
                String from = x.get(field), to = y.get(field);
                if (Objects.equals(from, to)) continue;
                String label = b.label(y, field);
                String vi = columnName(field, label, names, false), en = columnName(field, label, names, true);
                String kind = f.kind().equals("TEST_CASE")
                        ? (field.startsWith("expect.") ? "TEST_EXPECTATION_CHANGED" : "TEST_CASE_CHANGED")
                        : f.kind() + "_CHANGED";
                String basis = field.equals("legalBasis") ? null : y.get("legalBasis");
                String basisCell = basis == null ? null : y.origin().cell("legalBasis");
                String besideVi = basis == null ? "" : " Căn cứ (" + basisCell + (basisChanged ? ", đã sửa" : ", không đổi") + "): «" + basis + "».";
                String besideEn = basis == null ? "" : " Legal basis (" + basisCell + (basisChanged ? ", changed" : ", unchanged") + "): «" + basis + "».";
                // an expected verdict or outcome in words, as the evaluation page says it; numbers, dates, yes/no and
                // signs as the pages write them; a profile id as typed (the page names it beside the row)
                boolean expectation = kind.equals("TEST_EXPECTATION_CHANGED") && !field.equals("expect.profile");
                String setting = y.get("key");
                String fromVi = said(field, setting, from, expectation, false), toVi = said(field, setting, to, expectation, false);
                String fromEn = said(field, setting, from, expectation, true), toEn = said(field, setting, to, expectation, true);
                out.add(new Change(kind, y.get("profileId"), null, field, from, to, source(y, field),
                        f.vi() + " " + nameVi + ": " + vi + " «" + show(fromVi, "trống") + "» → «" + show(toVi, "trống") + "»." + besideVi,
                        f.en() + " " + nameEn + ": " + en + " «" + show(fromEn, "blank") + "» → «" + show(toEn, "blank") + "»." + besideEn,
                        subject, vi, en, basis, basisCell, basis == null ? null : basisChanged));
            }
        }
    }

    /** Rows of the tables this diff covers, by file, table and naming cells (a repeated name gets its occurrence). */
    private static Map<String, TableData.Row> keyed(TableData data) {
        Map<String, TableData.Row> out = new LinkedHashMap<>();
        for (TableData.Row r : data.rows()) {
            Family f = family(r.table());
            if (f == null) continue;
            String base = r.file() + "#" + r.table() + "#" + f.key().stream().map(k -> String.valueOf(r.get(k))).collect(Collectors.joining("/"));
            String key = base;
            for (int n = 2; out.containsKey(key); n++) key = base + "#" + n;
            out.put(key, r);
        }
        return out;
    }

    private static Family family(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        if (t.startsWith("criteria") || t.startsWith("profiles") || t.startsWith("thresholds")) return null;
        for (Map.Entry<String, Family> e : FAMILIES.entrySet()) if (t.startsWith(e.getKey())) return e.getValue();
        return null;
    }

    private static String subject(TableData.Row r, Family f) {
        return f.key().stream().map(r::get).filter(Objects::nonNull).collect(Collectors.joining(" / "));
    }

    /**
     * A row as people know it, from its own table: its name cell (labelVi/labelEn), a setting by what its workbook's
     * guide says the key means, a test case by its name; then the profile it belongs to by name. The codes stay in
     * {@code subject} and {@code profileId}, which the page shows beside this.
     */
    private static String name(TableData.Row r, TableData data, PolicyDiff.Names names, boolean en) {
        String label = r.get(en ? "labelEn" : "labelVi");
        if (label == null && r.get("key") != null) label = data.meaning(r.file(), r.get("key"), en);
        if (label == null) label = r.get("name");
        String named = label == null ? subject(r, family(r.table())) : "«" + label + "»";
        String profile = r.get("profileId");
        if (profile == null) return named;
        return named + (en ? " of profile «" : " của bộ tiêu chí «") + names.profile(profile, en) + "»";
    }

    /**
     * A column by the label its table gives it; a staff test's column headed by a criterion id or a fact's JSON name
     * by the criterion's name (its code beside it) or the fact's.
     */
    private static String columnName(String field, String label, PolicyDiff.Names names, boolean en) {
        if (field.startsWith("expect.")) {
            String id = field.substring("expect.".length());
            return "«" + names.criterion(id, en) + "» (" + id + ")";
        }
        if (field.startsWith("fact.")) return vn.chuyenhoa.evaluation.Fact.label(field.substring("fact.".length()), en);
        String vi = firstLine(label, 0, field);
        return en ? firstLine(label, 1, vi) : vi;
    }

    private static TableSource source(TableData.Row r, String field) {
        String cell = r.origin().cell(field);
        return new TableSource(r.file(), r.sheet(), r.row(), cell, r.key());
    }

    private static String firstLine(String label, int line, String fallback) {
        if (label == null) return fallback;
        String[] lines = label.split("\\R");
        return line < lines.length && !lines[line].isBlank() ? lines[line].strip() : fallback;
    }

    private static String said(String field, String key, String typed, boolean expectation, boolean en) {
        if (typed == null || field.equals("expect.profile")) return typed;
        return expectation ? Outcomes.words(field, typed, en) : DiffWords.cell(field, key, typed, en);
    }

    private static String show(String v, String blank) {
        return v == null ? blank : v;
    }
}
