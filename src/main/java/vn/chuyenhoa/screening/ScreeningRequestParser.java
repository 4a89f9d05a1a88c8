package vn.chuyenhoa.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.chuyenhoa.http.JsonBody.Arr;
import vn.chuyenhoa.http.JsonBody.Bool;
import vn.chuyenhoa.http.JsonBody.Num;
import vn.chuyenhoa.http.JsonBody.Obj;
import vn.chuyenhoa.http.JsonBody.Value;
import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.Reform;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.http.JsonReader;
import vn.chuyenhoa.http.Shown;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.evaluation.Requests;

/**
 * Reads a {@code POST /api/v1/screenings} body as strictly as an evaluation (domain spec §3.3, §8): unknown keys
 * anywhere, counts that are not JSON integers, flags that are not booleans, unknown areas and names are each a bad
 * field, so that no rule runs on input that is only nearly right. Codes beyond the evaluation parser's:
 *
 * <ul>
 *   <li>{@code empty}, {@code too_many}: {@code candidates}
 *   <li>{@code other_scheme}, {@code other_province}: a candidate outside the province of the first valid one (one
 *       screening is one province's)
 *   <li>{@code duplicate_area}: the same commune twice
 *   <li>{@code unit_reorganised}: a candidate of a code list not in force on {@code period.to} (domain spec §8.1);
 *       a screening without a period names no day to check
 *   <li>{@code out_of_range}: {@code year} outside 2000–2100, {@code residents} 0 (rates per resident need residents)
 *   <li>{@code exceeds_total}: {@code drugUsersRecorded} greater than {@code residents}
 * </ul>
 *
 * <p>Never throws on any body.
 */
final class ScreeningRequestParser {

