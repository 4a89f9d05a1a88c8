package vn.chuyenhoa.api;

import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.Period;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.chuyenhoa.api.JsonBody.Bool;
import vn.chuyenhoa.api.JsonBody.Null;
import vn.chuyenhoa.api.JsonBody.Num;
import vn.chuyenhoa.api.JsonBody.Obj;
import vn.chuyenhoa.api.JsonBody.Str;
import vn.chuyenhoa.api.JsonBody.Value;

/**
 * Reads a {@code POST /api/v1/evaluations} body strictly (api.md; domain spec §3.3, §8): no rule may
 * run on input that is only nearly right, because a misspelt fact or a stringly number would quietly
 * become missing data or a wrong verdict.
 *
 * <p>Every bad field is reported, one error per field, sorted by field so that the same body gets the
 * same list whatever its key order. Codes, stable for clients:
 *
 * <ul>
 *   <li>{@code malformed_json} (field null): empty, not one JSON object, duplicate key, trailing
 *       content, larger than 64 KiB or nested deeper than 32 levels
 *   <li>{@code unknown_field}: a key the request does not define, anywhere
 *   <li>{@code required}: {@code area}, {@code period}, their members, {@code reason} with
 *       {@code supersedes}
 *   <li>{@code wrong_type}: a string or object field given another JSON type
 *   <li>{@code unknown_scheme}, {@code unknown_code}, {@code name_mismatch}: {@code area}
 *   <li>{@code unknown_profile}: {@code profileId}; {@code no_profile}: {@code period.to} when no
 *       profile covers the area on that date
 *   <li>{@code invalid_date}, {@code reversed_period}, {@code baseline_not_before_period}: periods
 *   <li>{@code not_an_integer}, {@code out_of_range}, {@code not_a_boolean}, {@code exceeds_total}:
 *       facts
 *   <li>{@code invalid_value}: {@code purpose}; {@code invalid_uuid}: {@code supersedes}
 *   <li>{@code requires_supersedes}: {@code reason} without {@code supersedes}; {@code too_long}:
 *       {@code reason} longer than {@value #MAX_REASON_LENGTH} characters
 * </ul>
 *
 * <p>Never throws on any body. Thread-safe if its {@link RequestContext} is.
 */
public final class EvaluationRequestParser {

    /** The audit store keeps a reason in at most this many characters (VARCHAR(4000)). */
    static final int MAX_REASON_LENGTH = 4000;

    private static final Set<String> REQUEST_KEYS = Set.of(
            "area", "profileId", "period", "baselinePeriod", "facts", "purpose", "supersedes", "reason");
    private static final Set<String> AREA_KEYS = Set.of("codeScheme", "code", "name");
    private static final Set<String> PERIOD_KEYS = Set.of("from", "to");

    // LocalDate.parse alone would also take "+12024-01-01"; the contract is yyyy-MM-dd only.
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // UUID.fromString alone would also take "1-2-3-4-5".
    private static final Pattern UUID_TEXT =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    /** A count that is part of another and so cannot exceed it (domain spec §3.3). */
    private record Part(String part, String whole) {}

    private static final List<Part> PARTS = List.of(
            new Part("tipsResolved", "tipsReceived"),
            new Part("casesCleared", "casesOccurred"),
            new Part("seriousCasesCleared", "seriousCasesProsecuted"),
            new Part("releasedReoffended", "releasedResidents"),
            new Part("householdsInformed", "householdsTotal"));

    private final RequestContext context;

