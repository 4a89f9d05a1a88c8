package vn.chuyenhoa.evaluation;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * A replay as the evaluation's page says it to an auditor: what it found, and each difference named in words (the
 * profile's reason in Vietnamese, the outcome of the criterion «…») with both values as the page shows them, never
 * as a JSON pointer or an enum code; the English page adds the pointer the API names.
 */
@Component
class ReplayFindings {

    /** What the page says of a replay. */
    record Finding(Reevaluations.Classification classification, String headline, List<Line> decision, List<Line> wording) {}

    /** One member that differs: which, in words; where the API names it; the stored and the replayed value. */
    record Line(String part, String pointer, String stored, String replayed) {}

    private final MessageSource messages;

    ReplayFindings(MessageSource messages) {
        this.messages = messages;
    }

    Finding of(Reevaluations.Rerun rerun, JsonNode stored, Locale locale) {
        Reevaluations.Classification c = rerun.classification();
        List<Line> decision = rerun.differences().stream().filter(d -> !DocumentParts.isWording(d.path()))
                .map(d -> line(d, stored, rerun.tree(), locale)).toList();
        List<Line> wording = rerun.differences().stream().filter(d -> DocumentParts.isWording(d.path()))
                .map(d -> line(d, stored, rerun.tree(), locale)).toList();
        return new Finding(c, text("replay." + c.name(), locale), decision, wording);
    }

    private Line line(Reevaluations.Difference d, JsonNode stored, JsonNode replayed, Locale locale) {
        String field = field(d.path());
        return new Line(part(d.path(), stored, replayed, locale), d.path(), value(field, d.stored(), locale),
                value(field, d.replayed(), locale));
    }

    /** "Lý do chọn (tiếng Việt) — bộ tiêu chí", "Kết quả — tiêu chí «Tỷ lệ điều tra, khám phá tội phạm»". */
    private String part(String path, JsonNode stored, JsonNode replayed, Locale locale) {
        if (path.startsWith("columns/")) {
            String column = path.substring("columns/".length());
            return messages.getMessage("replay.column", new Object[] {text("record.column." + column, locale)}, locale);
        }
        String[] s = path.substring(1).split("/");
        if (s[0].equals("criteria") && s.length > 1) {
            String criterion = criterion(stored, replayed, s[1], locale);
            return s.length == 2 ? messages.getMessage("replay.criterion", new Object[] {criterion}, locale)
                    : messages.getMessage("replay.ofCriterion", new Object[] {member(s[2], locale), criterion}, locale);
        }
        if (s[0].equals("profile") && s.length > 1) {
            return messages.getMessage("replay.ofProfile", new Object[] {member(s[1], locale)}, locale);
        }
        return member(s[0], locale);
    }

    /** A member's name in words; a text's language beside it. */
    private String member(String name, Locale locale) {
        boolean text = DocumentParts.isText(name);
        String base = text ? name.substring(0, name.length() - 2) : name;
        String words = messages.getMessage("replay.member." + base, null,
                messages.getMessage("replay.member.other", null, locale), locale);
        return text ? words + " (" + text("replay.language." + name.substring(name.length() - 2), locale) + ")" : words;
    }

    /** The criterion by its label in the page's language, from whichever document has it. */
    private String criterion(JsonNode stored, JsonNode replayed, String index, Locale locale) {
        String label = "en".equals(locale.getLanguage()) ? "labelEn" : "labelVi";
        for (JsonNode doc : new JsonNode[] {stored, replayed}) {
            JsonNode c = doc == null ? null : doc.path("criteria").path(Integer.parseInt(index));
            if (c != null && c.path(label).isString()) return c.path(label).asString();
        }
        return "#" + (Integer.parseInt(index) + 1);
    }

    /** The last member's name, an array's index left out: whose words a code value has (verdict, outcome, …). */
    private static String field(String path) {
        String[] s = path.split("/");
        for (int i = s.length - 1; i >= 0; i--) if (!s[i].matches("\\d+")) return s[i];
        return "";
    }

    private String value(String field, JsonNode v, Locale locale) {
        if (v == null || v.isMissingNode() || v.isNull()) return text("replay.value.absent", locale);
        if (v.isContainer()) return text("replay.value.present", locale);
        String s = v.isString() ? v.asString() : v.toString();
        // codes with words of their own: verdicts, outcomes, purposes, how a profile was chosen
        return s.matches("[A-Z][A-Z_]*") ? messages.getMessage(field + "." + s, null, s, locale) : s;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
