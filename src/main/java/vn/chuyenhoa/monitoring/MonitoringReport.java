package vn.chuyenhoa.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.kernel.Dates;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.evaluation.Fact;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.monitoring.MonitoringDocument.ReasonView;

/**
 * Puts what the monitoring rules decided into sentences, in Vietnamese and English. Labels and legal bases come from
 * the tables; only the grammar that is the same for every reason is here.
 */
final class MonitoringReport {

    static final String NOTICE_VI = "Đây là khuyến nghị, không làm thay đổi trạng thái của địa bàn; trạng thái chỉ thay đổi "
            + "bằng một quyết định được ghi nhận có viện dẫn báo cáo này.";
    static final String NOTICE_EN = "This is a recommendation and changes no area's state; the state changes only by a "
            + "recorded decision that cites this report.";

    private MonitoringReport() {}

    /** @param scopeUnit the unit of the area the profile was chosen for, to name its province and district; or null */
    public static MonitoringDocument render(UUID id, String rulesetVersion, Instant at, String submittedBy,
                                            MonitoringJudgement j, AdminUnit scopeUnit) {
        EvaluationInput report = j.input().report();
        Area a = report.area();
        List<ReasonView> reasons = j.reasons().stream().map(f -> reason(f, j.chain())).toList();
        TreeSet<String> missing = new TreeSet<>();
        j.reasons().stream().filter(f -> f.outcome() == ReasonOutcome.MISSING_DATA).forEach(f -> missing.addAll(f.check().getMissing()));
        String[] recommendation = recommendation(j);
        RelapseSettings w = j.window();
        return new MonitoringDocument(id, j.verdict(), recommendation[0], recommendation[1], NOTICE_VI, NOTICE_EN,
                new MonitoringDocument.MonitoredArea(a.codeScheme(), a.code(), a.name(), a.districtCode(), a.provinceCode()),
                profile(j, scopeUnit), j.input().recognisedOn(), j.input().recognitionDecision(), report.period(),
                report.baselinePeriod(),
                new MonitoringDocument.MonitoringWindow(w.monitoringWindowYears(), j.windowStart(), j.windowEnd(),
                        j.verdict() != RelapseVerdict.OUTSIDE_WINDOW, w.profileId(), w.legalBasis(), w.source()),
                rulesetVersion, at, submittedBy, reasons, List.copyOf(missing), j.verdictRule(), facts(report.facts()),
                j.input().proposedAgain());
    }

    /** "NGOC_LAC_2024 (Kế hoạch … huyện Ngọc Lặc)": a profile's name beside its id in a Vietnamese sentence. */
    private static String namedVi(Profile p) {
        return p.labelVi() == null || p.labelVi().isBlank() ? p.id() : p.id() + " (" + p.labelVi() + ")";
    }

