package vn.chuyenhoa.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.chuyenhoa.api.JsonBody.Bool;
import vn.chuyenhoa.api.JsonBody.Null;
import vn.chuyenhoa.api.JsonBody.Num;
import vn.chuyenhoa.api.JsonBody.Obj;
import vn.chuyenhoa.api.JsonBody.Str;
import vn.chuyenhoa.api.JsonBody.Value;
import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.evaluation.Period;

/**
 * One parse of a screening or monitoring request: collects the bad fields, one error per field, with the codes and
 * wording of {@link EvaluationRequestParser} so that a client handles every endpoint alike.
 */
final class Fields {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

    private final List<FieldError> errors = new ArrayList<>();

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    void addAll(List<FieldError> more) {
        errors.addAll(more);
    }

    /**
     * By field, numbers compared as numbers, so that {@code candidates[2]} comes before {@code candidates[10]} and the
     * same body gets the same list whatever its key order; the error that names no field first.
     */
    List<FieldError> sorted() {
        List<FieldError> out = new ArrayList<>(errors);
        out.sort(Comparator.comparing(FieldError::field, Comparator.nullsFirst(Fields::natural)));
        return out;
    }

    void error(String field, String code, String message, String messageVi) {
        errors.add(new FieldError(field, code, message, messageVi));
    }

    void unknownKeys(Obj object, String prefix, Set<String> known) {
        for (String key : object.members().keySet()) {
            if (!known.contains(key)) {
                String shown = Shown.clip(prefix + key);
                error(prefix + key, "unknown_field", shown + " is not a field of this request.",
                        shown + " không phải là một trường của yêu cầu này.");
            }
        }
    }

    Obj object(String field, Value value, boolean required) {
        if (absent(value)) {
            if (required) missing(field);
            return null;
        }
        if (value instanceof Obj o) return o;
        wrongType(field, value, "an object", "một đối tượng");
        return null;
    }

    String requiredString(String field, Value value) {
        if (absent(value)) {
            missing(field);
            return null;
        }
        return optionalString(field, value);
    }

    String optionalString(String field, Value value) {
        if (value instanceof Str text) return text.value();
        if (!absent(value)) wrongType(field, value, "a string", "một chuỗi");
        return null;
    }

    Boolean optionalFlag(String field, Value value) {
        if (value instanceof Bool b) return b.value();
        if (!absent(value)) {
            String shown = Shown.of(value);
            error(field, "not_a_boolean", field + " must be true or false, not " + shown + ".",
                    field + " phải là true hoặc false, không phải " + shown + ".");
        }
        return null;
    }

    /** A JSON integer in 0 … 2³¹−1, as the evaluation facts are. */
    Long count(String field, Value value) {
        String shown = Shown.of(value);
        if (!(value instanceof Num number) || !number.integral()) {
            error(field, "not_an_integer",
                    field + " must be a JSON integer (no fraction, exponent or quotes), not " + shown + ".",
                    field + " phải là số nguyên JSON (không có phần thập phân, số mũ hay dấu ngoặc kép), không phải " + shown + ".");
            return null;
        }
        // JSON integers have no leading zeros, so more than 11 characters is beyond any int
        String text = number.text();
        long count = text.length() > 11 ? -1 : Long.parseLong(text);
        if (count < 0 || count > Integer.MAX_VALUE) {
            error(field, "out_of_range", field + " (" + shown + ") is not between 0 and " + Integer.MAX_VALUE + ".",
                    field + " (" + shown + ") không nằm trong khoảng từ 0 đến " + Integer.MAX_VALUE + ".");
            return null;
        }
        return count;
    }

    LocalDate date(String field, Value value, boolean required) {
        String text = required ? requiredString(field, value) : optionalString(field, value);
        if (text == null) return null;
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // well-formed but not on the calendar, such as 2023-02-29: reported below
            }
        }
        String shown = Shown.of(value);
        error(field, "invalid_date", field + " " + shown + " is not a calendar date written yyyy-MM-dd.",
                field + " " + shown + " không phải là ngày hợp lệ viết theo dạng yyyy-MM-dd.");
        return null;
    }

    /** Null when absent or wrong (each reported). */
    Period period(String field, Value value, boolean required) {
        Obj period = object(field, value, required);
        if (period == null) return null;
        unknownKeys(period, field + ".", Set.of("from", "to"));
        LocalDate from = date(field + ".from", period.members().get("from"), true);
        LocalDate to = date(field + ".to", period.members().get("to"), true);
        if (from == null || to == null) return null;
        if (from.isAfter(to)) {
            error(field, "reversed_period", field + " starts (" + from + ") after it ends (" + to + ").",
                    field + " bắt đầu (" + from + ") sau ngày kết thúc (" + to + ").");
            return null;
        }
        return new Period(from, to);
    }

    /** An area as the official lists name it (domain spec §8); empty, with the errors reported, when it is not one. */
    Optional<AdminUnit> area(String field, Value value, Requests.World world) {
        Obj area = object(field, value, true);
        if (area == null) return Optional.empty();
        unknownKeys(area, field + ".", Set.of("codeScheme", "code", "name"));
        var members = area.members();
        String scheme = requiredString(field + ".codeScheme", members.get("codeScheme"));
        String code = requiredString(field + ".code", members.get("code"));
        String name = optionalString(field + ".name", members.get("name"));
        if (scheme == null) return Optional.empty();
        Optional<CodeScheme> parsed = CodeScheme.parse(scheme);
        if (parsed.isEmpty()) {
            String shown = Shown.of(members.get("codeScheme"));
            error(field + ".codeScheme", "unknown_scheme", field + ".codeScheme " + shown + " is not a known code scheme.",
                    field + ".codeScheme " + shown + " không phải là hệ mã đã biết.");
            return Optional.empty();
        }
        if (code == null) return Optional.empty();
        Optional<AdminUnit> unit = world.areas().find(parsed.get(), code);
        if (unit.isEmpty()) {
            String shown = Shown.of(members.get("code"));
            error(field + ".code", "unknown_code", field + ".code " + shown + " is not in the code list of " + scheme + ".",
                    field + ".code " + shown + " không có trong danh mục mã " + scheme + ".");
            return Optional.empty();
        }
        if (name != null && !world.areas().nameMatches(unit.get(), name)) {
            String shown = Shown.of(members.get("name"));
            error(field + ".name", "name_mismatch", field + ".name " + shown + " is not the name of area " + code + " in " + scheme + ".",
                    field + ".name " + shown + " không phải là tên của đơn vị " + code + " trong " + scheme + ".");
        }
        return unit;
    }

    void missing(String field) {
        error(field, "required", "The required field " + field + " is missing.", "Thiếu trường bắt buộc " + field + ".");
    }

    void wrongType(String field, Value value, String expected, String expectedVi) {
        String shown = Shown.of(value);
        error(field, "wrong_type", field + " must be " + expected + ", not " + shown + ".",
                field + " phải là " + expectedVi + ", không phải " + shown + ".");
    }

    /** JSON null and a missing key mean the same: not given. */
    static boolean absent(Value value) {
        return value == null || value instanceof Null;
    }

    private static int natural(String a, String b) {
        Matcher x = CHUNK.matcher(a), y = CHUNK.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group(), q = y.group();
            boolean digits = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0));
            int c = digits && p.length() < 10 && q.length() < 10 ? Long.compare(Long.parseLong(p), Long.parseLong(q)) : p.compareTo(q);
            if (c != 0) return c;
        }
        return Integer.compare(a.length(), b.length());
    }
}