    /** A province's candidates at about 1 KB each; the largest province had fewer than 700 communes in 2024. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_CANDIDATES = 1000;

    private static final Set<String> KEYS = Set.of("year", "period", "candidates");
    private static final Set<String> CANDIDATE_KEYS = Set.of("area", "facts");

    private final Requests.World world;

    ScreeningRequestParser(Requests.World world) {
        this.world = world;
    }

    Parsed<ScreeningInput> parse(byte[] body) {
        JsonReader f = new JsonReader();
        Obj root = f.root(body, MAX_BYTES, KEYS);
        if (root == null) return Parsed.invalid(f.sorted());
        Map<String, Value> members = root.members();
        Integer year = year(f, members.get("year"));
        LocalDate[] dates = f.period("period", members.get("period"), false);
        Period period = dates == null ? null : new Period(dates[0], dates[1]);

        List<Candidate> candidates = new ArrayList<>();
        AdminUnit first = null;
        Map<String, Integer> seen = new HashMap<>();
        Value list = members.get("candidates");
        if (JsonReader.absent(list)) {
            f.missing("candidates");
        } else if (!(list instanceof Arr arr)) {
            f.wrongType("candidates", list, "an array", "một mảng");
        } else if (arr.items().isEmpty()) {
            f.error("candidates", "empty", "candidates must list at least one commune.", "candidates phải có ít nhất một xã.");
        } else if (arr.items().size() > MAX_CANDIDATES) {
            f.error("candidates", "too_many", "candidates lists " + arr.items().size() + " communes; at most "
                    + MAX_CANDIDATES + " are screened at once.", "candidates có " + arr.items().size()
                    + " xã; mỗi lần sàng lọc tối đa " + MAX_CANDIDATES + " xã.");
        } else {
            for (int i = 0; i < arr.items().size(); i++) {
                String field = "candidates[" + i + "]";
                Obj c = f.object(field, arr.items().get(i), true);
                if (c == null) continue;
                f.unknownKeys(c, field + ".", CANDIDATE_KEYS);
                Optional<AdminUnit> unit = Requests.readArea(f, field + ".area", c.members().get("area"), world);
                Map<ScreeningFact, Object> facts = facts(f, field + ".facts", c.members().get("facts"));
                if (unit.isEmpty()) continue;
                AdminUnit u = unit.get();
                if (period != null) {
                    var refusal = world.reorganised(u.scheme().name(), u.code(), period.to());
                    if (refusal.isPresent()) {
                        Reform.Refusal r = refusal.get();
                        f.error(field + "." + r.field(), r.code(), field + ": " + r.message(), field + ": " + r.messageVi());
                        continue;
                    }
                }
                if (first == null) {
                    first = u;
                } else if (u.scheme() != first.scheme()) {
                    f.error(field + ".area.codeScheme", "other_scheme", field + ".area is in code scheme " + u.scheme()
                            + ", not " + first.scheme() + " like the first candidate; one screening uses one code list.",
                            field + ".area thuộc hệ mã " + u.scheme() + ", không phải " + first.scheme()
                                    + " như xã đầu tiên; mỗi lần sàng lọc dùng một danh mục mã.");
                    continue;
                } else if (!u.provinceCode().equals(first.provinceCode())) {
                    f.error(field + ".area.code", "other_province", field + ".area (" + u.name() + ") is in province "
                            + u.provinceCode() + ", not " + first.provinceCode() + " like the first candidate; screen one province at a time.",
                            field + ".area (" + u.name() + ") thuộc tỉnh " + u.provinceCode() + ", không phải tỉnh "
                                    + first.provinceCode() + " như xã đầu tiên; mỗi lần sàng lọc một tỉnh.");
                    continue;
                }
                Integer earlier = seen.putIfAbsent(u.code(), i);
                if (earlier != null) {
                    f.error(field + ".area.code", "duplicate_area", field + ".area (" + u.code() + ") is already candidates["
                            + earlier + "].", field + ".area (" + u.code() + ") đã có ở candidates[" + earlier + "].");
                    continue;
                }
                candidates.add(new Candidate(Requests.area(u), facts));
            }
        }
        if (f.hasErrors()) return Parsed.invalid(f.sorted());
        return Parsed.ok(new ScreeningInput(year, period, first.scheme().name(), first.provinceCode(),
                first.provinceName(), candidates));
    }

    private static Integer year(JsonReader f, Value value) {
        if (JsonReader.absent(value)) {
            f.missing("year");
            return null;
        }
        // any JSON integer is read whole, so that a negative or huge year is told this range, not a count's
        if (!(value instanceof Num n && n.integral())) return f.year("year", value);
        java.math.BigInteger y = new java.math.BigInteger(n.text());
        if (y.compareTo(java.math.BigInteger.valueOf(2000)) < 0 || y.compareTo(java.math.BigInteger.valueOf(2100)) > 0) {
            String shown = Shown.of(value);
            f.error("year", "out_of_range", "year (" + shown + ") is not between 2000 and 2100.",
                    "year (" + shown + ") không nằm trong khoảng từ 2000 đến 2100.");
            return null;
        }
        return y.intValue();
    }

    private static Map<ScreeningFact, Object> facts(JsonReader f, String field, Value value) {
        Map<ScreeningFact, Object> facts = new EnumMap<>(ScreeningFact.class);
        Obj given = f.object(field, value, false);
        if (given == null) return facts;
        for (Map.Entry<String, Value> e : given.members().entrySet()) {
            String name = field + "." + e.getKey();
            ScreeningFact known = ScreeningFact.byName(e.getKey());
            Value v = e.getValue();
            if (known == null) {
                String shown = Shown.clip(name);
                f.error(name, "unknown_field", shown + " is not a known screening fact.", shown + " không phải là số liệu sàng lọc đã biết.");
            } else if (JsonReader.absent(v)) {
                // absent: missing data, never zero
            } else if (known.type() == Fact.Type.COUNT) {
                Long n = f.count(name, v);
                if (n != null) facts.put(known, n);
            } else if (v instanceof Bool b) {
                facts.put(known, b.value());
            } else {
                f.optionalFlag(name, v);
            }
        }
        Long residents = (Long) facts.get(ScreeningFact.RESIDENTS);
        if (residents != null && residents == 0) {
            f.error(field + ".residents", "out_of_range", field + ".residents must be at least 1: rates per resident need residents.",
                    field + ".residents phải từ 1 trở lên: tỷ lệ trên dân số cần có dân số.");
            facts.remove(ScreeningFact.RESIDENTS);
        }
        Long users = (Long) facts.get(ScreeningFact.DRUG_USERS_RECORDED);
        if (users != null && residents != null && residents > 0 && users > residents) {
            f.error(field + ".drugUsersRecorded", "exceeds_total", field + ".drugUsersRecorded (" + users
                    + ") is greater than " + field + ".residents (" + residents + ").", field + ".drugUsersRecorded (" + users
                    + ") lớn hơn " + field + ".residents (" + residents + ").");
        }
        return facts;
    }
}
