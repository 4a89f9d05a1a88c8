package vn.chuyenhoa.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import vn.chuyenhoa.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;
import vn.chuyenhoa.web.FormError;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.access.Role;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.web.FormJson;
import vn.chuyenhoa.web.PageNotFound;

/**
 * An area's record in a year's programme: its steps, who decided each and who wrote it down, and for the officer of
 * the province one form per step the lifecycle rules allow now, asking only for what that step needs. The same
 * service call as the API lists the steps and records them, so the page offers nothing the API would refuse.
 */
@PageController
class AreaPages {

    private static final List<String> STEP_FIELDS = List.of("to", "actor", "effectiveDate", "decisionNumber",
            "decisionDate", "evaluationId", "monitoringReportId", "comment", "programmeYear", "areaCode");

    private final ProgrammeService service;
    private final AreaDirectory areas;

    AreaPages(ProgrammeService service, AreaDirectory areas) {
        this.service = service;
        this.areas = areas;
    }

    @GetMapping("/programmes/{codeScheme}/{provinceCode}/{year}/areas/{areaCode}")
    String area(@PathVariable String codeScheme, @PathVariable String provinceCode, @PathVariable int year,
                @PathVariable String areaCode, Model model) {
        fill(programme(service, codeScheme, provinceCode, year), areaCode, model);
        model.addAttribute("errors", List.of());
        model.addAttribute("form", Map.of());
        return "programme-area";
    }

    @PostMapping("/programmes/{codeScheme}/{provinceCode}/{year}/areas/{areaCode}/transitions")
    String step(@PathVariable String codeScheme, @PathVariable String provinceCode, @PathVariable int year,
                @PathVariable String areaCode, @RequestParam Map<String, String> form, Model model,
                HttpServletResponse response) {
        ProgrammeService.Programme p = programme(service, codeScheme, provinceCode, year);
        Parsed<ProgrammeService.StepRequest> parsed =
                ProgrammeRequests.step(FormJson.of(form, STEP_FIELDS, List.of("programmeYear")));
        HttpStatus status;
        List<FormError> errors;
        if (!parsed.errors().isEmpty()) {
            status = HttpStatus.BAD_REQUEST;
            errors = FormJson.errors(parsed.errors());
        } else {
            // a record that follows its area into a new province needs that province in the officer's scope too
            Optional<Unit> into = service.reorganisationTarget(p, areaCode, parsed.value());
            Optional<Caller> caller = Caller.current();
            try {
                if (into.isPresent() && into.get() != null && caller.isPresent()
                        && !caller.get().covers(into.get().codeScheme(), into.get().provinceCode())) {
                    String province = areas.provinceLabel(into.get().codeScheme(), into.get().provinceCode());
                    status = HttpStatus.FORBIDDEN;
                    errors = List.of(new FormError("areaCode", caller.get().outsideVi(province), caller.get().outsideEn(province)));
                    fill(p, areaCode, model);
                    model.addAttribute("errors", errors);
                    model.addAttribute("form", form);
                    response.setStatus(status.value());
                    return "programme-area";
                }
                AreaStatus after = service.step(p, areaCode, parsed.value(), Caller.name());
                return "redirect:" + href(after.area()) + "?recorded";
            } catch (ProgrammeException.Invalid e) {
                status = HttpStatus.BAD_REQUEST;
                errors = Refusal.onForm(e.refusals());
            } catch (ProgrammeException.NotAllowed e) {
                status = HttpStatus.CONFLICT;
                NotAllowedText t = NotAllowedText.of(e);
                errors = List.of(new FormError("to", t.vi(), t.en()));
            } catch (ProgrammeException.Conflict e) {
                status = HttpStatus.CONFLICT;
                errors = List.of(new FormError("to", e.messageVi(), e.getMessage()));
            }
        }
        fill(p, areaCode, model);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        response.setStatus(status.value());
        return "programme-area";
    }