    public EvaluationRequestParser(RequestContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    public ParseResult parse(byte[] body) {
        Obj root;
        try {
            root = JsonBody.read(body);
        } catch (JsonBody.Malformed e) {
            return new ParseResult.Invalid(
                    List.of(new FieldError(null, "malformed_json", e.getMessage(), e.messageVi)));
        }
        return new Validation("").validate(root);
    }

    /**
     * One item of a batch, with the same checks as a whole request: every field is named from the batch's root
     * ({@code items[17].facts.casesCleared}), so a caller finds the item and the field from the error alone.
     *
     * @param path the item's own path, such as {@code items[17]}
     */
    ParseResult parseItem(Value item, String path) {
        if (item instanceof Obj root) return new Validation(path + ".").validate(root);
        String shown = Shown.of(item);
        return new ParseResult.Invalid(List.of(new FieldError(path, "wrong_type",
                path + " must be an evaluation request (a JSON object), not " + shown + ".",
                path + " phải là một yêu cầu đánh giá (đối tượng JSON), không phải " + shown + ".")));
    }

    /**
     * The same checks on a body already read, for requests that embed an evaluation's fields (a
     * monitoring report has the area, periods and facts of an evaluation, plus its own fields).
     */
    ParseResult parse(Obj root) {
        return new Validation("").validate(root);
    }

    /** Both ends as far as they could be read; either may be null. */
    private record Dates(LocalDate from, LocalDate to) {
        static final Dates NONE = new Dates(null, null);

        Period period() {
            return from != null && to != null && !from.isAfter(to) ? new Period(from, to) : null;
        }
    }

    /** One parse: collects the errors, so the parser itself holds no state. */
    private final class Validation {

        private final List<FieldError> errors = new ArrayList<>();
        // put before every field named, in the field and in the messages: "" for a request, "items[17]." in a batch
        private final String at;

        Validation(String at) {
            this.at = at;
        }

        ParseResult validate(Obj root) {
            Map<String, Value> members = root.members();
            unknownKeys(root, "", REQUEST_KEYS);

            AreaRef area = area(members.get("area"));
            String profileId = optionalString("profileId", members.get("profileId"));
            if (profileId != null && !context.isKnownProfile(profileId)) {
                String shown = Shown.of(members.get("profileId"));
                error("profileId", "unknown_profile",
                        "profileId " + shown + " is not a known criteria profile.",
                        "profileId " + shown + " không phải là bộ tiêu chí đã biết.");
            }
            Dates period = period("period", members.get("period"), true);
            Dates baseline = period("baselinePeriod", members.get("baselinePeriod"), false);
            Map<String, Object> facts = facts(members.get("facts"));
            Purpose purpose = purpose(members.get("purpose"));
            UUID supersedes = supersedes(members.get("supersedes"));
            String reason = optionalString("reason", members.get("reason"));

            Period evaluated = period.period();
            Period before = baseline.period();
            if (evaluated != null && before != null && !before.to().isBefore(evaluated.from())) {
                error("baselinePeriod", "baseline_not_before_period",
                        "baselinePeriod ends on " + before.to() + ", which is not before period.from ("
                                + evaluated.from() + ").",
                        "baselinePeriod kết thúc ngày " + before.to() + ", không trước period.from ("
                                + evaluated.from() + ").");
            }
            if (absent(members.get("profileId")) && area != null && period.to() != null
                    && !context.isCoveredByAProfile(area.codeScheme(), area.code(), period.to())) {
                error("period.to", "no_profile",
                        "No criteria profile is valid on period.to (" + period.to() + ") for area "
                                + area.code() + " of " + area.codeScheme() + "; name one with profileId.",
                        "Không có bộ tiêu chí nào có hiệu lực vào ngày period.to (" + period.to()
                                + ") cho đơn vị " + area.code() + " trong " + area.codeScheme()
                                + "; hãy chỉ định một bộ tiêu chí bằng profileId.");
            }
            boolean noReason = absent(members.get("reason")) || (reason != null && reason.isBlank());
            if (!absent(members.get("supersedes")) && noReason) {
                error("reason", "required",
                        "reason is required when supersedes is given: say why the earlier evaluation is replaced.",
                        "Cần có reason khi có supersedes: nêu lý do thay thế lần đánh giá trước.");
            } else if (absent(members.get("supersedes")) && reason != null) {
                // the store records a reason only with the evaluation it replaces
                error("reason", "requires_supersedes",
                        "reason is only recorded with supersedes: it says why an earlier evaluation is replaced.",
                        "reason chỉ được ghi kèm supersedes: nêu lý do thay thế lần đánh giá trước.");
            } else if (reason != null && reason.length() > MAX_REASON_LENGTH) {
                error("reason", "too_long",
                        "reason is " + reason.length() + " characters long; at most " + MAX_REASON_LENGTH + " are kept.",
                        "reason dài " + reason.length() + " ký tự; chỉ được tối đa " + MAX_REASON_LENGTH + " ký tự.");
            }

            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparing(FieldError::field));
                return new ParseResult.Invalid(errors);
            }
            return new ParseResult.Ok(new EvaluationRequest(
                    area, profileId, evaluated, before, facts, purpose, supersedes, reason));
        }

