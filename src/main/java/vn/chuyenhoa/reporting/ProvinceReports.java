package vn.chuyenhoa.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.evaluation.EvaluationStore;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.CriterionResult;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EngineSource;
import vn.chuyenhoa.evaluation.EvaluationDocument;
import vn.chuyenhoa.evaluation.Outcome;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.ProgrammeSettings;
import vn.chuyenhoa.programme.AreaState;
import vn.chuyenhoa.programme.AreaStatus;
import vn.chuyenhoa.programme.ProgrammeArea;
import vn.chuyenhoa.programme.ProgrammeService;
import vn.chuyenhoa.programme.ProgrammeStore;
import vn.chuyenhoa.programme.ProvinceFigures;
import vn.chuyenhoa.programme.Step;
import vn.chuyenhoa.programme.Today;
import vn.chuyenhoa.programme.Unit;
import vn.chuyenhoa.reporting.ProvinceReport.Entry;
import vn.chuyenhoa.reporting.ProvinceReport.ReportUnit;
import vn.chuyenhoa.reporting.ProvinceReport.Section;
import vn.chuyenhoa.reporting.ProvinceReport.Target;
import vn.chuyenhoa.web.PageNotFound;

/**
 * Computes the reports of a province's reporting calendar from the stored programme records and the evaluations
 * their verdicts cite. Periods and due dates come from the calendar rules and the profile's calendar settings, the
 * targets from its programme settings: nothing of either is written here.
 *
 * <p>A report is read in the code list in force on its period's last day (domain spec §8.1): a period ending before
 * 1 July 2025 by the old provinces (and districts), a later one by the 34 new provinces, each area counted where its
 * record was on that day.
 */