    private void fill(ProgrammeService.Programme p, String areaCode, Model model) {
        AreaStatus s;
        try {
            s = service.status(p, areaCode, Today.inVietnam());
        } catch (ProgrammeException.NotFound e) {
            throw new PageNotFound("Địa bàn " + areaCode + " không có trong chương trình năm " + p.year() + " của tỉnh "
                    + p.provinceName() + ".", e.getMessage());
        }
        model.addAttribute("programme", p);
        model.addAttribute("s", s);
        model.addAttribute("origin", service.origin(s.area()).orElse(null));
        model.addAttribute("continuation", service.continuation(s.area()).orElse(null));
        model.addAttribute("officer", officerOf(p));
        // a programme officer of other provinces or of the other code list sees the steps but no form: the page says why
        model.addAttribute("callerScope", Caller.current().filter(c -> c.has(Role.PROGRAMME_OFFICER) && !officerOf(p))
                .map(c -> c.provinces().stream().sorted().map(this::scopeName).collect(java.util.stream.Collectors.joining(", ")))
                .orElse(null));
        model.addAttribute("ruleLabels", service.ruleLabelsVi());
        model.addAttribute("profiles", service.profilesOf(s.area()));
        // where the area is on the day, and, for a record still on an old commune, the new commune(s) it may follow
        Unit here = s.area().unitOn(s.asOf());
        model.addAttribute("here", here);
        model.addAttribute("opened", here.equals(s.area().opened()) ? null : s.area().opened());
        model.addAttribute("successors", areas.reform().successors(here.areaCode()).stream()
                .filter(l -> here.codeScheme().equals(l.from().scheme().name())).toList());
        // an old commune's record after the reform may only follow its area today, but what happened before the
        // reform can still be written down, dated before 1 July 2025: the page offers both
        List<Move> offered = new java.util.ArrayList<>(s.allowed());
        boolean retired = CodeScheme.parse(here.codeScheme()).map(x -> !x.inForceOn(s.asOf())).orElse(false);
        if (retired && s.state() != null) {
            LocalDate lastOldDay = CodeScheme.REFORM_DAY.minusDays(1);
            if (!s.area().last().effectiveDate().isAfter(lastOldDay)) {
                service.status(p, areaCode, lastOldDay).allowed().stream()
                        .filter(m -> offered.stream().noneMatch(o -> o.to() == m.to())).forEach(offered::add);
            }
        }
        model.addAttribute("offered", offered);
        model.addAttribute("retired", retired);
        // what a step cites is picked from the area's own evaluations and reports, never typed
        Map<String, List<vn.chuyenhoa.evaluation.EvaluationSummary>> evaluations = new java.util.HashMap<>();
        offered.stream().map(Move::citedVerdict).filter(java.util.Objects::nonNull).distinct()
                .forEach(v -> evaluations.put(v.name(), service.citableEvaluations(s.area(), v)));
        model.addAttribute("evaluations", evaluations);
        model.addAttribute("reports", offered.stream().anyMatch(Move::isCitingReport)
                ? service.reportsOf(s.area()) : List.of());
        Map<Integer, Integer> corrections = s.area().corrections();
        model.addAttribute("corrections", corrections);
        model.addAttribute("voided", corrections.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey)));
        // the step a correction would void today
        model.addAttribute("mistaken", s.area().lastStandingOn(s.asOf()).orElse(null));
    }

    /** "QD124_2004:11" as "Tỉnh Điện Biên (11), QĐ 124/2004/QĐ-TTg": the province and the code list it belongs to. */
    private String scopeName(String scope) {
        int colon = scope.indexOf(':');
        if (colon < 0) return scope;
        String scheme = scope.substring(0, colon), code = scope.substring(colon + 1);
        return areas.provinceLabel(scheme, code) + ", " + CodeScheme.titleOf(scheme);
    }

    /** The programme named by the path, or the page saying there is none. */
    static ProgrammeService.Programme programme(ProgrammeService service, String codeScheme, String provinceCode, int year) {
        try {
            return service.programme(codeScheme, provinceCode, year);
        } catch (ProgrammeException.Invalid e) {
            throw new PageNotFound(e.refusals().get(0).messageVi(), e.refusals().get(0).message());
        }
    }

    /** Forms are shown only to whom AccessConfig lets post them: an officer holding the province. */
    static boolean officerOf(ProgrammeService.Programme p) {
        return Caller.current()
                .map(c -> c.has(Role.PROGRAMME_OFFICER) && c.covers(p.scheme().name(), p.provinceCode())).orElse(false);
    }

    static String href(ProgrammeArea a) {
        return UriComponentsBuilder.fromPath("/programmes/{s}/{p}/{y}/areas/{c}")
                .buildAndExpand(a.current().codeScheme(), a.current().provinceCode(), a.year(), a.current().areaCode())
                .encode().toUriString();
    }
}
