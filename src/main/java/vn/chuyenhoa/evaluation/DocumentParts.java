package vn.chuyenhoa.evaluation;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which parts of an evaluation document are its decision and which are only its wording, read off the document's
 * record types once: a text component whose name ends in {@code Vi} or {@code En} ({@code labelVi},
 * {@code reasonEn}, {@code explanationVi}, …) is a sentence written for people in that language, rendered from the
 * decision; everything else (verdict, profile and its scope, purpose, area, period, every criterion's outcome,
 * values, threshold, rule and table cell, missing facts, the facts, the version, legal bases) is the decision. Later
 * releases reword the sentences (the profile's reason, numbers with thousands separators) and a replay of an older
 * record then differs in them alone: the same decision, worded differently.
 *
 * <p>What is not known to be wording is the decision: a member the current types do not have (written by an older
 * release) or a search column counts as a different decision, never as a rewording.
 */
final class DocumentParts {

    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile(".*[a-z](Vi|En)$");
    private static final Pattern INDEX = Pattern.compile("/\\d+(?=/|$)");

    /** JSON pointers of the texts, an array's item as {@code *} (a criterion's label is <code>/criteria/&#42;/labelVi</code>). */
    static final Set<String> WORDING = java.util.Collections.unmodifiableSet(
            wording(EvaluationDocument.class, "", new TreeSet<>()));

    private DocumentParts() {}

    /** Whether the member at {@code pointer} (as a replay names a difference) is wording rather than decision. */
    static boolean isWording(String pointer) {
        return WORDING.contains(INDEX.matcher(pointer).replaceAll("/*"));
    }

    /** Whether a member so named is a sentence for people: its name ends in the language it is written in. */
    static boolean isText(String member) {
        return LANGUAGE_SUFFIX.matcher(member).matches();
    }

    private static Set<String> wording(Class<?> type, String prefix, Set<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String at = prefix + "/" + c.getName();
            Class<?> t = c.getType();
            if (t == String.class && isText(c.getName())) out.add(at);
            else if (t.isRecord()) wording(t, at, out);
            else if (t == List.class && item(c.getGenericType()) instanceof Class<?> item && item.isRecord()) {
                wording(item, at + "/*", out);
            }
        }
        return out;
    }

    private static Type item(Type list) {
        return list instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
    }

    /** The differing pointers, parted: the decision's and the wording's. */
    record Parted(List<String> decision, List<String> wording) {}

    static Parted part(List<String> pointers) {
        return new Parted(pointers.stream().filter(p -> !isWording(p)).toList(),
                pointers.stream().filter(DocumentParts::isWording).toList());
    }
}
