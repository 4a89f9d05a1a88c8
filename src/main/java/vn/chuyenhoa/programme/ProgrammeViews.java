package vn.chuyenhoa.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.chuyenhoa.evaluation.PlannedEnd;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.kernel.TableSource;
import vn.chuyenhoa.programme.ProgrammeService.Programme;

/**
 * The JSON of the programme endpoints. Every number and date derived from the tables carries the row it came from and
 * a sentence in Vietnamese and English; the grammar of those sentences is here, the nouns come from the tables and
 * the lifecycle rules.
 */
final class ProgrammeViews {

    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ProgrammeViews() {}

    // ---- one area's record ---------------------------------------------------------------------------------------

    @io.swagger.v3.oas.annotations.media.Schema(name = "ProgrammeAreaName")
    record AreaView(String code, String name, String districtCode, String provinceCode) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @io.swagger.v3.oas.annotations.media.Schema(name = "PinnedProfile")
    record ProfileView(String id, String labelVi, String labelEn, LocalDate pinnedOn, String pinnedByRule,
                       String legalBasis, TableSource source, String reasonVi, String reasonEn) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlannedEndView(LocalDate date, String setting, String profileId, String legalBasis, TableSource source,
                          String explanationVi, String explanationEn) {}

    record MonitoringView(LocalDate recognisedOn, int windowYears, LocalDate endsOn, String profileId,
                          String legalBasis, TableSource source, String explanationVi, String explanationEn) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MoveView(AreaState to, String toLabelVi, String toLabelEn, String rule, String labelVi,
                    List<String> requires, String citesVerdict, String programmeYear, LocalDate availableFrom) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepView(int step, AreaState from, AreaState to, LocalDate effectiveDate, Instant recordedAt,
                    String recordedBy, String actor,
                    String decisionNumber, LocalDate decisionDate, UUID evaluationId, String evaluation,
                    String pinnedProfileId, String rule, String rulesetVersion, String comment, MovedView movedTo,
                    UUID monitoringReportId, String monitoringReport, Integer corrects, Integer voidedBy) {}

    /** Where a REORGANISED step moved the record: the new unit, and the address it is read at from then on. */
    record MovedView(String codeScheme, String provinceCode, String code, String name, String href) {}

    record LinkView(int year, AreaState state, String href) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecordView(String codeScheme, String provinceCode, int year, AreaView area, LocalDate asOf,
                      AreaState state, String stateLabelVi, String stateLabelEn, String summaryVi, String summaryEn,
                      ProfileView profile, PlannedEndView plannedEnd, boolean overdue, MonitoringView monitoring,
                      LinkView continues, LinkView continuedIn, List<MoveView> allowedTransitions,
                      List<MoveView> laterTransitions, List<StepView> history, String rulesetVersion) {}

    static String href(String scheme, String province, int year, String code) {
        return "/api/v1/programmes/" + scheme + "/" + province + "/" + year + "/areas/" + code;
    }

    static RecordView record(AreaStatus s, Optional<ProgrammeArea> origin, Optional<ProgrammeArea> continuation,
                             String rulesetVersion) {
        ProgrammeArea a = s.area();
        // the unit the area is on that day: across the reform, the old commune before its REORGANISED step, the new after
        Unit u = a.unitOn(s.asOf());
        AreaState st = s.state();
        String summaryVi, summaryEn;
        if (st == null) {
            summaryVi = "Ngày " + VI.format(s.asOf()) + " địa bàn chưa có trong chương trình năm " + a.year() + ".";
            summaryEn = "On " + s.asOf() + " the area was not yet in the " + a.year() + " programme.";
        } else {
            summaryVi = u.areaName() + " (" + u.areaCode() + "), chương trình năm " + a.year() + ": " + st.labelVi().toLowerCase()
                    + " (" + st + ") ngày " + VI.format(s.asOf()) + (s.overdue() ? "; đã quá thời hạn chuyển hóa "
                    + VI.format(s.plannedEnd()) + " mà chưa có kết luận" : "") + ".";
            summaryEn = u.areaName() + " (" + u.areaCode() + "), " + a.year() + " programme: " + st.labelEn().toLowerCase()
                    + " (" + st + ") on " + s.asOf() + (s.overdue() ? "; overdue, past its planned end of "
                    + s.plannedEnd() + " without a verdict" : "") + ".";
        }
        return new RecordView(u.codeScheme(), u.provinceCode(), a.year(),
                new AreaView(u.areaCode(), u.areaName(), u.districtCode(), u.provinceCode()), s.asOf(), st,
                st == null ? null : st.labelVi(), st == null ? null : st.labelEn(), summaryVi, summaryEn,
                profile(s), plannedEnd(s), s.overdue(), monitoring(s),
                origin.map(o -> link(o, s.asOf())).orElse(null), continuation.map(c -> link(c, s.asOf())).orElse(null),
                s.allowed().stream().map(ProgrammeViews::move).toList(),
                s.later().stream().map(ProgrammeViews::move).toList(),
                a.steps().stream().map(x -> step(x, a)).toList(), rulesetVersion);
    }

