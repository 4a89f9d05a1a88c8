package vn.chuyenhoa.evaluation;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;


/**
 * The evaluation list's search form as typed: every field optional. {@code area} is an area code (digits) or part of
 * its name (accents and case ignored, so "nenh" finds "Phường Nếnh"); the period keeps evaluations whose period
 * overlaps it. Bad input gives messages for the form, never an error page.
 */
record EvaluationQuery(String area, String codeScheme, String provinceCode, String profileId, String verdict,
                       String periodFrom, String periodTo, String rulesetVersion, Integer page, Integer size) {

    static final List<Integer> SIZES = List.of(20, 50, 100);

    public record Problem(String field, String vi, String en) {}

    public EvaluationQuery {
        area = blankToNull(area);
        codeScheme = blankToNull(codeScheme);
        provinceCode = blankToNull(provinceCode);
        profileId = blankToNull(profileId);
        verdict = blankToNull(verdict);
        periodFrom = blankToNull(periodFrom);
        periodTo = blankToNull(periodTo);
        rulesetVersion = blankToNull(rulesetVersion);
        page = page == null ? 0 : Math.max(page, 0);
        size = size != null && SIZES.contains(size) ? size : SIZES.get(0);
    }

    List<Problem> problems() {
        List<Problem> p = new ArrayList<>();
        if (verdict != null) {
            try {
                Verdict.valueOf(verdict);
            } catch (IllegalArgumentException e) {
                p.add(new Problem("verdict", "Kết luận không hợp lệ: " + verdict, "Unknown verdict: " + verdict));
            }
        }
        LocalDate from = date(periodFrom, "periodFrom", p);
        LocalDate to = date(periodTo, "periodTo", p);
        if (from != null && to != null && to.isBefore(from)) {
            p.add(new Problem("periodTo", "Ngày cuối kỳ trước ngày đầu kỳ.", "The period ends before it starts."));
        }
        if (provinceCode != null && !provinceCode.matches("\\d{1,3}")) {
            p.add(new Problem("provinceCode", "Mã tỉnh là chữ số (ví dụ 24).", "A province code is digits (e.g. 24)."));
        }
        return p;
    }

    boolean areaIsCode() {
        return area != null && area.matches("\\d{1,6}");
    }

    /** What the store can filter by itself. */
    EvaluationFilter storeFilter() {
        return new EvaluationFilter(codeScheme, areaIsCode() ? area : null, provinceCode, profileId, verdict, null,
                rulesetVersion, null, null);
    }

    /** Whether some criteria must be checked row by row (area name, period). */
    boolean needsScan() {
        return (area != null && !areaIsCode()) || periodFrom != null || periodTo != null;
    }

    boolean matches(EvaluationSummary s) {
        if (area != null && !areaIsCode() && (s.areaName() == null || !fold(s.areaName()).contains(fold(area)))) return false;
        LocalDate from = parse(periodFrom);
        LocalDate to = parse(periodTo);
        if (from != null && s.periodTo() != null && s.periodTo().isBefore(from)) return false;
        if (to != null && s.periodFrom() != null && s.periodFrom().isAfter(to)) return false;
        return true;
    }

    /** The list's address with the same criteria, for paging links and exports. */
    String link(String path, Integer otherPage) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        params().forEach((k, v) -> b.queryParam(k, v));
        if (otherPage != null) b.queryParam("page", otherPage).queryParam("size", size);
        return b.encode().build().toUriString();
    }

    Map<String, String> params() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "area", area);
        put(m, "codeScheme", codeScheme);
        put(m, "provinceCode", provinceCode);
        put(m, "profileId", profileId);
        put(m, "verdict", verdict);
        put(m, "periodFrom", periodFrom);
        put(m, "periodTo", periodTo);
        put(m, "rulesetVersion", rulesetVersion);
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) m.put(k, v);
    }

    static String fold(String s) {
        String n = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).strip();
    }

    private static LocalDate date(String s, String field, List<Problem> p) {
        if (s == null) return null;
        LocalDate d = parse(s);
        if (d == null) {
            String shown = vn.chuyenhoa.http.Shown.clip(s);
            p.add(new Problem(field, "\"" + shown + "\" không phải là ngày viết dạng ngày/tháng/năm (ví dụ 31/12/2024).",
                    "\"" + shown + "\" is not a date written dd/mm/yyyy (for example 31/12/2024)."));
        }
        return d;
    }

    /**
     * dd/mm/yyyy as officers write dates (and as the forms read them); also yyyy-mm-dd, which links and bookmarks made
     * before the search box took dd/mm/yyyy still carry.
     */
    private static LocalDate parse(String s) {
        if (s == null) return null;
        java.util.Optional<LocalDate> typed = vn.chuyenhoa.http.FormBody.date(s);
        if (typed.isPresent()) return typed.get();
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
