package vn.chuyenhoa.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.area.Reform;
import vn.chuyenhoa.evaluation.EvaluationRecord;
import vn.chuyenhoa.evaluation.EvaluationStore;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EngineSource;
import vn.chuyenhoa.evaluation.PlannedEnd;
import vn.chuyenhoa.evaluation.Policy;
import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.ProgrammeSettings;
import vn.chuyenhoa.evaluation.Setting;
import vn.chuyenhoa.evaluation.Verdict;
import vn.chuyenhoa.http.Shown;
import vn.chuyenhoa.monitoring.MonitoringStore;
import vn.chuyenhoa.monitoring.RelapseVerdict;
import vn.chuyenhoa.monitoring.Window;

/**
 * Records an area's steps through a year's programme. Every step is checked against rules/lifecycle.drl of the
 * ruleset in force (which steps follow which, and what each needs) and against the stores (the cited evaluation, the
 * record's past), and is refused whole, with every reason, or stored whole.
 */
@Service
public class ProgrammeService {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeService.class);

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    private static final java.time.format.DateTimeFormatter VI_DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A province's programme of a year, as named in the path: checked against the official lists. */
    public record Programme(CodeScheme scheme, String provinceCode, String provinceName, int year) {}

    /** @param areaName optional; when given it must name the code (domain spec §8) */
    public record NewCandidate(String areaCode, String areaName, String actor, LocalDate effectiveDate, String comment) {}

    /**
     * @param effectiveDate  optional: the decision date, else today in Vietnam
     * @param programmeYear  only for a step into a later year's programme (a relapsed area proposed again)
     * @param areaCode       only for REORGANISED: the new commune (QD19_2025) the area went into; may be left out
     *                       when the old commune went wholly into one
     * @param monitoringReportId only for RELAPSED: the stored monitoring report of the area that found the relapse
     */
    public record StepRequest(AreaState to, String actor, LocalDate effectiveDate, String decisionNumber,
                              LocalDate decisionDate, UUID evaluationId, String comment, Integer programmeYear,
                              String areaCode, UUID monitoringReportId) {}

    private final ProgrammeStore store;
    private final EvaluationStore evaluations;
    private final EngineSource engines;
    private final AreaDirectory areas;
    private final MonitoringStore reports;
    /** Per ruleset version: the rules' step descriptions do not change within one. */
    private final Map<String, Map<String, String>> ruleLabels = new java.util.concurrent.ConcurrentHashMap<>();

    public ProgrammeService(ProgrammeStore store, EvaluationStore evaluations, EngineSource engines, AreaDirectory areas,
                            MonitoringStore reports) {
        this.store = store;
        this.evaluations = evaluations;
        this.engines = engines;
        this.areas = areas;
        this.reports = reports;
    }

    /** @throws ProgrammeException.Invalid naming codeScheme, provinceCode or year */
    public Programme programme(String codeScheme, String provinceCode, int year) {
        List<Refusal> refusals = new ArrayList<>();
        Programme p = null;
        try {
            p = province(codeScheme, provinceCode);
        } catch (ProgrammeException.Invalid e) {
            refusals.addAll(e.refusals());
        }
        yearInRange(refusals, "year", year);
        if (!refusals.isEmpty()) throw new ProgrammeException.Invalid(refusals);
        return new Programme(p.scheme(), p.provinceCode(), p.provinceName(), year);
    }

    /**
     * A province of a scheme, whatever the year (0 in the answer).
     *
     * @throws ProgrammeException.Invalid naming codeScheme or provinceCode
     */
    public Programme province(String codeScheme, String provinceCode) {
        List<Refusal> refusals = new ArrayList<>();
        Optional<CodeScheme> scheme = CodeScheme.parse(codeScheme);
        String provinceName = null;
        if (scheme.isEmpty()) {
            refusals.add(new Refusal("codeScheme", "unknown_scheme", "codeScheme \"" + clip(codeScheme)
                    + "\" is not a known code scheme (QD124_2004 or QD19_2025).",
                    "codeScheme \"" + clip(codeScheme) + "\" không phải là hệ mã đã biết (QD124_2004 hoặc QD19_2025)."));
        } else {
            List<AdminUnit> communes = areas.communesOf(scheme.get(), provinceCode);
            if (communes.isEmpty()) {
                refusals.add(new Refusal("provinceCode", "unknown_province", "provinceCode \"" + clip(provinceCode)
                        + "\" is not a province of " + codeScheme + ".",
                        "provinceCode \"" + clip(provinceCode) + "\" không phải là mã tỉnh trong " + codeScheme + "."));
            } else {
                provinceName = communes.get(0).provinceName();
            }
        }
        if (!refusals.isEmpty()) throw new ProgrammeException.Invalid(refusals);
        return new Programme(scheme.get(), provinceCode, provinceName, 0);
    }

    /**
     * Puts an area into the year's programme as a candidate.
     *
     * @param recordedBy the account writing it down
     */
    public AreaStatus addCandidate(Programme p, NewCandidate c, String recordedBy) {
        Engine engine = engines.current();
        List<Refusal> refusals = new ArrayList<>();
        AdminUnit unit = unit(p, c.areaCode(), c.areaName(), refusals);
        LocalDate today = Today.inVietnam();
        LocalDate effective = c.effectiveDate() != null ? c.effectiveDate() : today;
        notInFuture(refusals, "effectiveDate", effective, today);
        if (unit != null && !effective.isAfter(today)) {
            // an area of a list not in force on the day it enters the programme (domain spec §8.1); a day that has
            // not come yet is refused above, and asking about the list on it would only repeat that
            areas.reform().check(p.scheme(), unit.code(), effective).ifPresent(x ->
                    refusals.add(new Refusal("areaCode", x.code(), x.message(), x.messageVi())));
        }
        if (!refusals.isEmpty()) throw new ProgrammeException.Invalid(refusals);
        if (store.find(p.scheme().name(), unit.code(), p.year()).isPresent()) throw alreadyIn(unit.code(), p);

        Move entry = Lifecycle.moves(engine, null, effective, null, false, false, false, false).stream()
                .filter(m -> !m.isLater() && m.to() == AreaState.CANDIDATE).findFirst()
                .orElseThrow(() -> new ProgrammeException.Conflict("transition-not-allowed",
                        "The lifecycle rules in force let no area enter a programme as a candidate.",
                        "Quy tắc vòng đời đang áp dụng không cho địa bàn nào vào diện xem xét."));
        Instant at = now();
        ProgrammeArea created = new ProgrammeArea(UUID.randomUUID(), p.scheme().name(), p.provinceCode(), p.year(),
                unit.code(), unit.name(), unit.districtCode(), null, at,
                List.of(new Step(1, null, AreaState.CANDIDATE, effective, at, recordedBy, c.actor(), null, null, null, null,
                        engine.versionId(), entry.rule(), c.comment())));
        save(created, p);
        return status(engine, created, today, true);
    }

    /** The record as it stood on the day, with the steps allowed then. */
    public AreaStatus status(Programme p, String areaCode, LocalDate asOf) {
        ProgrammeArea a = store.find(p.scheme().name(), areaCode, p.year()).orElseThrow(() -> notFound(areaCode, p));
        return status(engines.current(), a, asOf, true);
    }

    /** The Vietnamese description of each lifecycle rule a recorded step names, by rule name, in the rules in force. */
    public Map<String, String> ruleLabelsVi() {
        Engine engine = engines.current();
        return ruleLabels.computeIfAbsent(engine.versionId(), v -> Lifecycle.labelsVi(engine));
    }

    /** The profiles a record's steps pinned, by id, as the rules in force define them: for their names beside the ids. */
    public Map<String, Profile> profilesOf(ProgrammeArea a) {
        var policy = engines.current().policy();
        Map<String, Profile> out = new java.util.HashMap<>();
        a.steps().stream().map(Step::profileId).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> policy.profile(id).ifPresent(p -> out.put(id, p)));
        return out;
    }

    /** The earlier year's record this one continues, and the later one that continues it. */
    public Optional<ProgrammeArea> origin(ProgrammeArea a) {
        return a.originId() == null ? Optional.empty() : store.find(a.originId());
    }

    public Optional<ProgrammeArea> continuation(ProgrammeArea a) {
        return store.continuation(a.id());
    }

    /**
     * Records one step. A step into another year's programme (carry-over, a relapsed area proposed again) creates
     * that year's record, and its status is returned; the earlier record keeps its final state for its own year.
     * The status returned is today's, as a GET without asOf would read it.
     *
     * @param recordedBy the account writing it down
     */
    public AreaStatus step(Programme p, String areaCode, StepRequest r, String recordedBy) {
        Engine engine = engines.current();
        ProgrammeArea a = store.find(p.scheme().name(), areaCode, p.year()).orElseThrow(() -> notFound(areaCode, p));
        Step last = a.last();
        LocalDate today = Today.inVietnam();
        LocalDate effective = r.effectiveDate() != null ? r.effectiveDate()
                : r.decisionDate() != null ? r.decisionDate() : today;

        List<Refusal> refusals = new ArrayList<>();
        notInFuture(refusals, "effectiveDate", effective, today);
        if (r.decisionDate() != null) notInFuture(refusals, "decisionDate", r.decisionDate(), today);
        if (effective.isBefore(last.effectiveDate())) {
            refusals.add(new Refusal("effectiveDate", "before_previous_step",
                    "effectiveDate " + effective + " is before the last recorded step (" + last.to() + " on "
                            + last.effectiveDate() + "); steps are recorded in the order they happened.",
                    "effectiveDate " + effective + " trước bước đã ghi gần nhất (" + last.to() + " ngày "
                            + last.effectiveDate() + "); các bước phải được ghi theo đúng thứ tự thời gian."));
        }
        if (!refusals.isEmpty()) throw new ProgrammeException.Invalid(refusals);

        AreaStatus now = status(engine, a, effective, true);
        Move move = now.allowed().stream().filter(m -> m.to() == r.to()).findFirst()
                .orElseThrow(() -> new ProgrammeException.NotAllowed(now, r.to()));

        if (move.isDecisionRequired()) {
            if (r.decisionNumber() == null) refusals.add(required("decisionNumber", move));
            if (r.decisionDate() == null) refusals.add(required("decisionDate", move));
        }
        if (move.isReasonRequired() && (r.comment() == null || r.comment().isBlank())) {
            refusals.add(required("comment", move));
        }
        if (move.citedVerdict() != null) {
            if (r.evaluationId() == null) refusals.add(required("evaluationId", move));
            else citation(a, now, move.citedVerdict(), r.evaluationId()).ifPresent(refusals::add);
        } else if (r.evaluationId() != null) {
            refusals.add(notUsed("evaluationId", move));
        }
        if (move.isCitingReport()) {
            if (r.monitoringReportId() == null) refusals.add(required("monitoringReportId", move));
            else reportCitation(a, now, r.monitoringReportId()).ifPresent(refusals::add);
        } else if (r.monitoringReportId() != null) {
            refusals.add(notUsed("monitoringReportId", move));
        }
        int targetYear = targetYear(a, move, r, refusals);
        Unit movedTo = null;
        if (move.isFollowingArea()) {
            movedTo = successor(a.unitOn(effective), r.areaCode(), refusals);
        } else if (r.areaCode() != null) {
            refusals.add(notUsed("areaCode", move));
        }
        String pinned = null;
        if (move.isPinningProfile()) {
            LocalDate on = r.decisionDate() != null ? r.decisionDate() : effective;
            Optional<Profile> profile = engine.policy().resolve(area(a.unitOn(on)), on);
            if (profile.isEmpty()) {
                refusals.add(new Refusal(r.decisionDate() != null ? "decisionDate" : "effectiveDate", "no_profile",
                        "No criteria profile is in force on " + on + " for area " + a.areaCode() + " of " + a.codeScheme()
                                + ", so none can be pinned to the record.",
                        "Không có bộ tiêu chí nào có hiệu lực ngày " + on + " cho địa bàn " + a.areaCode() + " ("
                                + a.codeScheme() + "), nên không thể gắn bộ tiêu chí cho hồ sơ."));
            } else {
                pinned = profile.get().id();
            }
        }
        if (!refusals.isEmpty()) throw new ProgrammeException.Invalid(refusals);

        if (move.year() == Move.Year.SAME) {
            // a REORGANISED step keeps the state: its from is the state it leaves the record in
            Step s = new Step(last.step() + 1, now.state(), move.to(), effective, now(), recordedBy, r.actor(), r.decisionNumber(),
                    r.decisionDate(), r.evaluationId(), pinned, engine.versionId(), move.rule(), r.comment(), movedTo,
                    r.monitoringReportId());
            try {
                store.append(a.id(), s);
            } catch (ProgrammeStore.EvaluationTaken taken) {
                throw taken(taken);
            } catch (DataIntegrityViolationException race) {
                // the (area, step) key: another request recorded this record's next step first. Any other key is a
                // gap in the checks above, not another request, and is not passed off as one
                boolean taken = store.find(a.id()).map(stored -> stored.last().step() >= s.step()).orElse(false);
                if (taken) throw changedMeanwhile(a, p);
                throw unexplained(a, p, race);
            }
            ProgrammeArea after = store.find(a.id()).orElseThrow();
            return status(engine, after, today, true);
        }
        // the rules read "continued" on the step's own day, so a continuation dated after it does not stop them; a
        // record is continued once whatever the dates (uq_programme_area_origin)
        Optional<ProgrammeArea> later = store.continuation(a.id());
        if (later.isPresent()) throw alreadyContinued(a, later.get());
        // the later year's record is opened where the area is then (a moved record continues on its new unit)
        Unit here = a.unitOn(effective);
        Programme target = new Programme(CodeScheme.parse(here.codeScheme()).orElseThrow(), here.provinceCode(),
                p.provinceName(), targetYear);
        if (store.find(here.codeScheme(), here.areaCode(), targetYear).isPresent()) throw alreadyIn(here.areaCode(), target);
        Instant at = now();
        ProgrammeArea next = new ProgrammeArea(UUID.randomUUID(), here.codeScheme(), here.provinceCode(), targetYear,
                here.areaCode(), here.areaName(), here.districtCode(), a.id(), at,
                List.of(new Step(1, now.state(), move.to(), effective, at, recordedBy, r.actor(), r.decisionNumber(),
                        r.decisionDate(), r.evaluationId(), pinned, engine.versionId(), move.rule(), r.comment())));
        save(next, target);
        return status(engine, next, today, true);
    }

    /**
     * What the record says on the day under the ruleset given: state, pinned profile, planned end and whether it is
     * past it, the monitoring window, and (when asked) the steps the lifecycle allows that day.
     */
    public AreaStatus status(Engine engine, ProgrammeArea a, LocalDate asOf, boolean withMoves) {
        AreaState state = a.stateOn(asOf).orElse(null);
        Step pinning = a.pinningOn(asOf).orElse(null);
        Policy policy = engine.policy();
        Profile profile = pinning == null ? null : policy.profile(pinning.profileId()).orElse(null);
        ProgrammeSettings settings = pinning == null ? null : policy.programme(pinning.profileId()).orElse(null);
        LocalDate start = a.startOn(asOf).orElse(null);
        Setting<PlannedEnd> endRule = settings == null || state == null || !state.selected() ? null : settings.plannedEnd();
        LocalDate plannedEnd = endRule == null ? null : endRule.value().lastDay(a.year(), start);
        boolean overdue = state != null && state.inProgress() && plannedEnd != null && asOf.isAfter(plannedEnd);
        LocalDate recognised = a.recognisedOn(asOf).orElse(null);
        Setting<Integer> window = settings == null || recognised == null ? null : settings.monitoringWindowYears();
        LocalDate ends = window == null ? null : Window.after(recognised, window.value()).over();
        boolean continued = withMoves && store.continuation(a.id())
                .map(c -> !c.steps().get(0).effectiveDate().isAfter(asOf)).orElse(false);
        Step standing = a.lastStandingOn(asOf).orElse(null);
        List<Move> moves = !withMoves || state == null ? List.of()
                : Lifecycle.moves(engine, state, asOf, ends, continued, retired(a.unitOn(asOf), asOf),
                        standing == null || standing.step() == a.steps().get(0).step(), standing != null && standing.isMove());
        return new AreaStatus(a, asOf, state, pinning, profile, start, plannedEnd, endRule, overdue, recognised,
                window, ends, moves);
    }

    /**
     * What moving a province's records across the 2025 reform would do (domain spec §8.1), one line per record of the
     * old province still on its old unit: {@code MOVE} to the one new commune its area went wholly into,
     * {@code CHOSEN} for a split commune the officer chose for, {@code CHOOSE} for a split one still to choose.
     *
     * @param options the new communes the old one went into (several when it was split)
     * @param to      null while a split commune waits for a choice
     */
    public record PlannedMove(ProgrammeArea record, Unit from, List<Reform.Link> options, Unit to, String status) {}

    /**
     * The preview of {@link #reorganise}: every record of the old province that has not followed its area yet.
     *
     * @param choices old commune code → new commune code, for split communes (a choice that is not one of the new
     *                communes the old one went into, or for a commune no record still to move is on, is refused)
     * @throws ProgrammeException.Invalid for a province of the new list, or a choice that is not a successor
     */
    List<PlannedMove> reorganisationPlan(Programme province, java.util.Map<String, String> choices) {
        return reorganisationPlan(province, choices, null);
    }

    /**
     * The plan a POST would carry out on {@code effective} (null for a preview, which names no day): the date is
     * checked whether or not records are left to move, so the same request is refused for the same reason either way.
     */
    List<PlannedMove> reorganisationPlan(Programme province, java.util.Map<String, String> choices, LocalDate effective) {
        List<Refusal> refusals = new ArrayList<>();
        if (province.scheme() != CodeScheme.QD124_2004) {
            refusals.add(new Refusal("codeScheme", "not_an_old_province", "Only the records of a QD124_2004 province "
                    + "move to the new units; " + province.scheme() + " is the list in force.",
                    "Chỉ hồ sơ của tỉnh theo danh mục QD124_2004 mới chuyển sang đơn vị mới; " + province.scheme()
                            + " là danh mục đang áp dụng."));
            throw new ProgrammeException.Invalid(refusals);
        }
        if (effective != null) notInFuture(refusals, "effectiveDate", effective, Today.inVietnam());
        List<PlannedMove> plan = new ArrayList<>();
        java.util.Set<String> toMove = new java.util.HashSet<>();
        for (ProgrammeArea a : store.province(province.scheme().name(), province.provinceCode(), MIN_YEAR, MAX_YEAR)) {
            if (!a.current().codeScheme().equals(CodeScheme.QD124_2004.name())) continue;
            Unit from = a.current();
            toMove.add(from.areaCode());
            List<Reform.Link> options = areas.reform().successors(from.areaCode());
            String chosen = choices.get(from.areaCode());
            List<Refusal> own = new ArrayList<>();
            Unit to = successor(from, chosen, own);
            if (chosen != null && !own.isEmpty()) {
                own.forEach(r -> refusals.add(new Refusal("choices." + from.areaCode(), r.code(), r.message(), r.messageVi())));
                continue;
            }
            String status = to == null ? "CHOOSE" : chosen != null ? "CHOSEN" : "MOVE";
            plan.add(new PlannedMove(a, from, options, to, status));
        }
        // a choice for a commune no record is on would be dropped unseen: a mistyped code must not pass for applied
        choices.keySet().stream().filter(code -> !toMove.contains(code)).forEach(code -> refusals.add(new Refusal(
                "choices." + code, "no_record_to_move", "choices names \"" + clip(code) + "\", which is not the old commune "
                + "code of a record of province " + province.provinceCode() + " still to move.",
                "choices có mã \"" + clip(code) + "\" không phải mã xã cũ của hồ sơ nào của tỉnh " + province.provinceCode()
                        + " đang chờ chuyển.")));
        if (!refusals.isEmpty()) throw new ProgrammeException.Invalid(refusals);
        return plan;
    }

    /**
     * Moves every record of the old province to its new unit, as the preview showed, each by its own REORGANISED
     * step. Refused whole, before anything is stored, while a split commune has no choice or a record cannot take the
     * step on that day.
     *
     * @return the moved records' statuses, in the plan's order
     */
    public List<AreaStatus> reorganise(Programme province, LocalDate effective, String actor,
                                       java.util.Map<String, String> choices, String recordedBy) {
        List<PlannedMove> plan = reorganisationPlan(province, choices, effective);
        Engine engine = engines.current();
        List<Refusal> refusals = new ArrayList<>();
        for (PlannedMove m : plan) {
            if (m.to() == null) {
                refusals.add(new Refusal("choices." + m.from().areaCode(), "split_choose", m.from().areaName() + " ("
                        + m.from().areaCode() + ", " + m.record().year() + ") was split; choose its new commune among "
                        + names(m.options()) + ".", m.from().areaName() + " (" + m.from().areaCode() + ", năm "
                        + m.record().year() + ") được chia; hãy chọn xã mới trong số " + names(m.options()) + "."));
                continue;
            }
            AreaStatus st = status(engine, m.record(), effective, true);
            boolean allowed = st.allowed().stream().anyMatch(x -> x.to() == AreaState.REORGANISED)
                    && !effective.isBefore(m.record().last().effectiveDate());
            if (!allowed) {
                refusals.add(new Refusal("effectiveDate", "not_allowed", m.from().areaName() + " (" + m.from().areaCode()
                        + ", " + m.record().year() + ") cannot follow its area on " + effective + " (on or after 2025-07-01, "
                        + "and not before its last step).", m.from().areaName() + " (" + m.from().areaCode() + ", năm "
                        + m.record().year() + ") không thể chuyển ngày " + effective + " (phải từ 01/07/2025 và không trước bước gần nhất)."));
            }
        }
        if (!refusals.isEmpty()) throw new ProgrammeException.Invalid(refusals);
        List<AreaStatus> moved = new ArrayList<>();
        for (PlannedMove m : plan) {
            Programme p = new Programme(province.scheme(), province.provinceCode(), province.provinceName(), m.record().year());
            moved.add(step(p, m.from().areaCode(), new StepRequest(AreaState.REORGANISED, actor, effective, null, null,
                    null, "Chuyển hồ sơ cả tỉnh theo sắp xếp đơn vị hành chính từ 01/07/2025", null, m.to().areaCode(), null),
                    recordedBy));
        }
        return moved;
    }

    /** The new unit a REORGANISED step would move the record to, if it can be told now (for the scope check). */
    Optional<Unit> reorganisationTarget(Programme p, String areaCode, StepRequest r) {
        if (r.to() != AreaState.REORGANISED) return Optional.empty();
        return store.find(p.scheme().name(), areaCode, p.year())
                .map(a -> successor(a.current(), r.areaCode(), new ArrayList<>()));
    }

    private static String names(List<Reform.Link> links) {
        return links.stream().map(l -> Reform.named(l.to())).collect(java.util.stream.Collectors.joining(", "));
    }

    // ---- what the officer picks from ---------------------------------------------------------------------------

    /**
     * The FINAL evaluations in force of the record's area, under every code it had, with the verdict a step needs and
     * not yet cited by a standing step: the list the area's page offers for TRANSFORMED or NOT_TRANSFORMED, newest
     * period first. The step still checks everything else (profile, period) and says why it refuses.
     */
    List<vn.chuyenhoa.evaluation.EvaluationSummary> citableEvaluations(ProgrammeArea a, Verdict verdict) {
        List<vn.chuyenhoa.evaluation.EvaluationSummary> found = new ArrayList<>();
        for (Unit u : units(a)) {
            found.addAll(evaluations.search(new vn.chuyenhoa.evaluation.EvaluationFilter(u.codeScheme(), u.areaCode(), null,
                    null, verdict.name(), "FINAL", null, null, null), 0, 100).items());
        }
        return found.stream().filter(e -> "ACTIVE".equals(e.state()))
                .filter(e -> store.citing(e.id()).filter(x -> x.cites(e.id())).isEmpty())
                .sorted(java.util.Comparator.comparing(vn.chuyenhoa.evaluation.EvaluationSummary::periodTo).reversed()).toList();
    }

    /** The stored monitoring reports of the record's area, under every code it had, newest period first. */
    List<MonitoringStore.Summary> reportsOf(ProgrammeArea a) {
        List<MonitoringStore.Summary> found = new ArrayList<>();
        for (Unit u : units(a)) found.addAll(reports.ofArea(u.codeScheme(), u.areaCode()));
        return found.stream().sorted(java.util.Comparator.comparing(MonitoringStore.Summary::periodTo).reversed()).toList();
    }

    /**
     * The record a monitoring report is about: of its area, recognised on the day the report names, else the latest
     * record of the area that was transformed.
     */
    public Optional<ProgrammeArea> recordOf(MonitoringStore.Summary report) {
        LocalDate today = Today.inVietnam();
        List<ProgrammeArea> all = store.ofArea(report.codeScheme(), report.areaCode());
        return all.stream().filter(a -> a.recognisedOn(today).map(report.recognisedOn()::equals).orElse(false))
                .reduce((x, y) -> y)
                .or(() -> all.stream().filter(a -> a.recognisedOn(today).isPresent()).reduce((x, y) -> y));
    }

    private static List<Unit> units(ProgrammeArea a) {
        List<Unit> units = new ArrayList<>(List.of(a.opened()));
        a.steps().stream().filter(Step::isMove).map(Step::movedTo).forEach(units::add);
        return units;
    }

    /** Whether anything is stored at all: the demo data set is loaded only into an empty programme store. */
    public boolean isEmpty() {
        return store.isEmpty();
    }

    // ---- checks ------------------------------------------------------------------------------------------------

    /**
     * A verdict step must rest on a stored FINAL evaluation, in force, of this area (scheme and code), under the
     * profile pinned at approval, of a period that ends once the transformation has started, with the same verdict,
     * and not already used for another verdict. Returns the first reason it does not.
     */
    private Optional<Refusal> citation(ProgrammeArea a, AreaStatus now, Verdict needed, UUID id) {
        Optional<EvaluationRecord> found = evaluations.find(id);
        if (found.isEmpty()) {
            return Optional.of(new Refusal("evaluationId", "unknown_evaluation", "There is no stored evaluation " + id + ".",
                    "Không có kết quả đánh giá " + id + " nào được lưu."));
        }
        EvaluationRecord e = found.get();
        String pinned = now.pinning() == null ? null : now.pinning().profileId();
        if (!a.isOf(e.codeScheme(), e.areaCode())) {
            return refuse("other_area", "Evaluation " + id + " is of area " + e.areaCode() + " (" + e.codeScheme()
                            + "), not of " + a.areaCode() + " (" + a.codeScheme() + ").",
                    "Kết quả đánh giá " + id + " là của địa bàn " + e.areaCode() + " (" + e.codeScheme() + "), không phải "
                            + a.areaCode() + " (" + a.codeScheme() + ").");
        }
        if (!e.profileId().equals(pinned)) {
            return refuse("other_profile", "Evaluation " + id + " was made under profile " + e.profileId()
                            + ", but the record is governed by " + pinned + ", pinned at approval; evaluate under "
                            + pinned + " (profileId) and cite that evaluation.",
                    "Kết quả đánh giá " + id + " theo bộ tiêu chí " + e.profileId() + ", nhưng hồ sơ áp dụng bộ tiêu chí "
                            + pinned + " đã gắn khi phê duyệt; hãy đánh giá theo " + pinned + " (profileId) và dẫn kết quả đó.");
        }
        if (!"FINAL".equals(e.purpose())) {
            return refuse("not_final", "Evaluation " + id + " is a " + e.purpose() + " check; only a FINAL evaluation can "
                            + "justify a verdict.",
                    "Kết quả đánh giá " + id + " là đánh giá " + e.purpose() + " (giữa kỳ); chỉ đánh giá cuối kỳ (FINAL) "
                            + "mới làm căn cứ kết luận.");
        }
        String state;
        try {
            state = evaluations.status(id).state();
        } catch (NoSuchElementException gone) {
            state = "UNKNOWN";
        }
        if (!"ACTIVE".equals(state)) {
            return refuse("not_in_force", "Evaluation " + id + " is " + state + " and no longer in force.",
                    "Kết quả đánh giá " + id + " đã bị " + ("WITHDRAWN".equals(state) ? "thu hồi" : "thay thế")
                            + ", không còn hiệu lực.");
        }
        if (!e.verdict().equals(needed.name())) {
            String why = Verdict.INSUFFICIENT_DATA.name().equals(e.verdict())
                    ? " INSUFFICIENT_DATA justifies neither TRANSFORMED nor NOT_TRANSFORMED; evaluate again with the missing facts."
                    : "";
            String whyVi = Verdict.INSUFFICIENT_DATA.name().equals(e.verdict())
                    ? " Kết quả chưa đủ dữ liệu không làm căn cứ cho kết luận nào; hãy đánh giá lại với đủ số liệu."
                    : "";
            return refuse("verdict_mismatch", "Evaluation " + id + " found " + e.verdict() + ", so it cannot justify "
                            + needed + "." + why,
                    "Kết quả đánh giá " + id + " là " + e.verdict() + ", không thể làm căn cứ cho " + needed + "." + whyVi);
        }
        if (now.start() != null && e.periodTo().isBefore(now.start())) {
            return refuse("before_transformation", "Evaluation " + id + " covers a period ending " + e.periodTo()
                            + ", before this transformation started on " + now.start() + ".",
                    "Kết quả đánh giá " + id + " có kỳ đánh giá kết thúc ngày " + e.periodTo()
                            + ", trước khi đợt chuyển hóa này bắt đầu (" + now.start() + ").");
        }
        return store.citing(id).map(used -> alreadyCited(id, used));
    }

    /** Another request's step took the evaluation between the check above and this one's write: refused as if after. */
    private static ProgrammeException.Invalid taken(ProgrammeStore.EvaluationTaken taken) {
        return new ProgrammeException.Invalid(List.of(alreadyCited(taken.evaluationId(), taken.holder())));
    }

    private static Refusal alreadyCited(UUID id, ProgrammeArea used) {
        return new Refusal("evaluationId", "already_cited", "Evaluation " + id + " already justified the verdict of area "
                + used.areaCode() + " in the " + used.year() + " programme.",
                "Kết quả đánh giá " + id + " đã làm căn cứ kết luận cho địa bàn " + used.areaCode()
                        + " trong chương trình năm " + used.year() + ".");
    }

    /**
     * A RELAPSED step must rest on a stored monitoring report of this area (by its code then, old or new) that found
     * it relapsed, of a period that ends after the recognition. Returns the first reason it does not.
     */
    private Optional<Refusal> reportCitation(ProgrammeArea a, AreaStatus now, UUID id) {
        Optional<MonitoringStore.Summary> found = reports.find(id);
        if (found.isEmpty()) {
            return reportRefusal("unknown_report", "There is no stored monitoring report " + id + ".",
                    "Không có báo cáo theo dõi " + id + " nào được lưu.");
        }
        MonitoringStore.Summary m = found.get();
        if (!a.isOf(m.codeScheme(), m.areaCode())) {
            return reportRefusal("other_area", "Monitoring report " + id + " is of area " + m.areaName() + " ("
                            + m.areaCode() + "), not of " + a.areaName() + " (" + a.areaCode() + ").",
                    "Báo cáo theo dõi " + id + " là của " + m.areaName() + " (" + m.areaCode() + "), không phải của "
                            + a.areaName() + " (" + a.areaCode() + ").");
        }
        if (!RelapseVerdict.RELAPSED.name().equals(m.outcome())) {
            return reportRefusal("not_relapsed", "Monitoring report " + id + " did not find the area relapsed ("
                            + m.outcome() + "); only a report that did can justify RELAPSED.",
                    "Báo cáo theo dõi " + id + " không kết luận địa bàn phức tạp trở lại; chỉ báo cáo có kết luận đó mới làm"
                            + " căn cứ ghi nhận phức tạp trở lại.");
        }
        if (now.recognisedOn() != null && !m.periodTo().isAfter(now.recognisedOn())) {
            return reportRefusal("before_recognition", "Monitoring report " + id + " covers a period ending "
                            + m.periodTo() + ", not after the recognition on " + now.recognisedOn() + ".",
                    "Báo cáo theo dõi " + id + " có kỳ báo cáo kết thúc ngày " + VI_DATE.format(m.periodTo())
                            + ", không sau ngày công nhận " + VI_DATE.format(now.recognisedOn()) + ".");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> reportRefusal(String code, String en, String vi) {
        return Optional.of(new Refusal("monitoringReportId", code, en, vi));
    }

    private static Optional<Refusal> refuse(String code, String en, String vi) {
        return Optional.of(new Refusal("evaluationId", code, en, vi));
    }

    /** The programme year the step leads into; the record's own year unless the rule says another. */
    private int targetYear(ProgrammeArea a, Move move, StepRequest r, List<Refusal> refusals) {
        switch (move.year()) {
            case SAME -> {
                if (r.programmeYear() != null) refusals.add(notUsed("programmeYear", move));
                return a.year();
            }
            case NEXT -> {
                if (r.programmeYear() != null && r.programmeYear() != a.year() + 1) {
                    refusals.add(new Refusal("programmeYear", "not_next_year",
                            "A carry-over goes into the next year's programme, " + (a.year() + 1) + ", not " + r.programmeYear() + ".",
                            "Địa bàn chưa đạt được chuyển sang chương trình năm sau (" + (a.year() + 1) + "), không phải năm "
                                    + r.programmeYear() + "."));
                }
                yearInRange(refusals, "programmeYear", a.year() + 1);
                return a.year() + 1;
            }
            default -> {
                if (r.programmeYear() == null) {
                    refusals.add(required("programmeYear", move));
                    return a.year();
                }
                if (r.programmeYear() <= a.year()) {
                    refusals.add(new Refusal("programmeYear", "not_later_year",
                            "programmeYear must be after " + a.year() + ", the year of this record.",
                            "programmeYear phải sau năm " + a.year() + " của hồ sơ này."));
                }
                yearInRange(refusals, "programmeYear", r.programmeYear());
                return r.programmeYear();
            }
        }
    }

    private AdminUnit unit(Programme p, String code, String name, List<Refusal> refusals) {
        if (code == null) {
            refusals.add(new Refusal("areaCode", "required", "The required field areaCode is missing.",
                    "Thiếu trường bắt buộc areaCode."));
            return null;
        }
        Optional<AdminUnit> unit = areas.find(p.scheme(), code);
        if (unit.isEmpty()) {
            refusals.add(new Refusal("areaCode", "unknown_code", "areaCode \"" + clip(code) + "\" is not in the code list of "
                    + p.scheme() + ".", "areaCode \"" + clip(code) + "\" không có trong danh mục mã " + p.scheme() + "."));
            return null;
        }
        if (!unit.get().provinceCode().equals(p.provinceCode())) {
            refusals.add(new Refusal("areaCode", "other_province", "Area " + code + " (" + unit.get().name()
                    + ") is in province " + unit.get().provinceCode() + ", not " + p.provinceCode() + ".",
                    "Địa bàn " + code + " (" + unit.get().name() + ") thuộc tỉnh " + unit.get().provinceCode()
                            + ", không phải tỉnh " + p.provinceCode() + "."));
            return null;
        }
        if (name != null && !areas.nameMatches(unit.get(), name)) {
            refusals.add(new Refusal("areaName", "name_mismatch", "areaName \"" + clip(name) + "\" is not the name of area "
                    + code + " in " + p.scheme() + " (" + unit.get().name() + ").",
                    "areaName \"" + clip(name) + "\" không phải là tên của địa bàn " + code + " trong " + p.scheme()
                            + " (" + unit.get().name() + ")."));
            return null;
        }
        return unit.get();
    }

    private static void yearInRange(List<Refusal> refusals, String field, int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            refusals.add(new Refusal(field, "out_of_range", field + " (" + year + ") must be between " + MIN_YEAR + " and "
                    + MAX_YEAR + ".", field + " (" + year + ") phải từ " + MIN_YEAR + " đến " + MAX_YEAR + "."));
        }
    }

    private static void notInFuture(List<Refusal> refusals, String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            refusals.add(new Refusal(field, "in_future", field + " " + date + " is after today (" + today
                    + " in Vietnam); only what has happened can be recorded.",
                    field + " " + date + " sau ngày hôm nay (" + today + "); chỉ ghi nhận việc đã xảy ra."));
        }
    }

    private static Refusal required(String field, Move move) {
        return new Refusal(field, "required", field + " is required for this step (" + move.rule() + ").",
                "Bước này (" + move.labelVi() + ") cần có thông tin này.");
    }

    private static Refusal notUsed(String field, Move move) {
        return new Refusal(field, "not_applicable", field + " has no meaning for this step (" + move.rule() + "); leave it out.",
                "Thông tin này không dùng cho bước này (" + move.labelVi() + "); hãy để trống.");
    }

    private void save(ProgrammeArea a, Programme p) {
        try {
            store.create(a);
        } catch (ProgrammeStore.EvaluationTaken taken) {
            throw taken(taken);
        } catch (DataIntegrityViolationException race) {
            // the checks above passed, so another request stored the same area or continuation meanwhile: say which.
            // Any other key is a gap in the checks, not another request, and is not passed off as one
            if (store.find(a.codeScheme(), a.areaCode(), a.year()).isPresent()) throw alreadyIn(a.areaCode(), p);
            if (a.originId() != null) {
                Optional<ProgrammeArea> origin = store.find(a.originId());
                Optional<ProgrammeArea> later = store.continuation(a.originId());
                if (origin.isPresent() && later.isPresent()) throw alreadyContinued(origin.get(), later.get());
            }
            throw unexplained(a, p, race);
        }
    }

    private static ProgrammeException.Conflict alreadyContinued(ProgrammeArea a, ProgrammeArea later) {
        LocalDate since = later.steps().get(0).effectiveDate();
        return new ProgrammeException.Conflict("already-continued",
                "The " + a.year() + " record of area " + a.areaCode() + " is already continued in the " + later.year()
                        + " programme (from " + since + "); a record is continued only once.",
                "Hồ sơ năm " + a.year() + " của địa bàn " + a.areaCode() + " đã được chuyển sang chương trình năm "
                        + later.year() + " (từ ngày " + VI_DATE.format(since) + "); mỗi hồ sơ chỉ được chuyển tiếp một lần.");
    }

    /**
     * A key of the database refused the write and no stored record explains which: a gap in the checks above, logged
     * for the operators with the database's own words, and answered as a conflict that changed nothing rather than a
     * server error, since it was the caller's request that the data refused.
     */
    private static ProgrammeException.Conflict unexplained(ProgrammeArea a, Programme p,
                                                           DataIntegrityViolationException cause) {
        log.warn("a programme write for area {} ({}) was refused by a database key no check explains", a.areaCode(),
                p.year(), cause);
        return new ProgrammeException.Conflict("conflicts-with-stored-record",
                "Area " + a.areaCode() + " of the " + p.year() + " programme: the request conflicts with a record"
                        + " already stored; nothing was changed.",
                "Hồ sơ địa bàn " + a.areaCode() + " năm " + p.year() + ": yêu cầu mâu thuẫn với một hồ sơ đã lưu;"
                        + " không có gì được thay đổi.");
    }

    private static ProgrammeException.Conflict alreadyIn(String code, Programme p) {
        return new ProgrammeException.Conflict("already-in-programme",
                "Area " + code + " is already in the " + p.year() + " programme of province " + p.provinceCode() + ".",
                "Địa bàn " + code + " đã có trong chương trình năm " + p.year() + " của tỉnh " + p.provinceCode() + ".");
    }

    private static ProgrammeException.Conflict changedMeanwhile(ProgrammeArea a, Programme p) {
        return new ProgrammeException.Conflict("changed-meanwhile",
                "Area " + a.areaCode() + " of the " + p.year() + " programme was changed by another request meanwhile;"
                        + " read it again and retry.",
                "Hồ sơ địa bàn " + a.areaCode() + " năm " + p.year() + " vừa được thay đổi bởi một yêu cầu khác;"
                        + " hãy đọc lại và thử lại.");
    }

    private static ProgrammeException.NotFound notFound(String code, Programme p) {
        return new ProgrammeException.NotFound("Area " + code + " is not in the " + p.year() + " programme of "
                + p.scheme() + " province " + p.provinceCode() + ".", "Địa bàn " + code + " không thuộc chương trình năm "
                + p.year() + " của tỉnh " + p.scheme() + ":" + p.provinceCode() + ".");
    }

    static Area area(Unit u) {
        return new Area(u.codeScheme(), u.areaCode(), u.areaName(), u.districtCode(), u.provinceCode());
    }

    /** An old commune on a day its list no longer names it: its record may only follow it to the new list. */
    private static boolean retired(Unit u, LocalDate day) {
        return CodeScheme.parse(u.codeScheme()).map(s -> !s.inForceOn(day)).orElse(false);
    }

    /**
     * The new commune a REORGANISED step moves the record to: the one named, which must be one the old commune went
     * into, or the only one it went wholly into.
     */
    private Unit successor(Unit old, String code, List<Refusal> refusals) {
        List<Reform.Link> links = areas.reform().successors(old.areaCode());
        String options = links.stream().map(l -> Reform.named(l.to()) + (l.whole() ? "" : " (một phần / in part)"))
                .collect(java.util.stream.Collectors.joining(", "));
        AdminUnit to = null;
        if (code == null) {
            to = areas.reform().wholeSuccessor(old.areaCode()).orElse(null);
            if (to == null) {
                refusals.add(new Refusal("areaCode", "split_choose", old.areaName() + " (" + old.areaCode() + ") was split on "
                        + "01/07/2025 between " + options + "; name in areaCode the new commune that holds the area of this record.",
                        old.areaName() + " (" + old.areaCode() + ") được chia từ 01/07/2025 vào " + options
                                + "; hãy ghi trong areaCode mã xã mới có địa bàn của hồ sơ này."));
                return null;
            }
        } else {
            to = links.stream().map(Reform.Link::to).filter(u -> u.code().equals(code)).findFirst().orElse(null);
            if (to == null) {
                refusals.add(new Refusal("areaCode", "not_a_successor", "areaCode \"" + clip(code) + "\" is not a new commune "
                        + old.areaName() + " (" + old.areaCode() + ") went into; it went into " + options + ".",
                        "areaCode \"" + clip(code) + "\" không phải là xã mới mà " + old.areaName() + " (" + old.areaCode()
                                + ") được sắp xếp vào; các xã đó là: " + options + "."));
                return null;
            }
        }
        return new Unit(to.scheme().name(), to.provinceCode(), to.code(), to.name(), null);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String clip(String s) {
        return s == null ? "null" : Shown.clip(s);
    }
}