    private static LinkView link(ProgrammeArea a, LocalDate asOf) {
        Unit u = a.unitOn(asOf);
        return new LinkView(a.year(), a.stateOn(asOf).orElse(a.state()),
                href(u.codeScheme(), u.provinceCode(), a.year(), u.areaCode()));
    }

    private static ProfileView profile(AreaStatus s) {
        if (s.pinning() == null) return null;
        Step pin = s.pinning();
        LocalDate on = pin.decisionDate() != null ? pin.decisionDate() : pin.effectiveDate();
        Profile p = s.profile();
        if (p == null) {
            return new ProfileView(pin.profileId(), null, null, on, pin.rule(), null, null,
                    "Bộ tiêu chí " + pin.profileId() + " đã được gắn ngày " + VI.format(on)
                            + " nhưng không còn trong bộ quy tắc đang áp dụng.",
                    "Profile " + pin.profileId() + " was pinned on " + on + " but is no longer in the ruleset in force.");
        }
        return new ProfileView(p.id(), p.labelVi(), p.labelEn(), on, pin.rule(), p.legalBasis(), p.source(),
                "Bộ tiêu chí " + p.id() + " được gắn cho hồ sơ ngày " + VI.format(on) + " (" + pin.to()
                        + "): bộ tiêu chí cụ thể nhất có phạm vi (" + p.scope().describeVi()
                        + ") chứa địa bàn và có hiệu lực ngày đó. Chỉ đánh giá cuối kỳ theo bộ tiêu chí này mới làm căn cứ kết luận.",
                "Profile " + p.id() + " was pinned on " + on + " (" + pin.to() + "): the most specific profile whose scope ("
                        + p.scope().describeEn() + ") contains the area and that was in force that day. Only FINAL "
                        + "evaluations under it can justify a verdict.");
    }

    private static PlannedEndView plannedEnd(AreaStatus s) {
        if (s.plannedEndRule() == null) return null;
        PlannedEnd rule = s.plannedEndRule().value();
        String vi, en;
        if (rule.rule() == PlannedEnd.Rule.END_OF_YEAR) {
            vi = "Thời hạn chuyển hóa: hết ngày 31/12/" + s.area().year() + " (cuối năm chương trình).";
            en = "Planned end: 31 December " + s.area().year() + " (the end of the programme year).";
        } else if (s.plannedEnd() == null) {
            vi = "Thời hạn chuyển hóa: " + rule.months() + " tháng kể từ ngày bắt đầu chuyển hóa, chưa bắt đầu.";
            en = "Planned end: " + rule.months() + " months from the start of the transformation, which has not started.";
        } else {
            vi = "Thời hạn chuyển hóa: hết ngày " + VI.format(s.plannedEnd()) + " (" + rule.months() + " tháng kể từ ngày "
                    + VI.format(s.start()) + ").";
            en = "Planned end: " + s.plannedEnd() + " (" + rule.months() + " months from the start on " + s.start() + ").";
        }
        if (s.overdue()) {
            vi += " Ngày " + VI.format(s.asOf()) + " đã quá hạn mà chưa có kết luận.";
            en += " On " + s.asOf() + " it is overdue, without a verdict.";
        }
        return new PlannedEndView(s.plannedEnd(), rule.text(), s.plannedEndRule().profileId(),
                s.plannedEndRule().legalBasis(), s.plannedEndRule().source(), vi, en);
    }

    private static MonitoringView monitoring(AreaStatus s) {
        if (s.monitoringWindow() == null) return null;
        int years = s.monitoringWindow().value();
        boolean over = !s.asOf().isBefore(s.monitoringEnds());
        LocalDate last = s.monitoringLastDay();
        return new MonitoringView(s.recognisedOn(), years, last, s.monitoringWindow().profileId(),
                s.monitoringWindow().legalBasis(), s.monitoringWindow().source(),
                "Theo dõi " + years + " năm sau ngày công nhận " + VI.format(s.recognisedOn()) + " (từ "
                        + VI.format(s.recognisedOn().plusDays(1)) + "): "
                        + (over ? "đã hết ngày " + VI.format(last) + "."
                        : "đến hết ngày " + VI.format(last) + "; từ ngày "
                        + VI.format(s.monitoringEnds()) + " mới ghi nhận ổn định được."),
                "Monitored for " + years + " years after recognition on " + s.recognisedOn() + " (from "
                        + s.recognisedOn().plusDays(1) + "): "
                        + (over ? "the window ended on " + last + "."
                        : "until " + last + " inclusive; STABLE can be recorded from " + s.monitoringEnds() + "."));
    }