    private static MonitoringDocument.MonitoringProfile profile(MonitoringJudgement j, AdminUnit scopeUnit) {
        Profile p = j.chain().first();
        List<String> rest = j.chain().ids().subList(1, j.chain().ids().size());
        List<Profile> restProfiles = j.chain().profiles().subList(1, j.chain().profiles().size());
        String fallbackVi = rest.isEmpty() ? "" : " Lý do hoặc thời gian theo dõi mà bộ này không đặt được lấy từ "
                + restProfiles.stream().map(MonitoringReport::namedVi).collect(Collectors.joining(", ")) + ", theo thứ tự.";
        String fallbackEn = rest.isEmpty() ? "" : " A reason or window it does not set comes from " + String.join(", ", rest) + ", in that order.";
        Area a = j.input().scopeArea();
        Predecessor pre = j.input().predecessor();
        String vi = j.chain().named()
                ? "Bộ tiêu chí " + namedVi(p) + " do bên gửi chỉ định và được áp dụng đúng như chỉ định." + fallbackVi
                : "Bộ tiêu chí " + namedVi(p) + " được chọn vì phạm vi (" + p.scope().describeVi(scopeUnit) + ") chứa địa bàn "
                        + (scopeUnit == null ? a.code() : scopeUnit.name() + " (" + a.code() + ")") + " (danh mục "
                        + vn.chuyenhoa.area.CodeScheme.titleOf(a.codeScheme()) + ") và thời gian hiệu lực chứa ngày công nhận " + Dates.format(j.input().recognisedOn())
                        + ": đây là kế hoạch cụ thể nhất đã điều chỉnh việc chuyển hóa." + fallbackVi;
        String en = j.chain().named()
                ? "Profile " + p.id() + " was named by the caller (profileId) and is applied as given." + fallbackEn
                : "Profile " + p.id() + " was chosen because its scope (" + p.scope().describeEn() + ") contains area " + a.codeScheme() + " "
                        + a.code() + " and its validity contains the recognition date " + j.input().recognisedOn()
                        + ": it is the most specific plan that governed the transformation." + fallbackEn;
        MonitoringDocument.PredecessorView view = null;
        if (pre != null) {
            Area now = j.input().report().area();
            String from = pre.formedFrom().stream().map(o -> o.name() + " (" + o.code() + ")").collect(Collectors.joining(", "));
            String whyVi = switch (pre.selectedBy()) {
                case "CALLER" -> "bên gửi chỉ định xã cũ này (predecessorCode)";
                case "PROFILE" -> "bộ tiêu chí do bên gửi chỉ định áp dụng cho xã cũ này";
                default -> "các xã cũ hợp thành đều theo cùng một bộ tiêu chí vào ngày công nhận";
            };
            String whyEn = switch (pre.selectedBy()) {
                case "CALLER" -> "the caller named this old commune (predecessorCode)";
                case "PROFILE" -> "the profile the caller named covered this old commune";
                default -> "every old commune it was formed from was under the same profile on the recognition date";
            };
            vi = now.name() + " (" + now.code() + ", danh mục QĐ 19/2025/QĐ-TTg) được hợp thành từ 01/07/2025 từ " + from
                    + "; địa bàn được công nhận ngày " + Dates.format(j.input().recognisedOn())
                    + ", trước khi sắp xếp, nên được theo dõi theo kế hoạch của xã cũ "
                    + pre.area().name() + " (" + pre.area().code() + ", danh mục QĐ 124/2004/QĐ-TTg) vì " + whyVi + ". " + vi;
            en = now.name() + " (" + now.code() + ", QD19_2025) was formed on 01/07/2025 from " + from
                    + "; the area was recognised on " + j.input().recognisedOn() + ", before the reform, so it is monitored under the plan of the old commune "
                    + pre.area().name() + " (" + pre.area().code() + ", QD124_2004) because " + whyEn + ". " + en;
            view = new MonitoringDocument.PredecessorView(pre.area().codeScheme(), pre.area().code(), pre.area().name(),
                    pre.area().districtCode(), pre.area().provinceCode(), pre.selectedBy(),
                    pre.formedFrom().stream().map(o -> o.name() + " (" + o.code() + ")").toList());
        }
        return new MonitoringDocument.MonitoringProfile(p.id(), p.labelVi(), p.labelEn(), j.chain().named() ? "CALLER" : "SCOPE",
                j.chain().ids(), vi, en, p.source(), view);
    }

