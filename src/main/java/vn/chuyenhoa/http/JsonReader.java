package vn.chuyenhoa.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.chuyenhoa.http.JsonBody.Bool;
import vn.chuyenhoa.http.JsonBody.Null;
import vn.chuyenhoa.http.JsonBody.Num;
import vn.chuyenhoa.http.JsonBody.Obj;
import vn.chuyenhoa.http.JsonBody.Str;
import vn.chuyenhoa.http.JsonBody.Value;
import vn.chuyenhoa.kernel.Numbers;

/**
 * One strict reading of a JSON request body, for every endpoint that takes one: nothing nearly right is taken (a
 * misspelt key, {@code false} where a text belongs, {@code "true"} where a flag does, a number in quotes), every bad
 * field is reported once, with the same codes and words on every endpoint, and the fields are named by their full path
 * from the body's root. A reader made {@linkplain #at for an item of a list} puts the item's path before every field
 * it names, in the field and in its messages, so that {@code items[17].facts.casesCleared} needs nothing of the code
 * that reads one request.
 *
 * <p>Codes shared by every request: {@code malformed_json} (field null: not one JSON object, duplicate key, trailing
 * content, too large or too deep), {@code unknown_field}, {@code required}, {@code wrong_type}, {@code not_a_boolean},
 * {@code not_an_integer}, {@code out_of_range}, {@code too_long}, {@code control_character}, {@code invalid_date},
 * {@code invalid_uuid}, {@code invalid_value}. One reader per parse; not thread-safe.
 */
public final class JsonReader {

    // LocalDate.parse alone would also take "+12024-01-01"; the contract is yyyy-MM-dd only.
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // UUID.fromString alone would also take "1-2-3-4-5".
    private static final Pattern UUID_TEXT =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");
    // C0 controls and DEL, but not tab, line feed or carriage return
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    /** By field, numbers compared as numbers ({@code items[2]} before {@code items[10]}); the error naming no field first. */
    public static final Comparator<FieldError> BY_FIELD =
            Comparator.comparing(FieldError::field, Comparator.nullsFirst(JsonReader::natural));

    private final List<FieldError> errors = new ArrayList<>();
    private final String at;

    /** For a whole request body. */
    public JsonReader() {
        this("");
    }

    private JsonReader(String at) {
        this.at = at;
    }

    /** For one item of a list, such as {@code items[17]}: every field it names starts with that path. */
    public static JsonReader at(String itemPath) {
        return new JsonReader(itemPath + ".");
    }

    /**
     * Reads the body as one JSON object and reports its keys outside {@code known}; null when it is not one
     * ({@code malformed_json} reported).
     */
    public Obj root(byte[] body, Set<String> known) {
        return root(body, JsonBody.MAX_BYTES, known);
    }

    public Obj root(byte[] body, int maxBytes, Set<String> known) {
        Obj root;
        try {
            root = JsonBody.read(body == null ? new byte[0] : body, maxBytes);
        } catch (JsonBody.Malformed e) {
            errors.add(new FieldError(null, "malformed_json", e.getMessage(), e.messageVi));
            return null;
        }
        unknownKeys(root, "", known);
        return root;
    }

    /** Errors found by another reader of the same body (a request embedded in this one), already named in full. */
    public void addAll(List<FieldError> more) {
        errors.addAll(more);
    }

