package vn.chuyenhoa.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import vn.chuyenhoa.api.JsonBody.Null;
import vn.chuyenhoa.api.JsonBody.Num;
import vn.chuyenhoa.api.JsonBody.Obj;
import vn.chuyenhoa.api.JsonBody.Str;
import vn.chuyenhoa.api.JsonBody.Value;
import vn.chuyenhoa.programme.AreaState;
import vn.chuyenhoa.programme.ProgrammeService.NewCandidate;
import vn.chuyenhoa.programme.ProgrammeService.StepRequest;

/**
 * Reads the bodies of the programme endpoints as strictly as evaluation requests are read: unknown keys, wrong JSON
 * types, malformed dates and UUIDs are refused, one error per field, sorted by field, before anything is looked up.
 * Codes: {@code malformed_json}, {@code unknown_field}, {@code required}, {@code wrong_type}, {@code too_long},
 * {@code invalid_date}, {@code invalid_uuid}, {@code invalid_value}, {@code not_an_integer}. The officer's pages send
 * their forms through here too, so that a form is refused with the API's own words.
 */
public final class ProgrammeRequests {

    private static final Set<String> CANDIDATE_KEYS = Set.of("areaCode", "areaName", "actor", "effectiveDate", "comment");
    private static final Set<String> STEP_KEYS = Set.of("to", "actor", "effectiveDate", "decisionNumber",
            "decisionDate", "evaluationId", "comment", "programmeYear", "areaCode");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    /** Either the request or every reason it is not one. */
    public record Parsed<T>(T request, List<FieldError> errors) {}

    private ProgrammeRequests() {}

    public static Parsed<NewCandidate> candidate(byte[] body) {
        Reader r = new Reader();
        Obj root = r.root(body, CANDIDATE_KEYS);
        if (root == null) return new Parsed<>(null, r.errors());
        Map<String, Value> m = root.members();
        String areaCode = r.string(m, "areaCode", true, 20);
        String areaName = r.string(m, "areaName", false, 200);
        String actor = r.string(m, "actor", true, 200);
        LocalDate effective = r.date(m, "effectiveDate");
        String comment = r.string(m, "comment", false, 4000);
        return r.done(new NewCandidate(areaCode, areaName, actor, effective, comment));
    }

    public static Parsed<StepRequest> step(byte[] body) {
        Reader r = new Reader();
        Obj root = r.root(body, STEP_KEYS);
        if (root == null) return new Parsed<>(null, r.errors());
        Map<String, Value> m = root.members();
        AreaState to = r.state(m, "to");
        String actor = r.string(m, "actor", true, 200);
        LocalDate effective = r.date(m, "effectiveDate");
        String decisionNumber = r.string(m, "decisionNumber", false, 100);
        LocalDate decisionDate = r.date(m, "decisionDate");
        UUID evaluationId = r.uuid(m, "evaluationId");
        String comment = r.string(m, "comment", false, 4000);
        Integer programmeYear = r.integer(m, "programmeYear");
        // REORGANISED only: the new commune a split old commune's record follows its area to
        String areaCode = r.string(m, "areaCode", false, 20);
        // a decision is its number and its date: one without the other cannot be cited
        if (decisionNumber != null && absent(m.get("decisionDate"))) {
            r.error("decisionDate", "required", "decisionDate is required with decisionNumber.",
                    "Cần có decisionDate (ngày quyết định) khi có decisionNumber.");
        }
        if (absent(m.get("decisionNumber")) && decisionDate != null) {
            r.error("decisionNumber", "required", "decisionNumber is required with decisionDate.",
                    "Cần có decisionNumber (số quyết định) khi có decisionDate.");
        }
        return r.done(new StepRequest(to, actor, effective, decisionNumber, decisionDate, evaluationId, comment,
                programmeYear, areaCode));
    }

    private static boolean absent(Value v) {
        return v == null || v instanceof Null;
    }

    /** A province's records moved together across the 2025 reform: when, by whom, and the choices for split communes. */
    public record Reorganisation(LocalDate effectiveDate, String actor, Map<String, String> choices) {}

    private static final Set<String> REORGANISATION_KEYS = Set.of("effectiveDate", "actor", "choices");

    public static Parsed<Reorganisation> reorganisation(byte[] body) {
        Reader r = new Reader();
        Obj root = r.root(body, REORGANISATION_KEYS);
        if (root == null) return new Parsed<>(null, r.errors());
        Map<String, Value> m = root.members();
        LocalDate effective = r.date(m, "effectiveDate");
        if (effective == null && absent(m.get("effectiveDate"))) {
            r.error("effectiveDate", "required", "The required field effectiveDate is missing.", "Thiếu trường bắt buộc effectiveDate.");
        }
        String actor = r.string(m, "actor", true, 200);
        Map<String, String> choices = new java.util.LinkedHashMap<>();
        Value given = m.get("choices");
        if (given instanceof Obj o) {
            for (var e : o.members().entrySet()) {
                String code = r.string(o.members(), e.getKey(), true, 20);
                if (code != null) choices.put(e.getKey(), code);
            }
        } else if (!absent(given)) {
            r.error("choices", "wrong_type", "choices must be an object: old commune code → new commune code.",
                    "choices phải là một đối tượng: mã xã cũ → mã xã mới.");
        }
        return r.done(new Reorganisation(effective, actor, choices));
    }

