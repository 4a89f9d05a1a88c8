package vn.chuyenhoa.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.kernel.Comparison;
import vn.chuyenhoa.kernel.Numbers;

/**
 * How pages write what the API writes for machines (templates call it as {@code @show}): dates dd/mm/yyyy, times in
 * Vietnam time to the second, numbers through kernel.Numbers, fact names and code lists as words, and the name beside
 * a province, district or commune code. One place, so no page writes an ISO date, a UTC instant or a JSON name; the
 * PDFs of a page (an evaluation's for the dossier) write through it too, so that they say what the page says.
 */
@Component("show")
public class Show {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final AreaDirectory areas;
    private final org.springframework.context.MessageSource messages;

    Show(AreaDirectory areas, org.springframework.context.MessageSource messages) {
        this.areas = areas;
        this.messages = messages;
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** 2024-12-12 → 12/12/2024 (also from the ISO text a record keeps). */
    public String date(Object d) {
        if (d == null) return "";
        return vn.chuyenhoa.kernel.Dates.format(d instanceof LocalDate l ? l : LocalDate.parse(d.toString().substring(0, 10)));
    }

    /** An instant (or its ISO text) in Vietnam time, to the second: 2026-12-05T08:01:02.123456Z → 05/12/2026 15:01:02. */
    public String time(Object t) {
        if (t == null) return "";
        Instant i = t instanceof Instant x ? x : t instanceof OffsetDateTime o ? o.toInstant() : Instant.parse(t.toString());
        return TIME.format(i.atZone(VIETNAM));
    }

    /**
     * Who did something, as the pages name them: an account by its user name, the service's own actors (start-up,
     * folder watcher, demo-account loader) by a label (actor.* in the messages), so no internal name reaches a page.
     */
    public String actor(String name) {
        if (name == null) return "";
        return messages.getMessage("actor." + name, null, name, LocaleContextHolder.getLocale());
    }

    /**
     * What an actor wrote: a person's text as written; the service's own actors write both languages as
     * "tiếng Việt / English", of which the page shows its own.
     */
    public String said(String actor, String text) {
        if (text == null || actor == null || actor(actor).equals(actor)) return text == null ? "" : text;
        String[] both = text.split(" / ", 2);
        return both.length < 2 ? text : english() ? both[1] : both[0];
    }

    public String number(Object n) {
        if (n == null) return "";
        boolean vi = !english();
        if (n instanceof BigDecimal d) return Numbers.format(d, vi, true);
        if (n instanceof Long || n instanceof Integer || n instanceof Short) return Numbers.format(((Number) n).longValue(), vi);
        if (n instanceof Boolean b) return yesNo(b);
        String s = n.toString();
        if (s.matches("-?\\d+")) return Numbers.format(Long.parseLong(s), vi);
        if (s.matches("-?\\d+\\.\\d+")) return Numbers.format(new BigDecimal(s), vi, true);
        if (s.equals("true") || s.equals("false")) return yesNo(Boolean.parseBoolean(s));
        return s;
    }

    /**
     * A threshold or target with its comparison, as {@link Comparison#bound} writes it ("≥ 60", "< 0,5"); the
     * comparison as the API or a table writes it (">=") or a {@link Comparison}; the number alone when there is none.
     */
    public String bound(Object comparison, Object value) {
        if (value == null) return "";
        Optional<Comparison> c = comparison instanceof Comparison x ? Optional.of(x)
                : Comparison.parse(comparison == null ? null : comparison.toString());
        String text = value.toString();
        if (c.isEmpty() || !text.matches("-?\\d+(\\.\\d+)?")) return (c.map(x -> x.sign() + " ").orElse("")) + number(value);
        return c.get().bound(new BigDecimal(text), !english());
    }

    public String yesNo(boolean b) {
        return english() ? (b ? "yes" : "no") : (b ? "có" : "không");
    }

    /** A fact's JSON name as words in the page's language. */
    public String fact(String jsonName) {
        if (jsonName == null) return "";
        // one catalogue of fact labels (facts.properties) for evaluation, screening and monitoring inputs alike
        return messages.getMessage("fact." + jsonName, null, jsonName, LocaleContextHolder.getLocale());
    }

    /** A list of fact names as words, comma separated. */
    public String facts(java.util.Collection<String> jsonNames) {
        if (jsonNames == null) return "";
        return String.join(", ", jsonNames.stream().map(this::fact).toList());
    }

    /** The code list by the decision that published it. */
    public String scheme(Object scheme) {
        if (scheme == null) return "";
        return CodeScheme.titleOf(scheme.toString());
    }

    /** "Điện Biên (11)": a province's name beside its code (shown on every row of a list: a lookup, not a search). */
    public String province(Object scheme, String code) {
        if (code == null) return "";
        return CodeScheme.parse(String.valueOf(scheme)).flatMap(s -> areas.provinceName(s, code))
                .map(name -> name + " (" + code + ")").orElse(code);
    }

    /** An account's provinces ("QD124_2004:24") as names: "Bắc Giang (24)". */
    public String scopes(java.util.Collection<String> provinces) {
        if (provinces == null) return "";
        return String.join(", ", provinces.stream().map(p -> {
            int colon = p.indexOf(':');
            return colon < 0 ? p : province(p.substring(0, colon), p.substring(colon + 1));
        }).sorted().toList());
    }

    private static final java.util.regex.Pattern SCOPES = java.util.regex.Pattern.compile("\\[([A-Z0-9_]+:[0-9]+(?:, [A-Z0-9_]+:[0-9]+)*)]");

    /** What the login throttle logs: "5 wrong passwords; locked until 2026-12-06T04:39:05Z". */
    private static final java.util.regex.Pattern LOCKED = java.util.regex.Pattern.compile("(\\d+) wrong passwords; locked until (\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z)");

    private static final java.util.regex.Pattern ROLE_CODE = java.util.regex.Pattern.compile("\\b[A-Z][A-Z_]+\\b");

    /**
     * An account event's details as the log stored them ("roles PROGRAMME_OFFICER; provinces [QD124_2004:11]"), in
     * words for the Vietnamese page: roles by their labels, provinces by name. The stored text itself is never changed.
     */
    public String eventDetails(String details) {
        if (details == null || english()) return details;
        String s = details;
        java.util.regex.Matcher locked = LOCKED.matcher(s);
        if (locked.matches()) return locked.group(1) + " lần nhập sai mật khẩu; khóa đến " + time(locked.group(2));
        java.util.regex.Matcher m = SCOPES.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(scopes(java.util.List.of(m.group(1).split(", ")))));
        m.appendTail(b);
        s = b.toString();
        // roles by the labels the pages' messages give them (role.X), so the shared page code needs no access type
        java.util.regex.Matcher role = ROLE_CODE.matcher(s);
        StringBuilder named = new StringBuilder();
        while (role.find()) {
            String label = messages.getMessage("role." + role.group(), null, role.group(), LocaleContextHolder.getLocale());
            role.appendReplacement(named, java.util.regex.Matcher.quoteReplacement(label));
        }
        role.appendTail(named);
        s = named.toString();
        // "phạm vi", not "tỉnh": the names that follow already say "Tỉnh …"
        return s.replaceAll("\\broles\\b", "vai trò").replaceAll("\\bnational\\b", "toàn quốc").replaceAll("\\bprovinces\\b", "phạm vi")
                .replaceAll("^token\\b", "mã truy cập").replaceAll("\\benabled$", "được dùng").replaceAll("\\bdisabled$", "đã khóa");
    }

