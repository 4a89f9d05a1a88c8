package vn.chuyenhoa.monitoring;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.area.Reform;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.Policy;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.http.Shown;

/**
 * Which old commune's plan a report on a new commune is judged under (domain spec §8.1). A new commune formed from
 * old ones that were all under the same plan needs nothing from the caller; one formed from old communes under
 * different plans needs the caller to name the old commune ({@code predecessorCode}) or the profile.
 */
final class Predecessors {

    /** Either the predecessor (null when the report needs none) or the field error that says what is missing. */
    public record Resolution(Predecessor predecessor, Reform.Refusal refusal) {}

    private Predecessors() {}

    public static Resolution resolve(Policy policy, Reform reform, Area area, LocalDate recognisedOn, String profileId,
                                     String predecessorCode) {
        boolean needed = CodeScheme.QD19_2025.name().equals(area.codeScheme())
                && !CodeScheme.QD19_2025.inForceOn(recognisedOn);
        if (!needed) {
            if (predecessorCode == null) return new Resolution(null, null);
            return refuse("not_applicable", "predecessorCode names the old commune a new commune came from; it applies only "
                            + "to an area of QD19_2025 recognised before " + day() + ", which this report is not.",
                    "predecessorCode là mã xã cũ của một xã mới; chỉ dùng cho địa bàn QD19_2025 được công nhận trước ngày "
                            + day() + ", báo cáo này không phải trường hợp đó.");
        }
        List<Reform.Link> links = reform.predecessors(area.code());
        Map<String, AdminUnit> olds = new LinkedHashMap<>();
        links.forEach(l -> olds.putIfAbsent(l.from().code(), l.from()));
        if (olds.isEmpty()) return new Resolution(null, null);
        List<Area> formedFrom = olds.values().stream().map(Predecessors::area).toList();
        if (predecessorCode != null) {
            AdminUnit named = olds.get(predecessorCode);
            if (named == null) {
                return refuse("not_a_predecessor", "predecessorCode " + clip(predecessorCode) + " is not one of the old communes "
                                + area.name() + " (" + area.code() + ") was formed from: " + list(olds) + ".",
                        "predecessorCode " + clip(predecessorCode) + " không phải là xã cũ hợp thành " + area.name() + " ("
                                + area.code() + "): " + list(olds) + ".");
            }
            return new Resolution(new Predecessor(area(named), formedFrom, "CALLER"), null);
        }
        // the profile each old commune was under on the recognition date
        Map<String, String> profiles = new LinkedHashMap<>();
        olds.values().forEach(u -> profiles.put(u.code(),
                policy.resolve(area(u), recognisedOn).map(Profile::id).orElse(null)));
        if (profileId != null) {
            AdminUnit covered = olds.values().stream().filter(u -> profileId.equals(profiles.get(u.code()))).findFirst()
                    .orElse(olds.values().iterator().next());
            return new Resolution(new Predecessor(area(covered), formedFrom, "PROFILE"), null);
        }
        if (profiles.values().stream().distinct().count() > 1) {
            String each = olds.values().stream().map(u -> Reform.named(u) + ": " + profiles.get(u.code()))
                    .collect(Collectors.joining("; "));
            return refuse("predecessor_required", area.name() + " (" + area.code() + ") was formed from old communes under "
                            + "different plans on " + recognisedOn + " (" + each + "); name the old commune that was transformed "
                            + "with predecessorCode, or the profile with profileId.",
                    area.name() + " (" + area.code() + ") được hợp thành từ các xã cũ theo các kế hoạch khác nhau vào ngày "
                            + recognisedOn + " (" + each + "); hãy chỉ định xã cũ đã được chuyển hóa bằng predecessorCode, "
                            + "hoặc bộ tiêu chí bằng profileId.");
        }
        return new Resolution(new Predecessor(formedFrom.get(0), formedFrom, "SAME_PROFILE"), null);
    }

    /** The old commune as the rules place it (scheme, district, province of 2024). */
    static Area area(AdminUnit u) {
        return new Area(u.scheme().name(), u.code(), u.name(), u.districtCode(), u.provinceCode());
    }

    private static String list(Map<String, AdminUnit> olds) {
        return olds.values().stream().map(Reform::named).collect(Collectors.joining(", "));
    }

    private static String day() {
        return CodeScheme.REFORM_DAY.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private static Resolution refuse(String code, String en, String vi) {
        return new Resolution(null, new Reform.Refusal("predecessorCode", code, en, vi));
    }

    private static String clip(String s) {
        return "\"" + Shown.clip(s) + "\"";
    }
}
