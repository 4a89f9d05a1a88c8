package vn.chuyenhoa.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A true/false query parameter read strictly. Spring hands an empty value ({@code dryRun=}) to a
 * {@code @RequestParam(defaultValue = "false") boolean} as the default, so a trial meant by a caller who lost the value
 * would be stored for real: the parameter is taken as text, and only the words Spring itself reads as a boolean pass.
 */
public final class QueryFlag {

    private QueryFlag() {}

    private static final Set<String> TRUE = Set.of("true", "on", "yes", "1");
    private static final Set<String> FALSE = Set.of("false", "off", "no", "0");

    /** Absent is false; true/on/yes/1 and false/off/no/0 (any case) as Spring reads them; anything else, empty too, is refused. */
    public static Parsed<Boolean> read(String name, String value) {
        if (value == null) return Parsed.ok(false);
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(word)) return Parsed.ok(true);
        if (FALSE.contains(word)) return Parsed.ok(false);
        return Parsed.invalid(List.of(new FieldError(name, "invalid_value",
                "The parameter " + name + " is true or false, not \"" + Shown.clip(value) + "\".",
                "Tham số " + name + " là true hoặc false, không phải \"" + Shown.clip(value) + "\".")));
    }
}