    /** As {@link #root(byte[], Set)}, but no body at all reads as {@code {}}: for requests whose fields say what is missing. */
    public Obj optionalRoot(byte[] body, Set<String> known) {
        return body == null || body.length == 0 ? new Obj(java.util.Map.of()) : root(body, known);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors so far, sorted {@link #BY_FIELD}, so that the same body gets the same list whatever its key order. */
    public List<FieldError> sorted() {
        List<FieldError> out = new ArrayList<>(errors);
        out.sort(BY_FIELD);
        return out;
    }

    /** The value when nothing was reported, otherwise every error. */
    public <T> Parsed<T> done(T value) {
        return errors.isEmpty() ? Parsed.ok(value) : Parsed.invalid(sorted());
    }

    /**
     * Another field as a message names it: with this reader's item path ({@code items[5].facts.casesOccurred}), as
     * {@link #error} names the field in error. For a message about two fields, the one not in error.
     */
    public String path(String field) {
        return at + field;
    }

    /**
     * Reports a bad field, named relative to this reader's item; the message's first mention of the field gets the
     * item's path too (a second field it names is written with {@link #path}).
     */
    public void error(String field, String code, String message, String messageVi) {
        if (at.isEmpty() || field == null) {
            errors.add(new FieldError(field, code, message, messageVi));
            return;
        }
        String full = Matcher.quoteReplacement(at + field);
        errors.add(new FieldError(at + field, code, message.replaceFirst(Pattern.quote(field), full),
                messageVi.replaceFirst(Pattern.quote(field), full)));
    }

    public void unknownKeys(Obj object, String prefix, Set<String> known) {
        for (String key : object.members().keySet()) {
            if (!known.contains(key)) {
                String shown = Shown.clip(prefix + key);
                error(prefix + key, "unknown_field", shown + " is not a field of this request.",
                        shown + " không phải là một trường của yêu cầu này.");
            }
        }
    }

    public Obj object(String field, Value value, boolean required) {
        if (absent(value)) {
            if (required) missing(field);
            return null;
        }
        if (value instanceof Obj o) return o;
        wrongType(field, value, "an object", "một đối tượng");
        return null;
    }

    public String requiredString(String field, Value value) {
        if (absent(value)) {
            missing(field);
            return null;
        }
        return optionalString(field, value);
    }

    /** A JSON string as sent; any other JSON type is {@code wrong_type}, never turned into text. */
    public String optionalString(String field, Value value) {
        if (value instanceof Str text) return text.value();
        if (!absent(value)) wrongType(field, value, "a string", "một chuỗi");
        return null;
    }

    /**
     * Free text a person wrote (a reason, a comment, a name): a JSON string, stripped; blank counts as absent, and more
     * than {@code maxLength} characters is {@code too_long}, since the store keeps no more.
     */
    public String text(String field, Value value, boolean required, int maxLength) {
        if (absent(value)) {
            if (required) missing(field);
            return null;
        }
        if (!(value instanceof Str s)) {
            wrongType(field, value, "a string", "một chuỗi");
            return null;
        }
        String text = s.value().strip();
        if (text.isEmpty()) {
            if (required) missing(field);
            else error(field, "required", field + " is blank; leave it out or fill it in.",
                    field + " đang trống; hãy bỏ trường này hoặc điền giá trị.");
            return null;
        }
        if (!plainText(field, text)) return null;
        // in UTF-16 units, as the database counts a VARCHAR's characters: never more than it keeps
        if (text.length() > maxLength) {
            error(field, "too_long", field + " is " + text.length() + " characters long; at most " + maxLength
                            + " are kept.",
                    field + " dài " + text.length() + " ký tự; chỉ được tối đa " + maxLength + " ký tự.");
            return null;
        }
        return text;
    }

    /**
     * Whether free text is free of control characters, reporting {@code control_character} when not: a NUL or another
     * control character is no part of what a person wrote, and would reach the record, the pages and the PDFs as it is
     * (a database may even refuse it); line breaks and tabs are text.
     */
    public boolean plainText(String field, String text) {
        if (!CONTROL.matcher(text).find()) return true;
        error(field, "control_character", field + " contains a control character (e.g. NUL); send only text,"
                        + " line breaks and tabs.",
                field + " chứa ký tự điều khiển (ví dụ NUL); chỉ gửi văn bản, dấu xuống dòng và dấu tab.");
        return false;
    }

    public Boolean optionalFlag(String field, Value value) {
        if (value instanceof Bool b) return b.value();
        if (!absent(value)) {
            String shown = Shown.of(value);
            error(field, "not_a_boolean", field + " must be true or false, not " + shown + ".",
                    field + " phải là true hoặc false, không phải " + shown + ".");
        }
        return null;
    }

    /** A JSON integer in 0 … 2³¹−1, as the evaluation facts are. */
    public Long count(String field, Value value) {
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
            // the numbers as each language writes them (an officer's form typed "1.000.000.000.000"); a value too
            // long for a long stays as sent, clipped
            boolean fits = text.length() <= 18;
            String vi = fits ? Numbers.format(Long.parseLong(text), true) : shown;
            String en = fits ? Numbers.format(Long.parseLong(text), false) : shown;
            error(field, "out_of_range", field + " (" + en + ") is not between 0 and " + Numbers.format(Integer.MAX_VALUE, false) + ".",
                    field + " (" + vi + ") không nằm trong khoảng từ 0 đến " + Numbers.format(Integer.MAX_VALUE, true) + ".");
            return null;
        }
        return count;
    }

    /** A year or a similar small whole number; null when absent or wrong (reported). */
    public Integer year(String field, Value value) {
        if (absent(value)) return null;
        if (value instanceof Num n && n.integral() && n.text().length() <= 6) return Integer.valueOf(n.text());
        String shown = Shown.of(value);
        error(field, "not_an_integer", field + " must be a JSON integer such as 2025, not " + shown + ".",
                field + " phải là số nguyên JSON, ví dụ 2025, không phải " + shown + ".");
        return null;
    }

    public LocalDate date(String field, Value value, boolean required) {
        String text = required ? requiredString(field, value) : absent(value) ? null : dateText(value);
        if (text == null) {
            if (!required && !absent(value)) invalidDate(field, value);
            return null;
        }
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // well-formed but not on the calendar, such as 2023-02-29: reported below
            }
        }
        invalidDate(field, value);
        return null;
    }

    /**
     * {@code {"from": …, "to": …}}, both required, from not after to; null when absent or wrong (each reported).
     * Returns the two dates, not a domain type: what a period means is the caller's.
     */
    public LocalDate[] period(String field, Value value, boolean required) {
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
        return new LocalDate[] {from, to};
    }

    public UUID uuid(String field, Value value) {
        if (absent(value)) return null;
        if (value instanceof Str s && UUID_TEXT.matcher(s.value()).matches()) return UUID.fromString(s.value());
        String shown = Shown.of(value);
        error(field, "invalid_uuid", field + " " + shown + " is not a UUID (8-4-4-4-12 hexadecimal digits).",
                field + " " + shown + " không phải là UUID (dạng 8-4-4-4-12 chữ số thập lục phân).");
        return null;
    }

    public void missing(String field) {
        error(field, "required", "The required field " + field + " is missing.", "Thiếu trường bắt buộc " + field + ".");
    }

    public void wrongType(String field, Value value, String expected, String expectedVi) {
        String shown = Shown.of(value);
        error(field, "wrong_type", field + " must be " + expected + ", not " + shown + ".",
                field + " phải là " + expectedVi + ", không phải " + shown + ".");
    }

    /** JSON null and a missing key mean the same: not given. */
    public static boolean absent(Value value) {
        return value == null || value instanceof Null;
    }

    private static String dateText(Value value) {
        return value instanceof Str s ? s.value() : null;
    }

    private void invalidDate(String field, Value value) {
        String shown = Shown.of(value);
        error(field, "invalid_date", field + " " + shown + " is not a calendar date written yyyy-MM-dd.",
                field + " " + shown + " không phải là ngày hợp lệ viết theo dạng yyyy-MM-dd.");
    }

    private static int natural(String a, String b) {
        Matcher x = CHUNK.matcher(a), y = CHUNK.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group(), q = y.group();
            boolean digits = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0));
            int c = digits && p.length() < 10 && q.length() < 10 ? Long.compare(Long.parseLong(p), Long.parseLong(q))
                    : p.compareTo(q);
            if (c != 0) return c;
        }
        return Integer.compare(a.length(), b.length());
    }
}
