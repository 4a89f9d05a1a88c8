package vn.chuyenhoa.http;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.chuyenhoa.kernel.Numbers;

/**
 * An officer's form turned into the JSON body the API takes, so that the API's own strict reader judges it: what the
 * form alone can tell (a date not written dd/mm/yyyy, a number that is not a whole number as the officer's language
 * writes it, "5.400" being five thousand four hundred) is reported here, at the same field path the reader would use;
 * everything else is left to the reader. A blank field is left out: on a form, empty means "not given", never zero.
 * Errors are then shown with the form's labels in place of the paths ({@link #shown}).
 */
public final class FormBody {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    /** A field path as the reader writes it in a message: facts.casesCleared, candidates[2].area.code, period.to. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[\\d+])?(\\.[A-Za-z_][A-Za-z0-9_]*(\\[\\d+])?)*");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ObjectNode root = JSON.createObjectNode();
    private final List<FieldError> errors = new ArrayList<>();
    private final boolean vietnamese;

    /** @param vietnamese numbers as Vietnamese write them ("5.400"), otherwise as English does ("5,400") */
    public FormBody(boolean vietnamese) {
        this.vietnamese = vietnamese;
    }

    public ObjectNode root() {
        return root;
    }

    public byte[] bytes() {
        return JSON.writeValueAsBytes(root);
    }

    public String json() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** dd/mm/yyyy (also d/m/yyyy); empty for anything else. */
    public static Optional<LocalDate> date(String text) {
        if (text == null) return Optional.empty();
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static String show(LocalDate day) {
        return day == null ? "" : SHOWN.format(day);
    }

    /** Puts the day as the API writes it (yyyy-mm-dd) under {@code key}; reports {@code path} when it is no date. */
    public void date(ObjectNode parent, String key, String path, String text) {
        if (text == null || text.isBlank()) return;
        Optional<LocalDate> day = date(text);
        if (day.isPresent()) {
            parent.put(key, day.get().toString());
        } else {
            errors.add(new FieldError(path, "invalid_date",
                    "\"" + Shown.clip(text.strip()) + "\" is not a date written dd/mm/yyyy (for example 31/12/2024).",
                    "\"" + Shown.clip(text.strip()) + "\" không phải là ngày viết dạng ngày/tháng/năm (ví dụ 31/12/2024)."));
        }
    }

    /**
     * A count as the officer wrote it ("5.400"), put as a JSON integer; the number read, or null when the field was
     * blank or is reported. A negative count is left to the reader, which refuses it as the API does.
     */
    public Long count(ObjectNode parent, String key, String path, String text) {
        if (text == null || text.isBlank()) return null;
        Numbers.Read read = Numbers.parse(text, vietnamese);
        if (!read.ok()) {
            errors.add(new FieldError(path, "not_a_number", read.problemEn(), read.problemVi()));
            return null;
        }
        try {
            long n = read.value().longValueExact();
            parent.put(key, n);
            return n;
        } catch (ArithmeticException e) {
            errors.add(new FieldError(path, "not_an_integer",
                    "\"" + Shown.clip(text.strip()) + "\" is not a whole number: this is a count.",
                    "\"" + Shown.clip(text.strip()) + "\" không phải là số nguyên: đây là số đếm."));
            return null;
        }
    }

    /** "true" or "false" from a yes/no choice; blank is "not given". */
    public void flag(ObjectNode parent, String key, String path, String choice) {
        if (choice == null || choice.isBlank()) return;
        if (choice.equals("true") || choice.equals("false")) {
            parent.put(key, Boolean.parseBoolean(choice));
        } else {
            errors.add(new FieldError(path, "not_a_boolean", "Choose yes or no.", "Hãy chọn có hoặc không."));
        }
    }

    /** Text as written, blanks around it dropped. */
    public void text(ObjectNode parent, String key, String text) {
        if (text != null && !text.isBlank()) parent.put(key, text.strip());
    }

    /**
     * The form's own errors, then the reader's on the fields the form had nothing to say about (a field the form
     * refused was left out of the body, so the reader would only call it missing).
     */
    public List<FieldError> with(List<FieldError> read) {
        List<FieldError> out = new ArrayList<>(errors);
        Set<String> seen = new HashSet<>();
        for (FieldError e : errors) seen.add(e.field());
        for (FieldError e : read) if (!seen.contains(e.field())) out.add(e);
        out.sort(JsonReader.BY_FIELD);
        return out;
    }

    public List<FieldError> errors() {
        return with(List.of());
    }

    /** An error as the form shows it: where it goes, the field's label, and the message in the reader's language. */
    public record Problem(String field, String label, String message) {}

    /**
     * Errors with every field path in their messages replaced by the field's label, and dates as dd/mm/yyyy, so that
     * the officer reads "Số vụ điều tra, khám phá (14) lớn hơn Số vụ phạm tội xảy ra (13)", not the API's names.
     *
     * @param labelOf a path's label, or null for text that is no path of this form
     * @param words   other words of the reader's messages as the form shows them (a code list's name)
     */
    /** The text with each word {@code words} knows (a fact's name, a code list's) in the form's words. */
    public static String worded(String text, Function<String, String> words) {
        if (text == null) return null;
        Matcher m = PATH.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String replaced = words.apply(m.group());
            m.appendReplacement(b, Matcher.quoteReplacement(replaced == null ? m.group() : replaced));
        }
        m.appendTail(b);
        return dated(b.toString());
    }

    /**
     * The ISO dates of a message as dd/mm/yyyy, except inside double quotes: a quoted value is what the officer typed,
     * echoed exactly, and rewriting "2024-01-01" into "01/01/2024" would call a valid date invalid.
     */
    private static String dated(String text) {
        String[] parts = text.split("\"", -1);
        for (int i = 0; i < parts.length; i += 2) parts[i] = ISO_DATE.matcher(parts[i]).replaceAll("$3/$2/$1");
        return String.join("\"", parts);
    }

    public static List<Problem> shown(List<FieldError> errors, Function<String, String> labelOf,
                                      Function<String, String> words, boolean english) {
        List<Problem> out = new ArrayList<>();
        for (FieldError e : errors) {
            String label = e.field() == null ? null : labelOf.apply(e.field());
            String text = english ? e.message() : e.messageVi();
            Matcher m = PATH.matcher(text);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String token = m.group();
                String replaced = labelOf.apply(token);
                if (replaced == null) replaced = words.apply(token);
                m.appendReplacement(b, Matcher.quoteReplacement(replaced == null ? token : replaced));
            }
            m.appendTail(b);
            out.add(new Problem(e.field(), label == null ? "" : label, dated(b.toString())));
        }
        return out;
    }
}