    static MoveView move(Move m) {
        List<String> requires = new ArrayList<>();
        if (m.isDecisionRequired()) {
            requires.add("decisionNumber");
            requires.add("decisionDate");
        }
        if (m.citedVerdict() != null) requires.add("evaluationId");
        if (m.isCitingReport()) requires.add("monitoringReportId");
        if (m.isReasonRequired()) requires.add("comment");
        if (m.year() == Move.Year.LATER) requires.add("programmeYear");
        return new MoveView(m.to(), m.to().labelVi(), m.to().labelEn(), m.rule(), m.labelVi(), requires,
                m.citedVerdict() == null ? null : m.citedVerdict().name(), m.year().name(),
                m.isLater() ? m.availableFrom() : null);
    }

    private static StepView step(Step s, ProgrammeArea a) {
        int year = a.year();
        Map<Integer, Integer> corrections = a.corrections();
        Integer corrects = corrections.get(s.step());
        Integer voidedBy = corrections.entrySet().stream().filter(e -> e.getValue() == s.step()).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        return new StepView(s.step(), s.from(), s.to(), s.effectiveDate(), s.recordedAt(), s.recordedBy(), s.actor(),
                s.decisionNumber(),
                s.decisionDate(), s.evaluationId(), s.evaluationId() == null ? null : "/api/v1/evaluations/" + s.evaluationId(),
                s.profileId(), s.rule(), s.rulesetVersion(), s.comment(), moved(s, year), s.monitoringReportId(),
                s.monitoringReportId() == null ? null : "/api/v1/monitoring-reports/" + s.monitoringReportId(),
                corrects, voidedBy);
    }

    private static MovedView moved(Step s, int year) {
        Unit u = s.movedTo();
        return u == null ? null : new MovedView(u.codeScheme(), u.provinceCode(), u.areaCode(), u.areaName(),
                href(u.codeScheme(), u.provinceCode(), year, u.areaCode()));
    }

    // ---- a province's records across the 2025 reform ---------------------------------------------------------------

    /** One new commune an old one went into; {@code whole} false when the old commune was split. */
    record SuccessorView(String codeScheme, String provinceCode, String code, String name, boolean whole) {}

    /**
     * @param status MOVE, CHOSEN, CHOOSE before the move; MOVED after it
     * @param to     null while a split commune waits for a choice
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlannedMoveView(int year, String code, String name, AreaState state, String status, String explanationVi,
                           String explanationEn, List<SuccessorView> options, SuccessorView to, String href) {}

    /** @param applied false for the preview (nothing changed), true once the steps are recorded */
    record ReorganisationView(String codeScheme, String provinceCode, String provinceName, boolean applied,
                              List<PlannedMoveView> records) {}

    static ReorganisationView reorganisation(Programme p, List<ProgrammeService.PlannedMove> plan, boolean applied) {
        List<PlannedMoveView> rows = plan.stream().map(m -> {
            List<SuccessorView> options = m.options().stream().map(l -> new SuccessorView(l.to().scheme().name(),
                    l.to().provinceCode(), l.to().code(), l.to().name(), l.whole())).toList();
            SuccessorView to = m.to() == null ? null : options.stream().filter(o -> o.code().equals(m.to().areaCode()))
                    .findFirst().orElse(null);
            String from = m.from().areaName() + " (" + m.from().areaCode() + ")";
            String list = options.stream().map(o -> o.name() + " (" + o.code() + ")").collect(java.util.stream.Collectors.joining(", "));
            String status = applied ? "MOVED" : m.status();
            String vi, en;
            if (to == null) {
                vi = from + " được chia vào " + list + ": cán bộ chọn xã mới có địa bàn của hồ sơ.";
                en = from + " was split between " + list + ": the officer chooses the one that holds the record's area.";
            } else {
                String target = to.name() + " (" + to.code() + ", tỉnh " + to.provinceCode() + ")";
                vi = from + (applied ? " đã chuyển sang " : " sẽ chuyển sang ") + target
                        + ("MOVE".equals(m.status()) ? ", vì toàn bộ xã cũ thuộc xã mới này." : ", theo lựa chọn của cán bộ.");
                en = from + (applied ? " moved to " : " moves to ") + target
                        + ("MOVE".equals(m.status()) ? ", into which the whole old commune went." : ", as the officer chose.");
            }
            ProgrammeArea a = m.record();
            Unit u = applied && to != null ? new Unit(to.codeScheme(), to.provinceCode(), to.code(), to.name(), null) : m.from();
            return new PlannedMoveView(a.year(), m.from().areaCode(), m.from().areaName(), a.state(), status, vi, en,
                    options, to, href(u.codeScheme(), u.provinceCode(), a.year(), u.areaCode()));
        }).toList();
        return new ReorganisationView(p.scheme().name(), p.provinceCode(), p.provinceName(), applied, rows);
    }

