package vn.chuyenhoa.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import vn.chuyenhoa.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import vn.chuyenhoa.web.FormError;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.evaluation.EngineSource;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.web.FormJson;
import vn.chuyenhoa.web.PageNotFound;

/**
 * A province's programme over a range of years: both shares against their targets (from the programme table, with the
 * row that set them) as a bar chart with the numbers written out, the areas by state, and the overdue ones.
 */
@PageController
class ProgrammePages {

    private static final int MAX_RANGE = 50;
    private static final List<String> CANDIDATE_FIELDS = List.of("areaCode", "areaName", "actor", "effectiveDate", "comment");

    /** One bar of the chart: a share, the target it is held against, in percent of the chart's width. */
    public record Bar(String label, String measureKey, ProvinceFigures.Share share) {
        public BigDecimal percent() { return share.percent(); }
        public BigDecimal target() { return share.target() == null ? null : share.target().value(); }
    }

    private final ProgrammeService service;
    private final ProgrammeStore store;
    private final EngineSource engines;

    ProgrammePages(ProgrammeService service, ProgrammeStore store, EngineSource engines) {
        this.service = service;
        this.store = store;
        this.engines = engines;
    }

    /** The home page's small form: to the province's address. */
    @GetMapping("/programmes/go")
    String go(@RequestParam(defaultValue = "") String codeScheme, @RequestParam(defaultValue = "") String provinceCode,
              @RequestParam(required = false) String fromYear, @RequestParam(required = false) String toYear) {
        // every value a variable, encoded as one: typed text such as {x} is never read as a template
        java.util.Map<String, String> values = new java.util.HashMap<>(java.util.Map.of("s", codeScheme.strip(),
                "p", provinceCode.strip()));
        org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder
                .fromPath("/programmes/{s}/{p}");
        if (fromYear != null) {
            b.queryParam("fromYear", "{fromYear}");
            values.put("fromYear", fromYear);
        }
        if (toYear != null) {
            b.queryParam("toYear", "{toYear}");
            values.put("toYear", toYear);
        }
        return "redirect:" + b.encode().buildAndExpand(values).toUriString();
    }

