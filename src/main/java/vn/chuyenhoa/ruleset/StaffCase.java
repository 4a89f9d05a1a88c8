package vn.chuyenhoa.ruleset;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.kernel.Period;

/**
 * One row of a feature's case workbook (decision-tables/tests/), as the feature that judges it reads it (see
 * {@link FeatureTables#judge}): the cells by field, read the way the evaluation cases read theirs. A cell that cannot
 * be read throws {@link BadInput} naming its field, and the row is reported at that cell as a case that cannot run.
 */
public final class StaffCase {

    /** A cell of the case that cannot be read, with what is wrong in both languages (naming no field). */
    public static final class BadInput extends RuntimeException {
        final String field;
        final String vi;

        BadInput(String field, String vi, String en) {
            super(en, null, false, false);
            this.field = field;
            this.vi = vi;
        }
    }

    private final Map<String, String> cells;
    private final AreaDirectory areas;

    StaffCase(Map<String, String> cells, AreaDirectory areas) {
        this.cells = cells;
        this.areas = areas;
    }

    /** The cell's text, stripped; null when blank. */
    public String get(String field) {
        String v = cells.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The area of the codeScheme and areaCode cells, as the official list places it. */
    public Area area() {
        Optional<AdminUnit> unit = CodeScheme.parse(get("codeScheme")).flatMap(s -> areas.find(s, get("areaCode")));
        AdminUnit u = unit.orElseThrow(() -> new BadInput("areaCode", "không có địa bàn này trong danh mục của hệ mã.",
                "no such area in the code scheme's list."));
        return new Area(u.scheme().name(), u.code(), u.name(), u.districtCode(), u.provinceCode());
    }

    /** A day typed YYYY-MM-DD; null when blank. */
    public LocalDate day(String field) {
        String v = get(field);
        if (v == null) return null;
        LocalDate d = Cells.day(v);
        if (d == null) throw new BadInput(field, "ngày phải có dạng YYYY-MM-DD.", "a date must be YYYY-MM-DD.");
        return d;
    }

    /** A day typed YYYY-MM-DD that the case needs. */
    public LocalDate requiredDay(String field) {
        LocalDate d = day(field);
        if (d == null) throw new BadInput(field, "thiếu ngày.", "the date is missing.");
        return d;
    }

    /** The period of two day cells; null when the first is blank. */
    public Period period(String from, String to) {
        LocalDate a = day(from);
        if (a == null) return null;
        return new Period(a, requiredDay(to));
    }

    /** A whole number. */
    public int whole(String field) {
        try {
            return Integer.parseInt(String.valueOf(get(field)));
        } catch (NumberFormatException e) {
            throw new BadInput(field, "phải là số nguyên.", "must be a whole number.");
        }
    }

    /** true or false; null when blank. */
    public Boolean flag(String field) {
        String v = get(field);
        if (v == null) return null;
        Boolean b = Cells.trueOrFalse(v);
        if (b == null) throw new BadInput(field, "số liệu có/không phải là true hoặc false.", "a flag must be true or false.");
        return b;
    }

    /** The facts of the "fact.NAME" cells: a flag as true/false, a count as a whole number ≥ 0; a blank cell is absent. */
    public <F extends Enum<F>> Map<F, Object> facts(Class<F> type, Function<F, String> name, Predicate<F> isFlag) {
        Map<F, Object> facts = new EnumMap<>(type);
        for (F f : type.getEnumConstants()) {
            String field = "fact." + name.apply(f);
            if (get(field) == null) continue;
            if (isFlag.test(f)) {
                facts.put(f, flag(field));
                continue;
            }
            try {
                long n = Long.parseLong(get(field));
                if (n < 0 || n > Integer.MAX_VALUE) throw new NumberFormatException();
                facts.put(f, n);
            } catch (NumberFormatException e) {
                throw new BadInput(field, "số liệu đếm phải là số nguyên không âm.", "a count must be a whole number ≥ 0.");
            }
        }
        return facts;
    }
}