    // ---- a province's figures ------------------------------------------------------------------------------------

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ShareView(String value, int numerator, int denominator, String comparison, String target, Boolean met,
                     LocalDate runningUntil, String targetProfileId, String legalBasis, TableSource source,
                     String explanationVi, String explanationEn) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChangeView(int previousYear, int selected, int transformed, int notTransformed,
                      String transformedSharePoints, String notRelapsedSharePoints, String explanationVi,
                      String explanationEn) {}

    record YearView(int year, ProvinceFigures.Counts counts, ShareView transformedShare, ShareView notRelapsedShare,
                    ChangeView changeFromPreviousYear) {}

    record TotalView(ProvinceFigures.Counts counts, ShareView transformedShare, ShareView notRelapsedShare) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AreaRow(int year, String code, String name, String districtCode, AreaState state, String stateLabelVi,
                   String stateLabelEn, String profileId, LocalDate plannedEnd, boolean overdue,
                   Integer continuesFromYear, String href, MovedView movedTo) {}

    record FiguresView(String codeScheme, String provinceCode, String provinceName, int fromYear, int toYear,
                       LocalDate asOf, String rulesetVersion, String countingVi, String countingEn, TotalView total,
                       List<YearView> years, List<AreaRow> areas) {}

    static final String COUNTING_VI = "Mỗi địa bàn được tính một lần cho mỗi năm chương trình có địa bàn đó, theo trạng thái"
            + " của nó tại ngày asOf. Năm chương trình chưa kết thúc tại ngày asOf chỉ tạm tính, chưa so với chỉ tiêu. Được lựa chọn: đã phê duyệt (APPROVED trở đi). Chuyển hóa thành công: TRANSFORMED,"
            + " MONITORING, RELAPSED, STABLE. Địa bàn chưa đạt năm Y được chuyển sang năm Y+1 thì năm Y tính là chưa đạt,"
            + " năm Y+1 tính là được lựa chọn lại theo trạng thái năm đó; cả khoảng năm là tổng các năm.";
    static final String COUNTING_EN = "An area counts once per programme year it is in, by its state on asOf. A"
            + " programme year still running on asOf is counted so far and not yet held against its target. Selected:"
            + " approved (APPROVED or later). Transformed: TRANSFORMED, MONITORING, RELAPSED, STABLE. An area not"
            + " transformed in year Y and carried over counts as not transformed in Y and as selected again in Y+1, by its"
            + " state there; a range is the sum of its years.";

    static FiguresView figures(Programme p, ProvinceFigures.Figures f, Map<UUID, ProgrammeArea> byId, String rulesetVersion) {
        List<YearView> years = f.years().stream().map(y -> new YearView(y.year(), y.counts(),
                share(y.transformedShare(), true, Integer.toString(y.year())),
                share(y.notRelapsedShare(), false, Integer.toString(y.year())),
                change(y.changeFromPreviousYear()))).toList();
        String range = f.fromYear() == f.toYear() ? Integer.toString(f.fromYear()) : f.fromYear() + "–" + f.toYear();
        TotalView total = new TotalView(f.total().counts(), share(f.total().transformedShare(), true, range),
                share(f.total().notRelapsedShare(), false, range));
        List<AreaRow> rows = f.areas().stream().map(s -> {
            ProgrammeArea a = s.area();
            // the unit it counts under here, and where its area went after that (the 2025 reform)
            Unit u = s.unit();
            Unit later = s.movedTo();
            ProgrammeArea origin = a.originId() == null ? null : byId.get(a.originId());
            return new AreaRow(a.year(), u.areaCode(), u.areaName(), u.districtCode(), s.state(), s.state().labelVi(),
                    s.state().labelEn(), s.pinning() == null ? null : s.pinning().profileId(), s.plannedEnd(),
                    s.overdue(), origin == null ? null : origin.year(),
                    href(u.codeScheme(), u.provinceCode(), a.year(), u.areaCode()),
                    later == null ? null : new MovedView(later.codeScheme(), later.provinceCode(), later.areaCode(),
                            later.areaName(), href(later.codeScheme(), later.provinceCode(), a.year(), later.areaCode())));
        }).toList();
        return new FiguresView(p.scheme().name(), p.provinceCode(), p.provinceName(), f.fromYear(), f.toYear(), f.asOf(),
                rulesetVersion, COUNTING_VI, COUNTING_EN, total, years, rows);
    }