@Service
class ProvinceReports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A report of the year's calendar, and whether the unit's code list can report it. */
    public record Listed(ReportingPeriod period, boolean available, String whyNotVi, String whyNotEn) {}

    /** The year's reports for a unit, with the profile whose calendar settings dated them, named beside its id. */
    public record Calendar(ReportUnit unit, int year, String profileVi, String profileEn, List<Listed> reports) {}

    private final ProgrammeStore store;
    private final ProgrammeService programmes;
    private final EngineSource engines;
    private final AreaDirectory areas;
    private final EvaluationStore evaluations;
    private final ObjectMapper json;

    ProvinceReports(ProgrammeStore store, ProgrammeService programmes, EngineSource engines, AreaDirectory areas,
                    EvaluationStore evaluations, ObjectMapper json) {
        this.store = store;
        this.programmes = programmes;
        this.engines = engines;
        this.areas = areas;
        this.evaluations = evaluations;
        this.json = json;
    }

    /** The province (and district) named by the address, with their names; 404 when a code list does not hold it. */
    ReportUnit unit(String codeScheme, String provinceCode, String districtCode) {
        CodeScheme scheme = CodeScheme.parse(codeScheme).orElseThrow(() -> new PageNotFound(
                "Không có hệ mã \"" + codeScheme + "\" (QD124_2004 hoặc QD19_2025).",
                "There is no code scheme \"" + codeScheme + "\" (QD124_2004 or QD19_2025)."));
        List<AdminUnit> communes = areas.communesOf(scheme, provinceCode);
        if (communes.isEmpty()) {
            throw new PageNotFound("Không có tỉnh mã " + provinceCode + " trong " + scheme + ".",
                    "There is no province " + provinceCode + " in " + scheme + ".");
        }
        String provinceName = communes.get(0).provinceName();
        if (districtCode == null || districtCode.isBlank()) {
            return new ReportUnit(scheme.name(), provinceCode, provinceName, null, null);
        }
        String districtName = communes.stream().filter(c -> districtCode.equals(c.districtCode()))
                .map(AdminUnit::districtName).findFirst().orElseThrow(() -> new PageNotFound(
                        "Không có huyện mã " + districtCode + " thuộc " + provinceName + " trong " + scheme
                                + " (từ 01/07/2025 không còn cấp huyện).",
                        "There is no district " + districtCode + " in " + provinceName + " in " + scheme
                                + " (there are no districts from 1 July 2025)."));
        return new ReportUnit(scheme.name(), provinceCode, provinceName, districtCode, districtName);
    }

    /** The districts of an old province, code to name, for the district reports before the reform. */
    Map<String, String> districts(ReportUnit unit) {
        Map<String, String> out = new LinkedHashMap<>();
        CodeScheme scheme = CodeScheme.valueOf(unit.codeScheme());
        for (AdminUnit c : areas.communesOf(scheme, unit.provinceCode())) {
            if (c.districtCode() != null) out.putIfAbsent(c.districtCode(), c.districtName());
        }
        return out;
    }

    Calendar calendar(ReportUnit unit, int year) {
        Engine engine = engines.current();
        CodeScheme scheme = CodeScheme.valueOf(unit.codeScheme());
        Profile profile = profile(engine, unit, year);
        ProgrammeSettings settings = engine.policy().programme(profile.id()).orElseThrow(() -> noCalendar(unit, year));
        ReportingCalendar.Year cal = ReportingCalendar.of(engine, settings, year);
        List<Listed> listed = new ArrayList<>();
        for (ReportingPeriod p : cal.periods()) {
            if (scheme.inForceOn(p.to())) {
                listed.add(new Listed(p, true, null, null));
            } else if (scheme == CodeScheme.QD124_2004) {
                listed.add(new Listed(p, false, "Kỳ này kết thúc ngày " + DAY.format(p.to())
                        + ", sau khi sắp xếp đơn vị hành chính từ 01/07/2025: báo cáo theo danh mục đơn vị mới, không còn cấp huyện.",
                        "This period ends on " + DAY.format(p.to()) + ", after the reform of 1 July 2025: it is reported "
                                + "by the new provinces, without districts."));
            } else {
                listed.add(new Listed(p, false, "Kỳ này kết thúc ngày " + DAY.format(p.to())
                        + ", trước khi sắp xếp đơn vị hành chính từ 01/07/2025: báo cáo theo danh mục đơn vị cũ.",
                        "This period ends on " + DAY.format(p.to()) + ", before the reform of 1 July 2025: it is "
                                + "reported by the old provinces."));
            }
        }
        return new Calendar(unit, year, profile.labelVi() + " (" + profile.id() + ")", profile.labelEn() + " (" + profile.id() + ")",
                listed);
    }

    ProvinceReport report(ReportUnit unit, int year, String periodId) {
        Calendar cal = calendar(unit, year);
        Listed listed = cal.reports().stream().filter(l -> l.period().id().equals(periodId)).findFirst()
                .orElseThrow(() -> new PageNotFound("Lịch báo cáo năm " + year + " không có kỳ báo cáo này.",
                        "The reporting calendar of " + year + " has no such report."));
        if (!listed.available()) throw new PageNotFound(listed.whyNotVi(), listed.whyNotEn());
        ReportingPeriod period = listed.period();
        LocalDate yearEnd = cal.reports().stream().map(l -> l.period().to()).max(Comparator.naturalOrder()).orElseThrow();
        LocalDate today = Today.inVietnam();
        LocalDate asOf = period.to().isAfter(today) ? today : period.to();
        if (asOf.isBefore(period.from())) {
            throw new PageNotFound("Kỳ báo cáo này bắt đầu ngày " + DAY.format(period.from()) + ", chưa đến.",
                    "This period starts on " + DAY.format(period.from()) + ", which has not come yet.");
        }
        Engine engine = engines.current();
        Map<String, String> districtNames = districts(unit);
        List<ProgrammeArea> records = store.province(unit.codeScheme(), unit.provinceCode(), ProgrammeService.MIN_YEAR,
                Math.min(year + 1, ProgrammeService.MAX_YEAR)).stream().filter(a -> inUnit(a.unitOn(asOf), unit)).toList();

        Map<Part, List<Entry>> parts = new EnumMap<>(Part.class);
        for (Part p : Part.values()) parts.put(p, new ArrayList<>());
        for (ProgrammeArea a : records) {
            AreaStatus s = programmes.status(engine, a, asOf, false);
            AreaState state = s.state();
            if (state == null) continue;
            Unit u = a.unitOn(asOf);
            Line line = new Line(a, u, districtNames.get(u.districtCode()), href(a));
            if (a.year() == year && state.selected()) {
                parts.get(Part.SELECTED).add(line.entry(state.labelVi(), state.labelEn()));
            }
            if (state.inProgress()) {
                parts.get(Part.IN_TRANSFORMATION).add(line.entry(state.labelVi() + due(s.plannedEnd(), "; hạn ", ""),
                        state.labelEn() + due(s.plannedEnd(), "; due ", "")));
            }
            for (Step step : a.steps()) {
                if (!within(step.effectiveDate(), period.from(), asOf)) continue;
                if (step.to() == AreaState.TRANSFORMED || step.to() == AreaState.NOT_TRANSFORMED) {
                    List<CriterionResult> failed = failed(step.evaluationId());
                    String failedVi = failed.isEmpty() ? "không có tiêu chí chưa đạt"
                            : "tiêu chí chưa đạt: " + String.join("; ", failed.stream().map(CriterionResult::labelVi).toList());
                    String failedEn = failed.isEmpty() ? "no criterion failed"
                            : "failed: " + String.join("; ", failed.stream().map(CriterionResult::labelEn).toList());
                    parts.get(Part.EVALUATED).add(line.entry(step.to().labelVi() + " (ngày " + DAY.format(step.effectiveDate())
                            + "); " + failedVi, step.to().labelEn() + " (" + DAY.format(step.effectiveDate()) + "); " + failedEn));
                }
                if (step.to() == AreaState.TRANSFORMED) {
                    parts.get(Part.RECOGNISED).add(line.entry("Công nhận ngày " + DAY.format(step.effectiveDate())
                                    + decision(step, "; quyết định số "),
                            "Recognised on " + DAY.format(step.effectiveDate()) + decision(step, "; decision ")));
                }
                if (step.to() == AreaState.RELAPSED) {
                    parts.get(Part.RELAPSED).add(line.entry("Phức tạp trở lại từ ngày " + DAY.format(step.effectiveDate()),
                            "Relapsed on " + DAY.format(step.effectiveDate())));
                }
            }
            Step first = a.steps().get(0);
            if (a.originId() != null && first.from() == AreaState.NOT_TRANSFORMED
                    && within(first.effectiveDate(), period.from(), asOf)) {
                parts.get(Part.CARRIED_OVER).add(line.entry("Chuyển tiếp sang chương trình năm " + a.year() + " ngày "
                        + DAY.format(first.effectiveDate()), "Carried over into " + a.year() + " on " + DAY.format(first.effectiveDate())));
            }
            if (state == AreaState.MONITORING) {
                parts.get(Part.MONITORING).add(line.entry(
                        "Công nhận ngày " + day(s.recognisedOn()) + due(s.monitoringEnds(), "; theo dõi đến trước ngày ", ""),
                        "Recognised on " + day(s.recognisedOn()) + due(s.monitoringEnds(), "; monitored until before ", "")));
            }
            if (s.overdue()) {
                parts.get(Part.OVERDUE).add(line.entry("Quá hạn từ sau ngày " + day(s.plannedEnd()),
                        "Past its planned end of " + day(s.plannedEnd())));
            }
        }
        List<Section> sections = new ArrayList<>();
        Comparator<Entry> order = Comparator.comparing(Entry::year).thenComparing(Entry::areaCode);
        parts.forEach((p, entries) -> sections.add(new Section(p, entries.stream().sorted(order).toList())));

        // the targets, counted as the programme page counts them (ProvinceFigures), for the year on the report's day
        ProvinceFigures.Figures f = ProvinceFigures.compute(engine, programmes, unit.codeScheme(), unit.provinceCode(),
                records, year, year, asOf);
        ProvinceFigures.YearFigures y = f.years().get(0);
        List<Target> targets = List.of(
                target("Tỷ lệ địa bàn chuyển hóa thành công trên số địa bàn được lựa chọn",
                        "Share of selected areas transformed", y.transformedShare()),
                target("Tỷ lệ địa bàn không phức tạp trở lại trên số địa bàn đã chuyển hóa",
                        "Share of transformed areas that did not relapse", y.notRelapsedShare()));
        return new ProvinceReport(unit, year, period, cal.profileVi(), cal.profileEn(), asOf, asOf.isBefore(yearEnd), sections, targets);
    }

    /** The profile governing the unit at the end of the year, within its code list's lifetime. */
    private static Profile profile(Engine engine, ReportUnit unit, int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        if (CodeScheme.valueOf(unit.codeScheme()) == CodeScheme.QD124_2004 && !end.isBefore(CodeScheme.REFORM_DAY)) {
            end = CodeScheme.REFORM_DAY.minusDays(1);
        }
        Area area = new Area(unit.codeScheme(), null, null, unit.districtCode(), unit.provinceCode());
        return engine.policy().resolve(area, end)
                .or(() -> engine.policy().resolve(new Area(null, null, null, null, null), LocalDate.of(year, 12, 31)))
                .orElseThrow(() -> noCalendar(unit, year));
    }

    private static PageNotFound noCalendar(ReportUnit unit, int year) {
        return new PageNotFound("Bộ quy tắc đang áp dụng không có lịch báo cáo cho " + unit.label() + " năm " + year + ".",
                "The ruleset in force has no reporting calendar for " + unit.label() + " in " + year + ".");
    }

    private static boolean inUnit(Unit u, ReportUnit unit) {
        return u.codeScheme().equals(unit.codeScheme()) && u.provinceCode().equals(unit.provinceCode())
                && (unit.districtCode() == null || unit.districtCode().equals(u.districtCode()));
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The criteria the cited evaluation found not met; none when the step cites none or it cannot be read. */
    private List<CriterionResult> failed(UUID evaluationId) {
        if (evaluationId == null) return List.of();
        return evaluations.find(evaluationId)
                .map(r -> json.readValue(r.responseJson(), EvaluationDocument.class))
                .map(d -> d.criteria().stream().filter(c -> c.outcome() == Outcome.NOT_MET).toList())
                .orElse(List.of());
    }

    private static Target target(String labelVi, String labelEn, ProvinceFigures.Share share) {
        BigDecimal target = share.target() == null ? null : share.target().value();
        String source = share.target() == null || share.target().source() == null ? null
                : share.target().source().file() + " · " + share.target().source().sheet() + " · " + share.target().source().cell();
        return new Target(labelVi, labelEn, share.numerator(), share.denominator(), share.percent(), target, share.met(),
                source, share.target() == null ? null : share.target().legalBasis());
    }

    private static String decision(Step s, String prefix) {
        return s.decisionNumber() == null ? "" : prefix + s.decisionNumber()
                + (s.decisionDate() == null ? "" : " (" + DAY.format(s.decisionDate()) + ")");
    }

    private static String due(LocalDate d, String prefix, String suffix) {
        return d == null ? "" : prefix + DAY.format(d) + suffix;
    }

    private static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    private static String href(ProgrammeArea a) {
        Unit now = a.current();
        return UriComponentsBuilder.fromPath("/programmes/{s}/{p}/{y}/areas/{c}")
                .buildAndExpand(now.codeScheme(), now.provinceCode(), a.year(), now.areaCode()).encode().toUriString();
    }

    /** One record as the report names it on its day. */
    private record Line(ProgrammeArea area, Unit unit, String districtName, String href) {
        Entry entry(String detailVi, String detailEn) {
            return new Entry(area.year(), unit.areaCode(), unit.areaName(), districtName, detailVi, detailEn, href);
        }
    }
}
