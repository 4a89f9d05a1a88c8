package vn.chuyenhoa.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.access.Role;
import vn.chuyenhoa.api.NotAllowedText;
import vn.chuyenhoa.api.ProgrammeRequests;
import vn.chuyenhoa.programme.AreaStatus;
import vn.chuyenhoa.programme.ProgrammeArea;
import vn.chuyenhoa.programme.ProgrammeException;
import vn.chuyenhoa.programme.ProgrammeService;
import vn.chuyenhoa.programme.Today;
import vn.chuyenhoa.http.Parsed;

/**
 * An area's record in a year's programme: its steps, who decided each and who wrote it down, and for the officer of
 * the province one form per step the lifecycle rules allow now, asking only for what that step needs. The same
 * service call as the API lists the steps and records them, so the page offers nothing the API would refuse.
 */
@Controller
class AreaPages {

    private static final List<String> STEP_FIELDS = List.of("to", "actor", "effectiveDate", "decisionNumber",
            "decisionDate", "evaluationId", "comment", "programmeYear");

    private final ProgrammeService service;

    AreaPages(ProgrammeService service) {
        this.service = service;
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
        List<RulesetPages.FormError> errors;
        if (!parsed.errors().isEmpty()) {
            status = HttpStatus.BAD_REQUEST;
            errors = FormJson.errors(parsed.errors());
        } else {
            try {
                AreaStatus after = service.step(p, areaCode, parsed.value(), Caller.name());
                return "redirect:" + href(after.area()) + "?recorded";
            } catch (ProgrammeException.Invalid e) {
                status = HttpStatus.BAD_REQUEST;
                errors = FormJson.refusals(e.refusals());
            } catch (ProgrammeException.NotAllowed e) {
                status = HttpStatus.CONFLICT;
                NotAllowedText t = NotAllowedText.of(e);
                errors = List.of(new RulesetPages.FormError("to", t.vi(), t.en()));
            } catch (ProgrammeException.Conflict e) {
                status = HttpStatus.CONFLICT;
                errors = List.of(new RulesetPages.FormError("to", e.messageVi(), e.getMessage()));
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
                .buildAndExpand(a.codeScheme(), a.provinceCode(), a.year(), a.areaCode()).encode().toUriString();
    }
}