    private static final class Reader {

        private final List<FieldError> errors = new ArrayList<>();

        List<FieldError> errors() { return errors; }

        <T> Parsed<T> done(T request) {
            if (errors.isEmpty()) return new Parsed<>(request, List.of());
            errors.sort(Comparator.comparing(FieldError::field, Comparator.nullsFirst(Comparator.naturalOrder())));
            return new Parsed<>(null, List.copyOf(errors));
        }

        Obj root(byte[] body, Set<String> keys) {
            Obj root;
            try {
                root = JsonBody.read(body);
            } catch (JsonBody.Malformed e) {
                errors.add(new FieldError(null, "malformed_json", e.getMessage(), e.messageVi));
                return null;
            }
            for (String key : root.members().keySet()) {
                if (!keys.contains(key)) {
                    String shown = Shown.clip(key);
                    error(key, "unknown_field", shown + " is not a field of this request.",
                            shown + " không phải là một trường của yêu cầu này.");
                }
            }
            return root;
        }

        String string(Map<String, Value> m, String field, boolean required, int maxLength) {
            Value v = m.get(field);
            if (absent(v)) {
                if (required) missing(field);
                return null;
            }
            if (!(v instanceof Str s)) {
                wrongType(field, v, "a string", "một chuỗi");
                return null;
            }
            String text = s.value().strip();
            if (text.isEmpty()) {
                if (required) missing(field);
                else error(field, "required", field + " is blank; leave it out or fill it in.",
                        field + " đang trống; hãy bỏ trường này hoặc điền giá trị.");
                return null;
            }
            if (text.codePointCount(0, text.length()) > maxLength) {
                error(field, "too_long", field + " is longer than " + maxLength + " characters.",
                        field + " dài quá " + maxLength + " ký tự.");
                return null;
            }
            return text;
        }

        LocalDate date(Map<String, Value> m, String field) {
            Value v = m.get(field);
            if (absent(v)) return null;
            if (v instanceof Str s && DATE.matcher(s.value()).matches()) {
                try {
                    return LocalDate.parse(s.value());
                } catch (DateTimeParseException e) {
                    // well-formed but not on the calendar: reported below
                }
            }
            String shown = Shown.of(v);
            error(field, "invalid_date", field + " " + shown + " is not a calendar date written yyyy-MM-dd.",
                    field + " " + shown + " không phải là ngày hợp lệ viết theo dạng yyyy-MM-dd.");
            return null;
        }

        UUID uuid(Map<String, Value> m, String field) {
            Value v = m.get(field);
            if (absent(v)) return null;
            if (v instanceof Str s && UUID_TEXT.matcher(s.value()).matches()) return UUID.fromString(s.value());
            String shown = Shown.of(v);
            error(field, "invalid_uuid", field + " " + shown + " is not a UUID (8-4-4-4-12 hexadecimal digits).",
                    field + " " + shown + " không phải là UUID (dạng 8-4-4-4-12 chữ số thập lục phân).");
            return null;
        }

        Integer integer(Map<String, Value> m, String field) {
            Value v = m.get(field);
            if (absent(v)) return null;
            if (v instanceof Num n && n.integral() && n.text().length() <= 6) return Integer.valueOf(n.text());
            String shown = Shown.of(v);
            error(field, "not_an_integer", field + " must be a JSON integer such as 2025, not " + shown + ".",
                    field + " phải là số nguyên JSON, ví dụ 2025, không phải " + shown + ".");
            return null;
        }

        AreaState state(Map<String, Value> m, String field) {
            String text = string(m, field, true, 40);
            if (text == null) return null;
            for (AreaState s : AreaState.values()) {
                if (s.name().equals(text)) return s;
            }
            String shown = "\"" + Shown.clip(text) + "\"";
            error(field, "invalid_value", field + " " + shown + " is not a state; use one of " + List.of(AreaState.values()) + ".",
                    field + " " + shown + " không phải là trạng thái; chọn một trong " + List.of(AreaState.values()) + ".");
            return null;
        }

        void missing(String field) {
            error(field, "required", "The required field " + field + " is missing.", "Thiếu trường bắt buộc " + field + ".");
        }

        void wrongType(String field, Value value, String expected, String expectedVi) {
            String shown = Shown.of(value);
            error(field, "wrong_type", field + " must be " + expected + ", not " + shown + ".",
                    field + " phải là " + expectedVi + ", không phải " + shown + ".");
        }

        void error(String field, String code, String en, String vi) {
            errors.add(new FieldError(field, code, en, vi));
        }
    }
}
