package vn.chuyenhoa.screening;


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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import vn.chuyenhoa.kernel.Period;
import vn.chuyenhoa.http.ApiDescription;
import vn.chuyenhoa.area.AreaRef;
import vn.chuyenhoa.http.Ids;
import vn.chuyenhoa.http.Problems;
import vn.chuyenhoa.http.Submission;

/** Selection screening (domain spec §4): flag and rank a province's candidate communes, read a stored screening. */
@RestController
@RequestMapping("/api/v1/screenings")
@Tag(name = ApiDescription.SCREENINGS)
class ScreeningController {

    private final ScreeningSubmissions submissions;
    private final ScreeningStore store;

    ScreeningController(ScreeningSubmissions submissions, ScreeningStore store) {
        this.submissions = submissions;
        this.store = store;
    }

    // ---- The request, for the OpenAPI description only: the body is read by ScreeningRequestParser ----------------

    @Schema(name = "ScreeningRequest", description = "Facts about the candidate communes of one province.")
    record ScreeningRequestSchema(
            @Schema(description = "Programme year screened for; the flags about last year refer to the year before", example = "2025",
                    requiredMode = Schema.RequiredMode.REQUIRED) Integer year,
            @Schema(description = "The period the counts cover, recorded as given (optional)") Period period,
            @ArraySchema(minItems = 1, maxItems = ScreeningRequestParser.MAX_CANDIDATES,
                    arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                    schema = @Schema(implementation = CandidateSchema.class)) java.util.List<CandidateSchema> candidates) {}

    @Schema(name = "ScreeningCandidate")
    record CandidateSchema(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) AreaRef area, CandidateFactsSchema facts) {}

    @Schema(name = "ScreeningFacts", description = "Every fact is optional: an absent fact is missing data, never zero. "
            + "Counts are JSON integers in 0 … 2³¹−1 over the period before the screening.")
    record CandidateFactsSchema(
            @Schema(description = "residents (dân số), at least 1") Integer residents,
            @Schema(description = "crimes against social order (tội phạm xâm phạm TTXH)") Integer socialOrderCrimes,
            @Schema(description = "social-evil incidents (vụ việc tệ nạn xã hội)") Integer socialEvilIncidents,
            @Schema(description = "social-evil spots and hotspots (điểm, tụ điểm tệ nạn xã hội)") Integer socialEvilHotspots,
            @Schema(description = "economic-management violations (vi phạm trật tự quản lý kinh tế)") Integer economicViolations,
            @Schema(description = "environment and natural-resource violations") Integer environmentViolations,
            @Schema(description = "food-safety violations") Integer foodSafetyViolations,
            @Schema(description = "drug users and addicts with management records (người sử dụng, nghiện ma túy có hồ sơ quản lý); ≤ residents") Integer drugUsersRecorded,
            @Schema(description = "places organising or harbouring drug use") Integer drugUsePlaces,
            @Schema(description = "drug offenders arrested") Integer drugOffendersArrested,
            @Schema(description = "narcotic plants found and destroyed") Integer narcoticPlantsDestroyed,
            @Schema(description = "area of narcotic plants destroyed, whole m²") Integer narcoticPlantAreaM2,
            @Schema(description = "on a complex drug route (tuyến, địa bàn phức tạp về ma túy)") Boolean onComplexDrugRoute,
            @Schema(description = "newly certified as a new rural commune (nông thôn mới) in the previous year") Boolean newRuralCertifiedLastYear,
            @Schema(description = "evaluated NOT_TRANSFORMED in last year's programme") Boolean notTransformedLastYear) {}

    @Operation(operationId = "createScreening", summary = "Screen a province's candidate communes / Sàng lọc xã ứng viên",
            description = "Flags each commune's categories with the indicator, actual value, threshold and table row "
                    + "behind each flag, works out its drug-area type (QĐ 28/2025/QĐ-TTg), its exclusion or carry-over, "
                    + "and ranks the communes by the order of the ScreeningRanking table, with the reason for each "
                    + "position. Only flags and ranks: nothing is selected. Stored with request, response and ruleset version.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ScreeningRequestSchema.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Stored; Location names it",
                        content = @Content(schema = @Schema(implementation = ScreeningDocument.class))),
                @ApiResponse(responseCode = "400", description = "Bad input, one error per field; nothing stored",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "403", description = "The province is outside the caller's provinces "
                        + "(urn:chuyenhoa:problem:outside-scope); nothing stored",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "503", description = "The ruleset in force has no screening rules",
                        content = @Content(mediaType = "application/problem+json"))})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> screen(@RequestBody(required = false) byte[] body) {
        return Submission.answer(submissions.screen(body == null ? new byte[0] : body),
                "/api/v1/screenings/", "screening", "sàng lọc");
    }

    @Operation(operationId = "getScreening", summary = "A stored screening, exactly as it was returned / Một kết quả sàng lọc đã lưu",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ScreeningDocument.class))),
                @ApiResponse(responseCode = "404", description = "There is no such screening")})
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> get(@PathVariable String id) {
        return Ids.uuid(id).flatMap(store::findResponseJson)
                .<ResponseEntity<?>>map(json -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json))
                .orElseGet(() -> Problems.notFound("There is no screening " + id + ".", "Không có kết quả sàng lọc " + id + "."));
    }
}