        /** Null unless scheme and code are both valid, so that coverage is asked only of a real area. */
        private AreaRef area(Value value) {
            Obj area = object("area", value, true);
            if (area == null) {
                return null;
            }
            unknownKeys(area, "area.", AREA_KEYS);
            Map<String, Value> members = area.members();
            String scheme = requiredString("area.codeScheme", members.get("codeScheme"));
            String code = requiredString("area.code", members.get("code"));
            String name = optionalString("area.name", members.get("name"));
            if (scheme == null) {
                return null;
            }
            if (!context.isKnownScheme(scheme)) {
                String shown = Shown.of(members.get("codeScheme"));
                error("area.codeScheme", "unknown_scheme",
                        "area.codeScheme " + shown + " is not a known code scheme.",
                        "area.codeScheme " + shown + " không phải là hệ mã đã biết.");
                return null;
            }
            if (code == null) {
                return null;
            }
            if (!context.isKnownCode(scheme, code)) {
                String shown = Shown.of(members.get("code"));
                error("area.code", "unknown_code",
                        "area.code " + shown + " is not in the code list of " + scheme + ".",
                        "area.code " + shown + " không có trong danh mục mã " + scheme + ".");
                return null;
            }
            if (name != null && !context.nameMatches(scheme, code, name)) {
                String shown = Shown.of(members.get("name"));
                error("area.name", "name_mismatch",
                        "area.name " + shown + " is not the name of area " + code + " in " + scheme + ".",
                        "area.name " + shown + " không phải là tên của đơn vị " + code + " trong " + scheme + ".");
            }
            return new AreaRef(scheme, code, name);
        }

        private Dates period(String field, Value value, boolean required) {
            Obj period = object(field, value, required);
            if (period == null) {
                return Dates.NONE;
            }
            unknownKeys(period, field + ".", PERIOD_KEYS);
            LocalDate from = date(field + ".from", period.members().get("from"));
            LocalDate to = date(field + ".to", period.members().get("to"));
            if (from != null && to != null && from.isAfter(to)) {
                error(field, "reversed_period",
                        field + " starts (" + from + ") after it ends (" + to + ").",
                        field + " bắt đầu (" + from + ") sau ngày kết thúc (" + to + ").");
            }
            return new Dates(from, to);
        }

