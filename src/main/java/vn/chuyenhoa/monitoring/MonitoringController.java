package vn.chuyenhoa.monitoring;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.http.ApiDescription;
import vn.chuyenhoa.area.AreaRef;
import vn.chuyenhoa.http.Ids;
import vn.chuyenhoa.http.Problems;
import vn.chuyenhoa.http.Submission;

/** Relapse monitoring (domain spec §5): judge a report on a recognised area, read a stored report. */
@RestController
@RequestMapping("/api/v1/monitoring-reports")
@Tag(name = ApiDescription.MONITORING)
class MonitoringController {

    private final MonitoringSubmissions submissions;
    private final MonitoringStore store;

    MonitoringController(MonitoringSubmissions submissions, MonitoringStore store) {
        this.submissions = submissions;
        this.store = store;
    }

    /** For the OpenAPI description only: the body is read by MonitoringRequestParser. */
    @Schema(name = "MonitoringReportRequest", description = "A report on a recognised area for a period after its recognition.")
    record MonitoringRequestSchema(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) AreaRef area,
            @Schema(description = "Profile that governed the transformation; by default the most specific one covering the area on recognisedOn") String profileId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Date the area was recognised as transformed", example = "2024-12-20") LocalDate recognisedOn,
            @Schema(description = "Number of the recognition decision, recorded as given", example = "QĐ 25/QĐ-BCĐ ngày 20/12/2024") String recognitionDecision,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The monitoring period; starts after recognisedOn") Period period,
            @Schema(description = "The period before transformation that crimesBaseline etc. describe; ends before recognisedOn and period.from") Period baselinePeriod,
            @Schema(description = "Whether the area was proposed for the list of key areas again") Boolean proposedAgain,
            @Schema(description = "For a QD19_2025 area recognised before 1 July 2025: the old QD124_2004 commune it came "
                    + "from whose plan governs the report; needed only when the new commune was formed from old ones under "
                    + "different plans and no profileId is given", example = "15061") String predecessorCode,
            @Schema(description = "The facts of an evaluation (api.md, The facts) for the monitoring period; the …Baseline facts for baselinePeriod") Map<String, Object> facts) {}

    @Operation(operationId = "createMonitoringReport", summary = "Judge a monitoring report on a recognised area / Báo cáo theo dõi tái phức tạp",
            description = "Returns RELAPSED, STABLE, INSUFFICIENT_DATA or OUTSIDE_WINDOW with each relapse reason, its "
                    + "table row and a sentence in Vietnamese and English. A report whose period is not wholly within the "
                    + "monitoring window (from the day after recognisedOn to the same date N years later, N from the "
                    + "monitoringWindowYears row of the Settings table, decision-tables/programme.drl.xlsx) is stored as OUTSIDE_WINDOW, with the window it missed. A recommendation: "
                    + "it changes no area's state.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = MonitoringRequestSchema.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Stored; Location names it",
                        content = @Content(schema = @Schema(implementation = MonitoringDocument.class))),
                @ApiResponse(responseCode = "400", description = "Bad input, one error per field; nothing stored",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "403", description = "The province is outside the caller's provinces "
                        + "(urn:chuyenhoa:problem:outside-scope); nothing stored",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "503", description = "The ruleset in force has no monitoring rules",
                        content = @Content(mediaType = "application/problem+json"))})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> report(@RequestBody(required = false) byte[] body) {
        return Submission.answer(submissions.monitor(body == null ? new byte[0] : body),
                "/api/v1/monitoring-reports/", "monitoring", "theo dõi tái phức tạp");
    }

    @Operation(operationId = "getMonitoringReport", summary = "A stored monitoring report, exactly as it was returned / Một báo cáo theo dõi đã lưu",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MonitoringDocument.class))),
                @ApiResponse(responseCode = "404", description = "There is no such monitoring report")})
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> get(@PathVariable String id) {
        return Ids.uuid(id).flatMap(store::findResponseJson)
                .<ResponseEntity<?>>map(json -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json))
                .orElseGet(() -> Problems.notFound("There is no monitoring report " + id + ".", "Không có báo cáo giám sát " + id + "."));
    }
}
