package vn.chuyenhoa.programme;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EngineSource;
import vn.chuyenhoa.programme.ProgrammeService.Programme;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.http.Shown;
import vn.chuyenhoa.http.ApiDescription;
import vn.chuyenhoa.http.Problems;

/**
 * A province's yearly programmes: add a candidate, record each step of an area's lifecycle, read an area's record and
 * the province's figures against the targets. Areas are identified by code scheme and code throughout.
 */
@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = ApiDescription.PROGRAMMES)
class ProgrammeController {

    private static final int MAX_RANGE = 50;

    private final ProgrammeService service;
    private final ProgrammeStore store;
    private final EngineSource engines;
    private final AreaDirectory areas;

    ProgrammeController(ProgrammeService service, ProgrammeStore store, EngineSource engines, AreaDirectory areas) {
        this.service = service;
        this.store = store;
        this.engines = engines;
        this.areas = areas;
    }

    @Operation(operationId = "getProgrammeFigures", summary = "A province's programme figures against the targets / Kết quả chuyển hóa của tỉnh so với chỉ tiêu",
            description = "Selected, transformed, not transformed, in progress and overdue areas per programme year and "
                    + "for the range; the share transformed against targetTransformedPercent and the share of transformed "
                    + "areas not relapsed against targetNotRelapsedPercent (decision-tables/programme.drl.xlsx, with their "
                    + "rows), exact, shown with 2 decimals; the change from the previous year; the areas with their state. "
                    + "An area counts once per programme year it is in (see countingEn in the answer). States are read as "
                    + "of asOf (default today in Vietnam). toYear defaults to fromYear, fromYear to toYear, both to this year.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The figures",
                        content = @Content(schema = @Schema(implementation = ProgrammeViews.FiguresView.class))),
                @ApiResponse(responseCode = "400", description = "Unknown scheme or province, bad years",
                        content = @Content(mediaType = "application/problem+json"))})
    @GetMapping(path = "/{codeScheme}/{provinceCode}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> figures(@Parameter(example = "QD124_2004") @PathVariable String codeScheme,
                              @Parameter(example = "\"11\"") @PathVariable String provinceCode,
                              @Parameter(example = "2017") @RequestParam(required = false) Integer fromYear,
                              @Parameter(example = "2020") @RequestParam(required = false) Integer toYear,
                              @Parameter(description = "Day the states are read on (yyyy-MM-dd); default today")
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : Today.inVietnam();
        int from = fromYear != null ? fromYear : toYear != null ? toYear : day.getYear();
        int to = toYear != null ? toYear : from;
        List<FieldError> errors = new ArrayList<>();
        Programme p = null;
        try {
            p = service.province(codeScheme, provinceCode);
        } catch (ProgrammeException.Invalid e) {
            e.refusals().forEach(r -> errors.add(new FieldError(r.field(), r.code(), r.message(), r.messageVi())));
        }
        if (from < ProgrammeService.MIN_YEAR || from > ProgrammeService.MAX_YEAR) {
            errors.add(FieldError.outOfRange("fromYear", from, ProgrammeService.MIN_YEAR, ProgrammeService.MAX_YEAR));
        }
        if (to < ProgrammeService.MIN_YEAR || to > ProgrammeService.MAX_YEAR) {
            errors.add(FieldError.outOfRange("toYear", to, ProgrammeService.MIN_YEAR, ProgrammeService.MAX_YEAR));
        } else if (to < from) {
            errors.add(new FieldError("toYear", "before_from_year", "toYear (" + to + ") is before fromYear (" + from + ").",
                    "toYear (" + to + ") trước fromYear (" + from + ")."));
        } else if (to - from >= MAX_RANGE) {
            errors.add(new FieldError("toYear", "range_too_long", "A range covers at most " + MAX_RANGE + " years.",
                    "Khoảng năm tối đa " + MAX_RANGE + " năm."));
        }
        if (!errors.isEmpty()) return Problems.badRequest(errors);

        Engine engine = engines.current();
        List<ProgrammeArea> records = store.province(p.scheme().name(), p.provinceCode(), ProgrammeService.MIN_YEAR,
                ProgrammeService.MAX_YEAR);
        Map<UUID, ProgrammeArea> byId = new LinkedHashMap<>();
        records.forEach(a -> byId.put(a.id(), a));
        ProvinceFigures.Figures f = ProvinceFigures.compute(engine, service, p.scheme().name(), p.provinceCode(), records,
                from, to, day);
        return ResponseEntity.ok(ProgrammeViews.figures(p, f, byId, engine.versionId()));
    }

    @Schema(name = "NewCandidate", description = "An area proposed for a year's programme")
    record NewCandidateSchema(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 20, example = "03124") String areaCode,
            @Schema(nullable = true, maxLength = 200, description = "When given, must name the code", example = "Phường Noong Bua") String areaName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, description = "Who proposes it", example = "Công an tỉnh Điện Biên") String actor,
            @Schema(nullable = true, description = "Default today in Vietnam", example = "2017-02-10") LocalDate effectiveDate,
            @Schema(nullable = true, maxLength = 4000, example = "UBND thành phố đề nghị xem xét") String comment) {}

    @Schema(name = "LifecycleStep", description = "A step of an area's lifecycle; what each step needs comes from rules/lifecycle.drl")
    record StepSchema(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) AreaState to,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "BCĐ 138 tỉnh Điện Biên") String actor,
            @Schema(nullable = true, description = "Default decisionDate, else today in Vietnam") LocalDate effectiveDate,
            @Schema(nullable = true, maxLength = 100, description = "With decisionDate; APPROVED needs both", example = "12/QĐ-BCĐ") String decisionNumber,
            @Schema(nullable = true, example = "2017-03-15") LocalDate decisionDate,
            @Schema(nullable = true, description = "TRANSFORMED and NOT_TRANSFORMED: a stored FINAL evaluation in force of the area") UUID evaluationId,
            @Schema(nullable = true, description = "RELAPSED: a stored monitoring report of the area that found it relapsed") UUID monitoringReportId,
            @Schema(nullable = true, maxLength = 4000, description = "Why; required for RELAPSED, DROPPED and CORRECTED",
                    example = "Phê duyệt danh sách năm 2017") String comment,
            @Schema(nullable = true, description = "CANDIDATE from RELAPSED: the later programme year") Integer programmeYear,
            @Schema(nullable = true, maxLength = 20, description = "REORGANISED: the new commune (QD19_2025) the area went "
                    + "into; may be left out when the old commune went wholly into one", example = "00025") String areaCode) {}

    /** For the OpenAPI description only: the body is read by ProgrammeRequests.reorganisation. */
    @Schema(name = "ReorganisationRequest", description = "Move a province's records to the new units of 1 July 2025.")
    record ReorganisationSchema(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "On or after 2025-07-01", example = "2025-07-01") LocalDate effectiveDate,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "Công an tỉnh Bắc Ninh") String actor,
            @Schema(nullable = true, description = "Old commune code → new commune code, for split communes") Map<String, String> choices) {}

    @Operation(operationId = "addProgrammeCandidate", summary = "Add an area to a year's programme as a candidate / Đưa địa bàn vào diện xem xét",
            description = "The area must be a commune of the province in the code scheme's list. The first step of its "
                    + "record is CANDIDATE, allowed by rules/lifecycle.drl. effectiveDate defaults to today in Vietnam.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NewCandidateSchema.class),
                    examples = @ExampleObject(name = "noong-bua", value =
                    "{\"areaCode\": \"03124\", \"areaName\": \"Phường Noong Bua\", \"actor\": \"Công an tỉnh Điện Biên\","
                            + " \"effectiveDate\": \"2017-02-10\", \"comment\": \"UBND thành phố đề nghị xem xét\"}"))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Added; Location is the record",
                        content = @Content(schema = @Schema(implementation = ProgrammeViews.RecordView.class))),
                @ApiResponse(responseCode = "400", description = "Bad input, one error per field",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "409", description = "The area is already in that year's programme",
                        content = @Content(mediaType = "application/problem+json"))})
    @PostMapping(path = "/{codeScheme}/{provinceCode}/{year}/areas", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> addCandidate(@PathVariable String codeScheme, @PathVariable String provinceCode,
                                   @PathVariable int year, @RequestBody(required = false) byte[] body) {
        Programme p = service.programme(codeScheme, provinceCode, year);
        Parsed<ProgrammeService.NewCandidate> parsed = ProgrammeRequests.candidate(body);
        if (!parsed.errors().isEmpty()) return Problems.badRequest(parsed.errors());
        return created(service.addCandidate(p, parsed.value(), Caller.name()));
    }

    @ApiResponse(responseCode = "404", description = "The area is not in that year's programme")
    @Operation(operationId = "getProgrammeArea", summary = "An area's record in a year's programme, with its history / Hồ sơ địa bàn trong chương trình năm",
            description = "The state on asOf (default today), the profile pinned at approval, the planned end and whether "
                    + "it is overdue, the monitoring window, the steps allowed now and later (rules/lifecycle.drl), "
                    + "and every recorded step.",
            responses = @ApiResponse(responseCode = "200", description = "The record",
                    content = @Content(schema = @Schema(implementation = ProgrammeViews.RecordView.class))))
    @GetMapping(path = "/{codeScheme}/{provinceCode}/{year}/areas/{areaCode}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> record(@PathVariable String codeScheme, @PathVariable String provinceCode, @PathVariable int year,
                             @PathVariable String areaCode,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Programme p = service.programme(codeScheme, provinceCode, year);
        AreaStatus s = service.status(p, areaCode, asOf != null ? asOf : Today.inVietnam());
        return ResponseEntity.ok(view(s));
    }

    @Operation(operationId = "recordLifecycleStep", summary = "Record a step of an area's lifecycle / Ghi nhận một bước chuyển trạng thái",
            description = "Allowed steps and what each needs come from rules/lifecycle.drl: APPROVED needs decisionNumber "
                    + "and decisionDate and pins the profile in force for the area on the decision date; TRANSFORMED and "
                    + "NOT_TRANSFORMED need evaluationId, a stored FINAL evaluation in force of the same area under the "
                    + "pinned profile, with that verdict (not one a standing step of any record already cites); RELAPSED "
                    + "needs a comment and monitoringReportId, a stored monitoring report of the area that found it "
                    + "RELAPSED, of a period ending after recognition; STABLE only from the day after the monitoring "
                    + "window's last day (recognition + the window's years, inclusive, as the monitoring report says); "
                    + "IN_TRANSFORMATION from NOT_TRANSFORMED carries the area over into next year's programme "
                    + "(a new record); CANDIDATE from RELAPSED puts it into the later programmeYear named. "
                    + "DROPPED (from CANDIDATE or PROPOSED, with a comment) ends a candidacy not taken further. "
                    + "CORRECTED (with a comment) voids the last step still standing, recorded by mistake: the record is "
                    + "back in the state before it and the right step can be recorded; both steps stay in the history "
                    + "(history[].corrects names the voided step, history[].voidedBy the correction) and in the audit "
                    + "chain. Not for the record's first step (drop the candidate instead), a REORGANISED move, or a "
                    + "record a later year's record continues. effectiveDate "
                    + "defaults to decisionDate, else today. An impossible step is 409 listing the allowed ones.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = StepSchema.class),
                    examples = @ExampleObject(name = "approved", value =
                    "{\"to\": \"APPROVED\", \"actor\": \"BCĐ 138 tỉnh Điện Biên\", \"decisionNumber\": \"12/QĐ-BCĐ\","
                            + " \"decisionDate\": \"2017-03-15\", \"comment\": \"Phê duyệt danh sách năm 2017\"}"))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Recorded; the record after the step (for a carry-over, the new year's record)",
                        content = @Content(schema = @Schema(implementation = ProgrammeViews.RecordView.class))),
                @ApiResponse(responseCode = "400", description = "Bad input or an evaluation that cannot be cited, one error per field",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "404", description = "The area is not in that year's programme",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "409", description = "Not allowed from the current state (allowed ones listed), a record already continued into a later year, or changed meanwhile",
                        content = @Content(mediaType = "application/problem+json"))})
    @PostMapping(path = "/{codeScheme}/{provinceCode}/{year}/areas/{areaCode}/transitions",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> step(@PathVariable String codeScheme, @PathVariable String provinceCode, @PathVariable int year,
                           @PathVariable String areaCode, @RequestBody(required = false) byte[] body) {
        Programme p = service.programme(codeScheme, provinceCode, year);
        Parsed<ProgrammeService.StepRequest> parsed = ProgrammeRequests.step(body);
        if (!parsed.errors().isEmpty()) return Problems.badRequest(parsed.errors());
        // a record that follows its area into a new province needs that province in the caller's scope too
        Optional<Unit> into = service.reorganisationTarget(p, areaCode, parsed.value());
        if (into.isPresent() && into.get() != null) {
            Optional<ResponseEntity<ProblemDetail>> outside = Problems.outsideScope(into.get().codeScheme(),
                    into.get().provinceCode(), areas.provinceLabel(into.get().codeScheme(), into.get().provinceCode()));
            if (outside.isPresent()) return outside.get();
        }
        return created(service.step(p, areaCode, parsed.value(), Caller.name()));
    }

    @Operation(operationId = "previewProgrammeReorganisation", summary = "Preview: a province's records across the 2025 reform / Xem trước việc chuyển hồ sơ cả tỉnh sang đơn vị mới",
            description = "For an old (QD124_2004) province: each record not yet moved, the new commune(s) its area went "
                    + "into (2024→2025 mapping) and what POST would do: MOVE (wholly into one new commune), CHOSEN (split, "
                    + "choice given as choice=old:new), CHOOSE (split, no choice yet). Changes nothing.",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgrammeViews.ReorganisationView.class))),
                @ApiResponse(responseCode = "400", description = "Not an old province, or a choice that is not a successor",
                        content = @Content(mediaType = "application/problem+json"))})
    @GetMapping(path = "/{codeScheme}/{provinceCode}/reorganisation", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> reorganisationPreview(@Parameter(example = "QD124_2004") @PathVariable String codeScheme,
                                            @Parameter(example = "\"24\"") @PathVariable String provinceCode,
                                            @Parameter(description = "old:new for a split commune, e.g. 00007:00008")
                                            @RequestParam(name = "choice", required = false) List<String> choice) {
        Programme p = service.province(codeScheme, provinceCode);
        Map<String, String> choices = new LinkedHashMap<>();
        if (choice != null) {
            for (String c : choice) {
                int colon = c.indexOf(':');
                if (colon <= 0) {
                    return Problems.badRequest(List.of(new FieldError("choice", "invalid_value",
                            "choice must be oldCode:newCode, not \"" + Shown.clip(c) + "\".",
                            "choice phải có dạng mãCũ:mãMới, không phải \"" + Shown.clip(c) + "\".")));
                }
                choices.put(c.substring(0, colon), c.substring(colon + 1));
            }
        }
        return ResponseEntity.ok(ProgrammeViews.reorganisation(p, service.reorganisationPlan(p, choices), false));
    }

    @Operation(operationId = "reorganiseProgrammeProvince", summary = "Move a province's records to the new units / Chuyển hồ sơ cả tỉnh sang đơn vị hành chính mới",
            description = "Records a REORGANISED step (rules/lifecycle.drl) for every record the preview lists, each "
                    + "keeping its state, history and pinned profile. Refused whole, storing nothing, while a split "
                    + "commune has no choice in choices (old code → new code) or a record cannot take the step on effectiveDate.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReorganisationSchema.class),
                    examples = @ExampleObject(name = "province", value =
                    "{\"effectiveDate\": \"2025-07-01\", \"actor\": \"Công an tỉnh Bắc Ninh\", \"choices\": {\"00007\": \"00025\"}}"))),
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgrammeViews.ReorganisationView.class))),
                @ApiResponse(responseCode = "400", description = "Bad input, a split commune without a choice, a record that cannot move",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "403", description = "A new province is outside the caller's provinces "
                        + "(urn:chuyenhoa:problem:outside-scope); nothing stored",
                        content = @Content(mediaType = "application/problem+json"))})
    @PostMapping(path = "/{codeScheme}/{provinceCode}/reorganisation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> reorganise(@PathVariable String codeScheme, @PathVariable String provinceCode,
                                 @RequestBody(required = false) byte[] body) {
        Programme p = service.province(codeScheme, provinceCode);
        Parsed<ProgrammeRequests.Reorganisation> parsed = ProgrammeRequests.reorganisation(body);
        if (!parsed.errors().isEmpty()) return Problems.badRequest(parsed.errors());
        ProgrammeRequests.Reorganisation r = parsed.value();
        List<ProgrammeService.PlannedMove> plan = service.reorganisationPlan(p, r.choices(), r.effectiveDate());
        for (ProgrammeService.PlannedMove m : plan) {
            // the records go into new provinces: the caller must hold those too (an account is never widened by itself)
            if (m.to() == null) continue;
            Optional<ResponseEntity<ProblemDetail>> outside = Problems.outsideScope(m.to().codeScheme(),
                    m.to().provinceCode(), areas.provinceLabel(m.to().codeScheme(), m.to().provinceCode()));
            if (outside.isPresent()) return outside.get();
        }
        service.reorganise(p, r.effectiveDate(), r.actor(), r.choices(), Caller.name());
        return ResponseEntity.ok(ProgrammeViews.reorganisation(p, plan, true));
    }

    private ResponseEntity<?> created(AreaStatus s) {
        ProgrammeArea a = s.area();
        Unit u = a.current();
        return ResponseEntity.created(URI.create(ProgrammeViews.href(u.codeScheme(), u.provinceCode(), a.year(), u.areaCode())))
                .contentType(MediaType.APPLICATION_JSON).body(view(s));
    }

    private ProgrammeViews.RecordView view(AreaStatus s) {
        return ProgrammeViews.record(s, service.origin(s.area()), service.continuation(s.area()), engines.current().versionId());
    }

    // ---- problems: only for this controller's exceptions -----------------------------------------------------------

    @ExceptionHandler(ProgrammeException.Invalid.class)
    ResponseEntity<ProblemDetail> invalid(ProgrammeException.Invalid e) {
        // sorted by field, as the request parsers sort theirs, so the same request always gets the same list
        return Problems.badRequest(e.refusals().stream()
                .map(r -> new FieldError(r.field(), r.code(), r.message(), r.messageVi()))
                .sorted(java.util.Comparator.comparing(FieldError::field)).toList());
    }

    @ExceptionHandler(ProgrammeException.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(ProgrammeException.NotFound e) {
        return Problems.notFound(e.getMessage(), e.messageVi());
    }

    @ExceptionHandler(ProgrammeException.Conflict.class)
    ResponseEntity<ProblemDetail> conflict(ProgrammeException.Conflict e) {
        ResponseEntity<ProblemDetail> r = Problems.of(HttpStatus.CONFLICT, e.type(), "The step conflicts with what is stored",
                "Bước này mâu thuẫn với dữ liệu đã lưu", e.getMessage(), e.messageVi());
        return r;
    }

    /** 409 saying where the area stands and which steps it may take instead (and which only later, from when). */
    @ExceptionHandler(ProgrammeException.NotAllowed.class)
    ResponseEntity<ProblemDetail> notAllowed(ProgrammeException.NotAllowed e) {
        AreaStatus s = e.status();
        List<Move> allowed = s.allowed();
        NotAllowedText text = NotAllowedText.of(e);
        ResponseEntity<ProblemDetail> r = Problems.of(HttpStatus.CONFLICT, "transition-not-allowed",
                "This step is not allowed from the area's current state",
                "Không được chuyển sang trạng thái này từ trạng thái hiện tại", text.en(), text.vi());
        ProblemDetail body = r.getBody();
        body.setProperty("currentState", s.state());
        body.setProperty("requested", e.requested());
        body.setProperty("allowed", allowed.stream().map(ProgrammeViews::move).toList());
        body.setProperty("later", s.later().stream().map(ProgrammeViews::move).toList());
        return r;
    }
}