        private LocalDate date(String field, Value value) {
            String text = requiredString(field, value);
            if (text == null) {
                return null;
            }
            if (DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    // well-formed but not on the calendar, such as 2023-02-29: reported below
                }
            }
            String shown = Shown.of(value);
            error(field, "invalid_date",
                    field + " " + shown + " is not a calendar date written yyyy-MM-dd.",
                    field + " " + shown + " không phải là ngày hợp lệ viết theo dạng yyyy-MM-dd.");
            return null;
        }

        private Map<String, Object> facts(Value value) {
            Map<String, Object> facts = new HashMap<>();
            if (absent(value)) {
                return facts;
            }
            if (!(value instanceof Obj given)) {
                wrongType("facts", value, "an object", "một đối tượng");
                return facts;
            }
            for (Map.Entry<String, Value> fact : given.members().entrySet()) {
                String name = fact.getKey();
                String field = "facts." + name;
                Value v = fact.getValue();
                Fact known = Fact.byName(name);
                if (known != null && known.type() == Fact.Type.COUNT) {
                    Long count = absent(v) ? null : count(field, v);
                    if (count != null) {
                        facts.put(name, count);
                    }
                } else if (known != null && known.type() == Fact.Type.FLAG) {
                    if (v instanceof Bool flag) {
                        facts.put(name, flag.value());
                    } else if (!absent(v)) {
                        String shown = Shown.of(v);
                        error(field, "not_a_boolean",
                                field + " must be true or false, not " + shown + ".",
                                field + " phải là true hoặc false, không phải " + shown + ".");
                    }
                } else {
                    String shownField = Shown.clip(field);
                    error(field, "unknown_field",
                            shownField + " is not a known fact.",
                            shownField + " không phải là số liệu đã biết.");
                }
            }
            for (Part p : PARTS) {
                if (facts.get(p.part()) instanceof Long part && facts.get(p.whole()) instanceof Long whole
                        && part > whole) {
                    String partShown = "facts." + p.part() + " (" + part + ")";
                    String wholeShown = "facts." + p.whole() + " (" + whole + ")";
                    error("facts." + p.part(), "exceeds_total",
                            partShown + " is greater than " + wholeShown + ".",
                            partShown + " lớn hơn " + wholeShown + ".");
                }
            }
            return facts;
        }

        private Long count(String field, Value value) {
            String shown = Shown.of(value);
            if (!(value instanceof Num number) || !number.integral()) {
                error(field, "not_an_integer",
                        field + " must be a JSON integer (no fraction, exponent or quotes), not " + shown + ".",
                        field + " phải là số nguyên JSON (không có phần thập phân, số mũ hay dấu ngoặc kép), không phải "
                                + shown + ".");
                return null;
            }
            // JSON integers have no leading zeros, so more than 11 characters is beyond any int
            String text = number.text();
            long count = text.length() > 11 ? -1 : Long.parseLong(text);
            if (count < 0 || count > Integer.MAX_VALUE) {
                error(field, "out_of_range",
                        field + " (" + shown + ") is not between 0 and " + Integer.MAX_VALUE + ".",
                        field + " (" + shown + ") không nằm trong khoảng từ 0 đến " + Integer.MAX_VALUE + ".");
                return null;
            }
            return count;
        }

        private Purpose purpose(Value value) {
            String text = optionalString("purpose", value);
            if (text == null) {
                return Purpose.FINAL;
            }
            for (Purpose purpose : Purpose.values()) {
                if (purpose.name().equals(text)) {
                    return purpose;
                }
            }
            String shown = Shown.of(value);
            error("purpose", "invalid_value",
                    "purpose must be PROGRESS or FINAL, not " + shown + ".",
                    "purpose phải là PROGRESS hoặc FINAL, không phải " + shown + ".");
            return Purpose.FINAL;
        }

        private UUID supersedes(Value value) {
            String text = optionalString("supersedes", value);
            if (text == null) {
                return null;
            }
            if (UUID_TEXT.matcher(text).matches()) {
                return UUID.fromString(text);
            }
            String shown = Shown.of(value);
            error("supersedes", "invalid_uuid",
                    "supersedes " + shown + " is not a UUID (8-4-4-4-12 hexadecimal digits).",
                    "supersedes " + shown + " không phải là UUID (dạng 8-4-4-4-12 chữ số thập lục phân).");
            return null;
        }

        private void unknownKeys(Obj object, String prefix, Set<String> known) {
            for (String key : object.members().keySet()) {
                if (!known.contains(key)) {
                    String field = prefix + key;
                    String shown = Shown.clip(field);
                    error(field, "unknown_field",
                            shown + " is not a field of this request.",
                            shown + " không phải là một trường của yêu cầu này.");
                }
            }
        }

        private Obj object(String field, Value value, boolean required) {
            if (absent(value)) {
                if (required) {
                    missing(field);
                }
                return null;
            }
            if (value instanceof Obj object) {
                return object;
            }
            wrongType(field, value, "an object", "một đối tượng");
            return null;
        }

        private String requiredString(String field, Value value) {
            if (absent(value)) {
                missing(field);
                return null;
            }
            return optionalString(field, value);
        }

        private String optionalString(String field, Value value) {
            if (value instanceof Str text) {
                return text.value();
            }
            if (!absent(value)) {
                wrongType(field, value, "a string", "một chuỗi");
            }
            return null;
        }

        private void missing(String field) {
            error(field, "required",
                    "The required field " + field + " is missing.",
                    "Thiếu trường bắt buộc " + field + ".");
        }

        private void wrongType(String field, Value value, String expected, String expectedVi) {
            String shown = Shown.of(value);
            error(field, "wrong_type",
                    field + " must be " + expected + ", not " + shown + ".",
                    field + " phải là " + expectedVi + ", không phải " + shown + ".");
        }

        private void error(String field, String code, String message, String messageVi) {
            if (at.isEmpty()) {
                errors.add(new FieldError(field, code, message, messageVi));
            } else {
                // each message names its field once, as the field is written; the first mention gets the full path
                errors.add(new FieldError(at + field, code, message.replaceFirst(Pattern.quote(field),
                        java.util.regex.Matcher.quoteReplacement(at + field)), messageVi.replaceFirst(Pattern.quote(field),
                        java.util.regex.Matcher.quoteReplacement(at + field))));
            }
        }
    }

    /** JSON null and a missing key mean the same: not given. */
    private static boolean absent(Value value) {
        return value == null || value instanceof Null;
    }
}