    /**
     * A district's name beside its code (lists before 1 July 2025): "Huyện Nậm Pồ (103)", the name saying its kind,
     * so no word goes before it; "huyện 103" only for a code the list does not know.
     */
    public String district(Object scheme, String provinceCode, String code) {
        if (code == null) return "";
        return CodeScheme.parse(String.valueOf(scheme)).flatMap(s -> areas.communesOf(s, provinceCode).stream()
                        .filter(u -> code.equals(u.districtCode())).findFirst())
                .map(u -> u.districtName() + " (" + code + ")")
                .orElseGet(() -> messages.getMessage("evaluation.district", null, "huyện", LocaleContextHolder.getLocale()) + " " + code);
    }

    /** A commune's name beside its code. */
    public String commune(Object scheme, String code) {
        if (code == null) return "";
        return CodeScheme.parse(String.valueOf(scheme)).flatMap(s -> areas.find(s, code))
                .map(u -> u.name() + " (" + code + ")").orElse(code);
    }

    /** The provinces of a code list by name, for pickers: code → name, in name order. */
    public Map<String, String> provinces(Object scheme) {
        Map<String, String> byName = new TreeMap<>(java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi")));
        CodeScheme.parse(String.valueOf(scheme)).ifPresent(s -> {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int p = 1; p <= 99; p++) {
                String code = String.format("%02d", p);
                areas.communesOf(s, code).stream().findFirst().ifPresent(u -> {
                    if (seen.add(u.provinceCode())) byName.put(u.provinceName(), u.provinceCode());
                });
            }
        });
        Map<String, String> out = new java.util.LinkedHashMap<>();
        byName.forEach((name, code) -> out.put(code, name));
        return out;
    }
}