    private static String[] recommendation(MonitoringJudgement j) {
        var period = j.input().report().period();
        String span = period.from() + " – " + period.to();
        // Vietnamese sentences are read by officers: dd/mm/yyyy, as every page writes dates (domain spec §1.1)
        String spanVi = Dates.format(period.from()) + " – " + Dates.format(period.to());
        switch (j.verdict()) {
            case RELAPSED -> {
                List<ReasonFinding> applying = j.reasons().stream().filter(f -> f.outcome() == ReasonOutcome.APPLIES).toList();
                return new String[] {
                        "Khuyến nghị: địa bàn đã tái phức tạp trong kỳ " + spanVi + " vì: "
                                + applying.stream().map(f -> f.check().getReason().labelVi()).collect(Collectors.joining("; ")) + ".",
                        "Recommendation: the area has relapsed in " + span + " because: "
                                + applying.stream().map(f -> f.check().getReason().labelEn()).collect(Collectors.joining("; ")) + "."};
            }
            case STABLE -> {
                return new String[] {
                        "Khuyến nghị: địa bàn ổn định; không lý do tái phức tạp nào áp dụng trong kỳ " + spanVi + ".",
                        "Recommendation: the area is stable; no relapse reason applies in " + span + "."};
            }
            case INSUFFICIENT_DATA -> {
                List<ReasonFinding> open = j.reasons().stream().filter(f -> f.outcome() == ReasonOutcome.MISSING_DATA).toList();
                String ids = open.stream().map(f -> f.check().getReason().id()).collect(Collectors.joining(", "));
                String facts = open.stream().flatMap(f -> f.check().getMissing().stream()).distinct().collect(Collectors.joining(", "));
                String labelsVi = open.stream().map(f -> f.check().getReason().labelVi()).collect(Collectors.joining("; "));
                String factsVi = open.stream().flatMap(f -> f.check().getMissing().stream()).distinct()
                        .map(MonitoringReport::factVi).collect(Collectors.joining("; "));
                return new String[] {
                        "Chưa đủ dữ liệu: không lý do tái phức tạp nào áp dụng, nhưng chưa xét được " + labelsVi + " vì thiếu " + factsVi + ".",
                        "Insufficient data: no relapse reason applies, but " + ids + " could not be checked: " + facts + " absent."};
            }
            default -> {
                RelapseSettings w = j.window();
                String where = w.source().cited() + ", " + w.profileId();
                return new String[] {
                        "Không đánh giá: kỳ báo cáo " + spanVi + " không nằm trọn trong thời gian theo dõi " + w.monitoringWindowYears()
                                + " năm sau ngày công nhận " + Dates.format(j.input().recognisedOn()) + " (từ " + Dates.format(j.windowStart())
                                + " đến hết ngày " + Dates.format(j.windowEnd()) + "; " + where + "). Hãy gửi báo cáo cho kỳ kết thúc chậm nhất ngày "
                                + Dates.format(j.windowEnd()) + ".",
                        "Not judged: the reporting period " + span + " does not lie within the " + w.monitoringWindowYears()
                                + "-year monitoring window after recognition on " + j.input().recognisedOn() + " (" + j.windowStart()
                                + " to " + j.windowEnd() + " inclusive; " + where + "). Send a report for a period ending on "
                                + j.windowEnd() + " at the latest."};
            }
        }
    }

    /** A missing fact as the Vietnamese sentences name it, never by its JSON name. */
    /** "«Kế hoạch … huyện Ngọc Lặc» (NGOC_LAC_2024)": a profile of the chain by its table's name, the code beside it. */
    private static String named(ProfileChain chain, String profileId, boolean en) {
        return chain.profiles().stream().filter(p -> p.id().equals(profileId)).findFirst()
                .map(p -> en ? p.labelEn() : p.labelVi()).filter(l -> l != null && !l.isBlank())
                .map(l -> "«" + l + "» (" + profileId + ")").orElse(profileId);
    }

    private static String factVi(String jsonName) {
        return ReportFacts.PROPOSED_AGAIN.equals(jsonName) ? "đề xuất đưa lại vào danh sách" : Fact.label(jsonName, false);
    }

    private static String yesNoVi(Object b) {
        return Boolean.TRUE.equals(b) || "true".equals(String.valueOf(b)) ? "có" : "không";
    }