    @GetMapping("/programmes/{codeScheme}/{provinceCode}")
    String programme(@PathVariable String codeScheme, @PathVariable String provinceCode,
                     @RequestParam(required = false) String fromYear, @RequestParam(required = false) String toYear,
                     Model model, HttpServletResponse response) {
        ProgrammeService.Programme p;
        try {
            p = service.province(codeScheme, provinceCode);
        } catch (ProgrammeException.Invalid e) {
            throw new PageNotFound(e.refusals().get(0).messageVi(), e.refusals().get(0).message());
        }
        LocalDate today = Today.inVietnam();
        List<FormError> errors = new ArrayList<>();
        Integer from = year(fromYear, "fromYear", errors);
        Integer to = year(toYear, "toYear", errors);
        if (from == null) from = to != null ? to : today.getYear();
        if (to == null) to = from;
        if (errors.isEmpty() && to < from) errors.add(new FormError("toYear", "Năm cuối trước năm đầu.", "The last year is before the first."));
        if (errors.isEmpty() && to - from >= MAX_RANGE) errors.add(new FormError("toYear",
                "Khoảng năm tối đa " + MAX_RANGE + " năm.", "A range covers at most " + MAX_RANGE + " years."));
        model.addAttribute("programme", p);
        model.addAttribute("officer", AreaPages.officerOf(p));
        if (!model.containsAttribute("candidate")) model.addAttribute("candidate", Map.of());
        if (!model.containsAttribute("candidateErrors")) model.addAttribute("candidateErrors", List.of());
        model.addAttribute("fromYear", fromYear == null ? from : fromYear);
        model.addAttribute("toYear", toYear == null ? to : toYear);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "programme";
        }
        List<ProgrammeArea> records = store.province(p.scheme().name(), p.provinceCode(), ProgrammeService.MIN_YEAR, ProgrammeService.MAX_YEAR);
        ProvinceFigures.Figures f = ProvinceFigures.compute(engines.current(), service, p.scheme().name(), p.provinceCode(),
                records, from, to, today);
        List<Bar> bars = new ArrayList<>();
        for (ProvinceFigures.YearFigures y : f.years()) {
            bars.add(new Bar(String.valueOf(y.year()), "programme.shareTransformed", y.transformedShare()));
            bars.add(new Bar(String.valueOf(y.year()), "programme.shareNotRelapsed", y.notRelapsedShare()));
        }
        if (f.years().size() > 1) {
            String range = from + "–" + to;
            bars.add(new Bar(range, "programme.shareTransformed", f.total().transformedShare()));
            bars.add(new Bar(range, "programme.shareNotRelapsed", f.total().notRelapsedShare()));
        }
        Map<AreaState, List<AreaStatus>> byState = new EnumMap<>(AreaState.class);
        f.areas().stream().sorted(Comparator.comparing((AreaStatus s) -> s.area().year()).thenComparing(s -> s.area().areaName()))
                .forEach(s -> byState.computeIfAbsent(s.state(), k -> new ArrayList<>()).add(s));
        model.addAttribute("figures", f);
        model.addAttribute("bars", bars);
        model.addAttribute("byState", byState);
        model.addAttribute("overdue", f.areas().stream().filter(AreaStatus::overdue).toList());
        // monitored areas whose window has ended: the STABLE (or RELAPSED) step is due, and nothing else will say so
        model.addAttribute("stableDue", f.areas().stream().filter(AreaStatus::stableDue)
                .sorted(Comparator.comparing(AreaStatus::monitoringLastDay).thenComparing(s -> s.unit().areaName())).toList());
        model.addAttribute("anyRunning", bars.stream().anyMatch(b -> b.share().runningUntil() != null));
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(from, to).boxed().toList());
        return "programme";
    }

    /**
     * The officer's form on the programme page: the area enters the year's programme as a candidate. A refusal is
     * shown on the same page, for that year, with the API's status and words; nothing is stored.
     */
    @PostMapping("/programmes/{codeScheme}/{provinceCode}/{year}/areas")
    String addCandidate(@PathVariable String codeScheme, @PathVariable String provinceCode, @PathVariable int year,
                        @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        ProgrammeService.Programme p = AreaPages.programme(service, codeScheme, provinceCode, year);
        Parsed<ProgrammeService.NewCandidate> parsed =
                ProgrammeRequests.candidate(FormJson.of(form, CANDIDATE_FIELDS, List.of()));
        HttpStatus status;
        List<FormError> errors;
        if (!parsed.errors().isEmpty()) {
            status = HttpStatus.BAD_REQUEST;
            errors = FormJson.errors(parsed.errors());
        } else {
            try {
                AreaStatus added = service.addCandidate(p, parsed.value(), Caller.name());
                return "redirect:" + AreaPages.href(added.area()) + "?added";
            } catch (ProgrammeException.Invalid e) {
                status = HttpStatus.BAD_REQUEST;
                errors = Refusal.onForm(e.refusals());
            } catch (ProgrammeException.Conflict e) {
                status = HttpStatus.CONFLICT;
                errors = List.of(new FormError("areaCode", e.messageVi(), e.getMessage()));
            }
        }
        model.addAttribute("candidate", form);
        model.addAttribute("candidateYear", year);
        model.addAttribute("candidateErrors", errors);
        String view = programme(codeScheme, provinceCode, String.valueOf(year), String.valueOf(year), model, response);
        response.setStatus(status.value());
        return view;
    }

    private static Integer year(String s, String field, List<FormError> errors) {
        if (s == null || s.isBlank()) return null;
        try {
            int y = Integer.parseInt(s.strip());
            if (y >= ProgrammeService.MIN_YEAR && y <= ProgrammeService.MAX_YEAR) return y;
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FormError(field, "Năm phải từ " + ProgrammeService.MIN_YEAR + " đến " + ProgrammeService.MAX_YEAR + ": " + s,
                "A year is between " + ProgrammeService.MIN_YEAR + " and " + ProgrammeService.MAX_YEAR + ": " + s));
        return null;
    }
}
