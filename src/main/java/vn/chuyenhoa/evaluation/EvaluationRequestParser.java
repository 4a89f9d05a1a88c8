package vn.chuyenhoa.evaluation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.JsonBody.Bool;
import vn.chuyenhoa.http.JsonBody.Obj;
import vn.chuyenhoa.http.JsonBody.Value;
import vn.chuyenhoa.http.JsonReader;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.http.Shown;
import vn.chuyenhoa.area.AreaRef;

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
 *   <li>{@code unit_reorganised}: {@code area.code} of a code list not in force on {@code period.to} (the 2025
 *       reform, domain spec §8.1), naming the commune(s) on the other side
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

    public Parsed<EvaluationRequest> parse(byte[] body) {
        JsonReader reader = new JsonReader();
        Obj root = reader.root(body, REQUEST_KEYS);
        return root == null ? reader.done(null) : new Validation(reader).validate(root);
    }

    /**
     * One item of a batch, with the same checks as a whole request: every field is named from the batch's root
     * ({@code items[17].facts.casesCleared}), so a caller finds the item and the field from the error alone.
     *
     * @param path the item's own path, such as {@code items[17]}
     */
    Parsed<EvaluationRequest> parseItem(Value item, String path) {
        if (item instanceof Obj root) {
            JsonReader reader = JsonReader.at(path);
            reader.unknownKeys(root, "", REQUEST_KEYS);
            return new Validation(reader).validate(root);
        }
        String shown = Shown.of(item);
        return Parsed.invalid(List.of(new FieldError(path, "wrong_type",
                path + " must be an evaluation request (a JSON object), not " + shown + ".",
                path + " phải là một yêu cầu đánh giá (đối tượng JSON), không phải " + shown + ".")));
    }

    /**
     * The same checks on a body already read, for requests that embed an evaluation's fields (a
     * monitoring report has the area, periods and facts of an evaluation, plus its own fields).
     */
    public Parsed<EvaluationRequest> parse(Obj root) {
        JsonReader reader = new JsonReader();
        reader.unknownKeys(root, "", REQUEST_KEYS);
        return new Validation(reader).validate(root);
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

        // the one strict reader: names each field from the body's root, "items[17]." before it in a batch
        private final JsonReader r;

        Validation(JsonReader reader) {
            this.r = reader;
        }

        Parsed<EvaluationRequest> validate(Obj root) {
            Map<String, Value> members = root.members();

            AreaRef area = area(members.get("area"));
            String profileId = r.optionalString("profileId", members.get("profileId"));
            if (profileId != null && !context.isKnownProfile(profileId)) {
                String shown = Shown.of(members.get("profileId"));
                r.error("profileId", "unknown_profile",
                        "profileId " + shown + " is not a known criteria profile.",
                        "profileId " + shown + " không phải là bộ tiêu chí đã biết.");
            }
            Dates period = period("period", members.get("period"), true);
            Dates baseline = period("baselinePeriod", members.get("baselinePeriod"), false);
            Map<String, Object> facts = facts(members.get("facts"));
            Purpose purpose = purpose(members.get("purpose"));
            UUID supersedes = supersedes(members.get("supersedes"));
            String reason = r.optionalString("reason", members.get("reason"));

            Period evaluated = period.period();
            Period before = baseline.period();
            if (evaluated != null && before != null && !before.to().isBefore(evaluated.from())) {
                r.error("baselinePeriod", "baseline_not_before_period",
                        "baselinePeriod ends on " + before.to() + ", which is not before " + r.path("period.from")
                                + " (" + evaluated.from() + ").",
                        "baselinePeriod kết thúc ngày " + before.to() + ", không trước " + r.path("period.from")
                                + " (" + evaluated.from() + ").");
            }
            // an area of a list not in force at the period's end (domain spec §8.1): its own error, and no profile
            // question about a unit that did not exist then
            boolean reorganised = false;
            if (area != null && period.to() != null) {
                var refusal = context.reorganised(area.codeScheme(), area.code(), period.to());
                refusal.ifPresent(x -> r.error(x.field(), x.code(), x.message(), x.messageVi()));
                reorganised = refusal.isPresent();
            }
            if (!reorganised && absent(members.get("profileId")) && area != null && period.to() != null
                    && !context.isCoveredByAProfile(area.codeScheme(), area.code(), period.to())) {
                r.error("period.to", "no_profile",
                        "No criteria profile is valid on period.to (" + period.to() + ") for area "
                                + area.code() + " of " + area.codeScheme() + "; name one with profileId.",
                        "Không có bộ tiêu chí nào có hiệu lực vào ngày period.to (" + period.to()
                                + ") cho đơn vị " + area.code() + " trong " + area.codeScheme()
                                + "; hãy chỉ định một bộ tiêu chí bằng profileId.");
            }
            boolean noReason = absent(members.get("reason")) || (reason != null && reason.isBlank());
            if (!absent(members.get("supersedes")) && noReason) {
                r.error("reason", "required",
                        "reason is required when supersedes is given: say why the earlier evaluation is replaced.",
                        "Cần có reason khi có supersedes: nêu lý do thay thế lần đánh giá trước.");
            } else if (absent(members.get("supersedes")) && reason != null) {
                // the store records a reason only with the evaluation it replaces
                r.error("reason", "requires_supersedes",
                        "reason is only recorded with supersedes: it says why an earlier evaluation is replaced.",
                        "reason chỉ được ghi kèm supersedes: nêu lý do thay thế lần đánh giá trước.");
            } else if (reason != null && reason.length() > MAX_REASON_LENGTH) {
                r.error("reason", "too_long",
                        "reason is " + reason.length() + " characters long; at most " + MAX_REASON_LENGTH + " are kept.",
                        "reason dài " + reason.length() + " ký tự; chỉ được tối đa " + MAX_REASON_LENGTH + " ký tự.");
            } else if (reason != null) {
                r.plainText("reason", reason);
            }

            return r.done(r.hasErrors() ? null : new EvaluationRequest(
                    area, profileId, evaluated, before, facts, purpose, supersedes, reason));
        }

        /** Null unless scheme and code are both valid, so that coverage is asked only of a real area. */
        private AreaRef area(Value value) {
            Obj area = r.object("area", value, true);
            if (area == null) {
                return null;
            }
            r.unknownKeys(area, "area.", AREA_KEYS);
            Map<String, Value> members = area.members();
            String scheme = r.requiredString("area.codeScheme", members.get("codeScheme"));
            String code = r.requiredString("area.code", members.get("code"));
            String name = r.optionalString("area.name", members.get("name"));
            if (scheme == null) {
                return null;
            }
            if (!context.isKnownScheme(scheme)) {
                String shown = Shown.of(members.get("codeScheme"));
                r.error("area.codeScheme", "unknown_scheme",
                        "area.codeScheme " + shown + " is not a known code scheme.",
                        "area.codeScheme " + shown + " không phải là hệ mã đã biết.");
                return null;
            }
            if (code == null) {
                return null;
            }
            if (!context.isKnownCode(scheme, code)) {
                String shown = Shown.of(members.get("code"));
                r.error("area.code", "unknown_code",
                        "area.code " + shown + " is not in the code list of " + scheme + ".",
                        "area.code " + shown + " không có trong danh mục mã " + scheme + ".");
                return null;
            }
            if (name != null && !context.nameMatches(scheme, code, name)) {
                String shown = Shown.of(members.get("name"));
                r.error("area.name", "name_mismatch",
                        "area.name " + shown + " is not the name of area " + code + " in " + scheme + ".",
                        "area.name " + shown + " không phải là tên của đơn vị " + code + " trong " + scheme + ".");
            }
            return new AreaRef(scheme, code, name);
        }

        private Dates period(String field, Value value, boolean required) {
            Obj period = r.object(field, value, required);
            if (period == null) {
                return Dates.NONE;
            }
            r.unknownKeys(period, field + ".", PERIOD_KEYS);
            LocalDate from = r.date(field + ".from", period.members().get("from"), true);
            LocalDate to = r.date(field + ".to", period.members().get("to"), true);
            if (from != null && to != null && from.isAfter(to)) {
                r.error(field, "reversed_period",
                        field + " starts (" + from + ") after it ends (" + to + ").",
                        field + " bắt đầu (" + from + ") sau ngày kết thúc (" + to + ").");
            }
            return new Dates(from, to);
        }

        private Map<String, Object> facts(Value value) {
            Map<String, Object> facts = new HashMap<>();
            if (absent(value)) {
                return facts;
            }
            if (!(value instanceof Obj given)) {
                r.wrongType("facts", value, "an object", "một đối tượng");
                return facts;
            }
            for (Map.Entry<String, Value> fact : given.members().entrySet()) {
                String name = fact.getKey();
                String field = "facts." + name;
                Value v = fact.getValue();
                Fact known = Fact.byName(name);
                if (known != null && known.type() == Fact.Type.COUNT) {
                    Long count = absent(v) ? null : r.count(field, v);
                    if (count != null) {
                        facts.put(name, count);
                    }
                } else if (known != null && known.type() == Fact.Type.FLAG) {
                    if (v instanceof Bool flag) {
                        facts.put(name, flag.value());
                    } else if (!absent(v)) {
                        String shown = Shown.of(v);
                        r.error(field, "not_a_boolean",
                                field + " must be true or false, not " + shown + ".",
                                field + " phải là true hoặc false, không phải " + shown + ".");
                    }
                } else {
                    String shownField = Shown.clip(field);
                    r.error(field, "unknown_field",
                            shownField + " is not a known fact.",
                            shownField + " không phải là số liệu đã biết.");
                }
            }
            for (Part p : PARTS) {
                if (facts.get(p.part()) instanceof Long part && facts.get(p.whole()) instanceof Long whole
                        && part > whole) {
                    String partShown = "facts." + p.part() + " (" + part + ")";
                    String wholeShown = r.path("facts." + p.whole()) + " (" + whole + ")";
                    r.error("facts." + p.part(), "exceeds_total",
                            partShown + " is greater than " + wholeShown + ".",
                            partShown + " lớn hơn " + wholeShown + ".");
                }
            }
            return facts;
        }

        private Purpose purpose(Value value) {
            String text = r.optionalString("purpose", value);
            if (text == null) {
                return Purpose.FINAL;
            }
            for (Purpose purpose : Purpose.values()) {
                if (purpose.name().equals(text)) {
                    return purpose;
                }
            }
            String shown = Shown.of(value);
            r.error("purpose", "invalid_value",
                    "purpose must be PROGRESS or FINAL, not " + shown + ".",
                    "purpose phải là PROGRESS hoặc FINAL, không phải " + shown + ".");
            return Purpose.FINAL;
        }

        private UUID supersedes(Value value) {
            String text = r.optionalString("supersedes", value);
            if (text == null) {
                return null;
            }
            if (UUID_TEXT.matcher(text).matches()) {
                return UUID.fromString(text);
            }
            String shown = Shown.of(value);
            r.error("supersedes", "invalid_uuid",
                    "supersedes " + shown + " is not a UUID (8-4-4-4-12 hexadecimal digits).",
                    "supersedes " + shown + " không phải là UUID (dạng 8-4-4-4-12 chữ số thập lục phân).");
            return null;
        }

    }

    private static boolean absent(Value value) {
        return JsonReader.absent(value);
    }
}