    private static ShareView share(ProvinceFigures.Share s, boolean transformed, String when) {
        String target = s.target() == null ? null : plain(s.target().value());
        String whatVi = transformed ? "Tỷ lệ địa bàn được lựa chọn đã chuyển hóa thành công" : "Tỷ lệ địa bàn đã chuyển hóa không phức tạp trở lại";
        String whatEn = transformed ? "Share of selected areas transformed" : "Share of transformed areas not relapsed";
        String vi, en;
        if (s.runningUntil() != null) {
            String so = s.percent() == null ? "" : s.percent().toPlainString().replace('.', ',') + "% (" + s.numerator()
                    + "/" + s.denominator() + ") ";
            vi = whatVi + " (" + when + "): " + so + "tạm tính, năm chương trình đang thực hiện đến hết ngày "
                    + VI.format(s.runningUntil()) + "; chưa so với chỉ tiêu.";
            en = whatEn + " (" + when + "): " + (s.percent() == null ? "" : s.percent().toPlainString() + "% ("
                    + s.numerator() + "/" + s.denominator() + ") ") + "so far; the programme year runs until "
                    + s.runningUntil() + ", so it is not yet held against the target.";
        } else if (s.percent() == null) {
            vi = whatVi + " (" + when + "): không tính được vì không có địa bàn nào "
                    + (transformed ? "được lựa chọn." : "đã chuyển hóa thành công.");
            en = whatEn + " (" + when + "): none, as no area was " + (transformed ? "selected." : "transformed.");
        } else {
            String valueVi = vn.chuyenhoa.kernel.Numbers.format(s.percent(), true, true);
            vi = whatVi + " (" + when + ") " + valueVi + "% (" + s.numerator() + "/" + s.denominator() + ")"
                    + (s.met() == null ? "; không có chỉ tiêu để so sánh."
                    : (s.met() ? " đạt" : " không đạt") + " chỉ tiêu từ " + target + "% trở lên.");
            en = whatEn + " (" + when + ") " + s.percent().toPlainString() + "% (" + s.numerator() + "/" + s.denominator() + ")"
                    + (s.met() == null ? "; there is no target to compare with."
                    : (s.met() ? " meets" : " falls short of") + " the target of at least " + target + "%.");
        }
        return new ShareView(s.percent() == null ? null : s.percent().toPlainString(), s.numerator(), s.denominator(),
                ">=", target, s.met(), s.runningUntil(), s.targetProfileId(), s.target() == null ? null : s.target().legalBasis(),
                s.target() == null ? null : s.target().source(), vi, en);
    }

    private static ChangeView change(ProvinceFigures.Change c) {
        String points = c.transformedSharePoints() == null ? null : c.transformedSharePoints().toPlainString();
        String vi = "So với năm " + c.previousYear() + ": được lựa chọn " + signed(c.selected()) + ", chuyển hóa thành công "
                + signed(c.transformed()) + ", chưa đạt " + signed(c.notTransformed())
                + (points == null ? "; không so sánh được tỷ lệ vì một trong hai năm không có địa bàn được lựa chọn."
                : "; tỷ lệ chuyển hóa thành công " + signedPoints(vn.chuyenhoa.kernel.Numbers.format(c.transformedSharePoints(), true, true)) + " điểm phần trăm.");
        String en = "Against " + c.previousYear() + ": selected " + signed(c.selected()) + ", transformed "
                + signed(c.transformed()) + ", not transformed " + signed(c.notTransformed())
                + (points == null ? "; no share to compare, as one of the two years selected nothing."
                : "; share transformed " + signedPoints(points) + " percentage points.");
        return new ChangeView(c.previousYear(), c.selected(), c.transformed(), c.notTransformed(), points,
                c.notRelapsedSharePoints() == null ? null : c.notRelapsedSharePoints().toPlainString(), vi, en);
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : Integer.toString(n);
    }

    private static String signedPoints(String points) {
        return points.startsWith("-") ? points : "+" + points;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