    /** @param chain the profiles the reasons came from, to name the one whose row switched a reason off */
    static ReasonView reason(ReasonFinding f, ProfileChain chain) {
        ReasonCheck c = f.check();
        RelapseReason r = c.getReason();
        String actual = null, threshold = null;
        String vi, en;
        String cmp = r.comparison().symbol();
        switch (r.kind()) {
            case FLAG -> {
                threshold = String.valueOf(r.expected());
                if (c.getFlag() != null) actual = String.valueOf(c.getFlag());
            }
            case COUNT -> {
                threshold = r.threshold().stripTrailingZeros().toPlainString();
                if (c.getValue() != null) actual = String.valueOf(c.getValue());
            }
            case ABOVE_BASELINE -> {
                threshold = r.threshold().stripTrailingZeros().toPlainString();
                BigDecimal rise = c.getReading().shown();
                if (rise != null) actual = rise.toPlainString();
            }
        }
        switch (f.outcome()) {
            case SWITCHED_OFF -> {
                vi = r.labelVi() + ": không xét vì ô " + r.enabledSource().sheet() + " " + r.enabledSource().cell()
                        + " của bộ tiêu chí " + named(chain, r.profileId(), false) + " tắt lý do này.";
                en = r.labelEn() + ": not checked because cell " + r.enabledSource().sheet() + " " + r.enabledSource().cell()
                        + " of profile " + named(chain, r.profileId(), true) + " sets enabled = false.";
            }
            case MISSING_DATA -> {
                String facts = String.join(", ", c.getMissing());
                String factsVi = String.join("; ", c.getMissing().stream().map(MonitoringReport::factVi).toList());
                vi = r.labelVi() + ": chưa xét được, thiếu " + factsVi + ".";
                en = r.labelEn() + ": cannot be checked, missing " + facts + ".";
            }
            default -> {
                boolean applies = f.outcome() == ReasonOutcome.APPLIES;
                String thenVi = applies ? " → là lý do tái phức tạp." : " → không phải lý do tái phức tạp.";
                String thenEn = applies ? " → a relapse reason." : " → not a relapse reason.";
                switch (r.kind()) {
                    case FLAG -> {
                        // Vietnamese says có/không, never the JSON name (issue 15)
                        vi = r.labelVi() + ": " + yesNoVi(c.getFlag()) + " (lý do áp dụng khi: " + yesNoVi(r.expected()) + ")" + thenVi;
                        en = r.labelEn() + ": " + r.fact() + " = " + c.getFlag() + " (the reason applies when = " + r.expected() + ")" + thenEn;
                    }
                    case COUNT -> {
                        vi = r.labelVi() + ": " + c.getValue() + " (lý do áp dụng khi " + r.comparison().bound(r.threshold(), true) + ")" + thenVi;
                        en = r.labelEn() + ": " + r.fact() + " = " + c.getValue() + " (the reason applies when " + r.comparison().bound(r.threshold(), false) + ")" + thenEn;
                    }
                    default -> {
                        long b = c.getBaseline(), cur = c.getCurrent();
                        String changeVi = b == 0 ? "trước chuyển hóa không có vụ nào"
                                : cur == b ? "không đổi" : (cur > b ? "tăng " : "giảm ") + vn.chuyenhoa.kernel.Numbers.format(new BigDecimal(actual).abs(), true, true) + "%";
                        String changeEn = b == 0 ? "none before transformation"
                                : cur == b ? "unchanged" : (cur > b ? "up " : "down ") + actual.replace("-", "") + "%";
                        String basis = r.current().stream().map(Fact::jsonName).collect(Collectors.joining(" + "));
                        vi = r.labelVi() + ": " + cur + " trong kỳ theo dõi so với " + b + " trước chuyển hóa ("
                                + changeVi + "; lý do áp dụng khi mức tăng " + r.comparison().bound(r.threshold(), true) + "%)" + thenVi;
                        en = r.labelEn() + ": " + cur + " in the monitoring period against " + b + " before transformation (" + basis
                                + ", " + changeEn + "; the reason applies when the increase is " + r.comparison().bound(r.threshold(), false) + "%)" + thenEn;
                    }
                }
            }
        }
        return new ReasonView(r.id(), f.outcome(), r.kind().name(), r.labelVi(), r.labelEn(), actual, cmp, threshold,
                c.getBaseline(), c.getCurrent(), vi, en, f.rule(), r.profileId(),
                f.outcome() == ReasonOutcome.SWITCHED_OFF ? r.enabledSource() : r.source(), r.legalBasis(),
                f.outcome() == ReasonOutcome.MISSING_DATA ? c.getMissing() : null);
    }

    private static Map<String, Object> facts(Map<Fact, Object> facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Fact f : Fact.values()) {
            Object v = facts.get(f);
            if (v != null) out.put(f.jsonName(), v);
        }
        return out;
    }
}
