package vn.chuyenhoa.area;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which new commune(s) each old commune went into on 1 July 2025, and the one check every request path makes with it
 * (domain spec §8.1): an area of a list that did not exist at the end of the period is bad input, and the answer
 * names the commune(s) on the other side, so the caller can send it again with the right code.
 */
public final class Reform {

    /** One old commune into one new commune: wholly, or (split) in part. */
    public record Link(AdminUnit from, AdminUnit to, boolean whole) {}

    /** A refusal in the API's terms: the field, a stable code, and a sentence in English and Vietnamese. */
    public record Refusal(String field, String code, String message, String messageVi) {}

    public static final String FIELD = "area.code";
    public static final String CODE = "unit_reorganised";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Map<String, List<Link>> successors;
    private final Map<String, List<Link>> predecessors;
    private final Map<String, Map<String, String>> newProvinces;
    private final AreaDirectory areas;

    Reform(List<UnitMapping.Row> rows, AreaDirectory areas) {
        this.areas = areas;
        Map<String, List<Link>> next = new HashMap<>();
        Map<String, List<Link>> before = new HashMap<>();
        Map<String, Map<String, String>> provinces = new HashMap<>();
        for (UnitMapping.Row r : rows) {
            AdminUnit from = areas.find(CodeScheme.QD124_2004, r.oldCode()).orElseThrow(
                    () -> new IllegalArgumentException("2024→2025 mapping names old commune " + r.oldCode() + ", not in the 2024 list"));
            AdminUnit to = areas.find(CodeScheme.QD19_2025, r.newCode()).orElseThrow(
                    () -> new IllegalArgumentException("2024→2025 mapping names new commune " + r.newCode() + ", not in the 2025 list"));
            Link link = new Link(from, to, r.whole());
            next.computeIfAbsent(from.code(), k -> new ArrayList<>()).add(link);
            before.computeIfAbsent(to.code(), k -> new ArrayList<>()).add(link);
            provinces.computeIfAbsent(from.provinceCode(), k -> new java.util.TreeMap<>()).put(to.provinceCode(), to.provinceName());
        }
        provinces.replaceAll((k, v) -> Map.copyOf(v));
        this.newProvinces = Map.copyOf(provinces);
        next.replaceAll((k, v) -> List.copyOf(v));
        before.replaceAll((k, v) -> List.copyOf(v));
        this.successors = Map.copyOf(next);
        this.predecessors = Map.copyOf(before);
    }

    /** The new commune(s) an old commune went into; one whole link when it was not split. */
    public List<Link> successors(String oldCode) {
        return successors.getOrDefault(oldCode, List.of());
    }

    /** The old communes (wholly or in part) a new commune was formed from, in mapping order. */
    public List<Link> predecessors(String newCode) {
        return predecessors.getOrDefault(newCode, List.of());
    }

    /**
     * The new provinces (code → name) the communes of an old province went into: Bắc Giang (24) → Bắc Ninh (24); Gia
     * Lai (64) → Gia Lai (52). What an administrator is offered for an account limited to the old province.
     */
    public Map<String, String> newProvinces(String oldProvinceCode) {
        return new java.util.TreeMap<>(newProvinces.getOrDefault(oldProvinceCode, Map.of()));
    }

    /** The one new commune an old commune went wholly into; empty when it was split (the officer chooses). */
    public Optional<AdminUnit> wholeSuccessor(String oldCode) {
        List<Link> links = successors(oldCode);
        return links.size() == 1 && links.get(0).whole() ? Optional.of(links.get(0).to()) : Optional.empty();
    }

    /**
     * Refuses an area of a list not in force on the period's last day: an old code for a period ending on or after
     * 1 July 2025, a new code for one ending before it. Empty when the area's list was in force then, or the code is
     * unknown (reported elsewhere as unknown_code).
     */
    public Optional<Refusal> check(CodeScheme scheme, String code, LocalDate periodEnd) {
        if (scheme == null || code == null || periodEnd == null || scheme.inForceOn(periodEnd)) return Optional.empty();
        String day = CodeScheme.REFORM_DAY.format(DAY);
        String end = periodEnd.format(DAY);
        if (scheme == CodeScheme.QD124_2004) {
            List<Link> next = successors(code);
            if (next.isEmpty()) return Optional.empty();
            AdminUnit old = next.get(0).from();
            String to = names(next.stream().map(Link::to).toList());
            String codes = next.stream().map(l -> l.to().code()).collect(Collectors.joining(" hoặc "));
            String codesEn = next.stream().map(l -> l.to().code()).collect(Collectors.joining(" or "));
            boolean split = next.size() > 1;
            String vi = named(old) + (split ? " được chia vào " : " thuộc ") + to + " từ " + day + ". Kỳ kết thúc ngày " + end
                    + " nên dùng codeScheme QD19_2025, mã " + codes + (split ? " (phần địa bàn đã chuyển hóa thuộc về xã nào thì dùng mã xã đó)" : "")
                    + "; số liệu vẫn là của địa bàn cũ đã chuyển hóa.";
            String en = named(old) + (split ? " was split between " : " is part of ") + to + " from " + day + ". A period ending "
                    + end + " uses codeScheme QD19_2025, code " + codesEn + (split ? " (the one that holds the transformed area)" : "")
                    + "; the facts still describe the old area that was transformed.";
            return Optional.of(new Refusal(FIELD, CODE, en, vi));
        }
        List<Link> before = predecessors(code);
        Optional<AdminUnit> found = areas.find(CodeScheme.QD19_2025, code);
        if (found.isEmpty()) return Optional.empty();
        AdminUnit now = found.get();
        if (before.isEmpty()) {
            // the five special zones made of island districts that had no communes in the 2024 list
            return Optional.of(new Refusal(FIELD, CODE, named(now) + " exists from " + day + "; the 2024 list has no commune "
                    + "it was formed from. A period ending " + end + " (before that day) uses codeScheme QD124_2004.",
                    named(now) + " có từ " + day + "; danh mục 2024 không có xã nào hợp thành đơn vị này. Kỳ kết thúc ngày "
                            + end + " (trước ngày đó) dùng codeScheme QD124_2004."));
        }
        String from = names(before.stream().map(Link::from).toList());
        String vi = named(now) + " được thành lập từ " + day + " từ " + from + ". Kỳ kết thúc ngày " + end
                + " (trước ngày đó) dùng codeScheme QD124_2004 và mã của xã cũ.";
        String en = named(now) + " exists from " + day + ", formed from " + from + ". A period ending " + end
                + " (before that day) uses codeScheme QD124_2004 and the old commune's code.";
        return Optional.of(new Refusal(FIELD, CODE, en, vi));
    }

    /** "Xã Kiên Thọ (15112)": names beside codes, as every page and message shows them. */
    public static String named(AdminUnit u) {
        return u.name() + " (" + u.code() + ")";
    }

    private static String names(List<AdminUnit> units) {
        return units.stream().distinct().map(Reform::named).collect(Collectors.joining(", "));
    }
}
