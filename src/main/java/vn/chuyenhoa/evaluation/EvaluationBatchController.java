package vn.chuyenhoa.evaluation;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.ApiDescription;
import vn.chuyenhoa.http.Ids;
import vn.chuyenhoa.http.Problems;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.http.QueryFlag;

/** Many evaluations in one call (api.md): a province's quarter, or the whole country. */
@RestController
@RequestMapping("/api/v1/evaluation-batches")
@Tag(name = ApiDescription.EVALUATIONS)
class EvaluationBatchController {

    @Schema(name = "EvaluationBatchRequest", description = "1 to 20,000 evaluation requests, each exactly the body of "
            + "POST /api/v1/evaluations")
    record BatchRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<EvaluationRequestSchema> items) {}

    private final EvaluationBatches batches;

    EvaluationBatchController(EvaluationBatches batches) {
        this.batches = batches;
    }

    @Operation(operationId = "createEvaluationBatch",
            summary = "Evaluate many areas in one call / Đánh giá nhiều địa bàn trong một lần gọi",
            description = "Body: {\"items\": [<evaluation request>, …]}, 1 to 20,000 items, each exactly the body of "
                    + "POST /api/v1/evaluations. Each item is checked as a single request would be and refused on its "
                    + "own (400 with items[i]. field paths, 403 outside the caller's provinces, 409 when what it "
                    + "supersedes is no longer in force); the others are decided on one ruleset version and stored "
                    + "with the batch in one transaction before the answer is sent. results: one per item, in order. "
                    + "400 (nothing stored): not JSON, no items array, 0 or more than 20,000 items.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BatchRequest.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Recorded, even when every item was refused",
                        headers = @Header(name = "Location", description = "/api/v1/evaluation-batches/{id}",
                                schema = @Schema(type = "string")),
                        content = @Content(schema = @Schema(implementation = EvaluationBatches.Answer.class))),
                @ApiResponse(responseCode = "200", description = "Dry run: results without ids, nothing stored",
                        content = @Content(schema = @Schema(implementation = EvaluationBatches.Answer.class))),
                @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body "
                        + "(urn:chuyenhoa:problem:idempotency-key-reused)")})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> submit(@RequestBody(required = false) byte[] body,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                             @Parameter(schema = @Schema(type = "boolean", defaultValue = "false"))
                             @RequestParam(name = "dryRun", required = false) String dryRunParam) {
        Parsed<Boolean> dry = QueryFlag.read("dryRun", dryRunParam);
        if (!dry.isValid()) return Problems.badRequest(dry.errors());
        boolean dryRun = dry.value();
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return Problems.badRequest(List.of(new FieldError("Idempotency-Key", "invalid_value",
                    "The Idempotency-Key header must be 1 to 200 characters.",
                    "Header Idempotency-Key phải dài từ 1 đến 200 ký tự.")));
        }
        EvaluationBatches.Outcome outcome = batches.submit(body == null ? new byte[0] : body, idempotencyKey, dryRun);
        if (outcome instanceof EvaluationBatches.Refused r) return Problems.badRequest(r.errors());
        if (outcome instanceof EvaluationBatches.Checked c) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(c.json());
        }
        EvaluationBatches.Recorded r = (EvaluationBatches.Recorded) outcome;
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/v1/evaluation-batches/" + r.id()))
                .contentType(MediaType.APPLICATION_JSON);
        if (r.replayed()) created.header("Idempotent-Replayed", "true");
        return created.body(r.json());
    }

    @ApiResponse(responseCode = "404", description = "There is no such batch")
    @Operation(operationId = "getEvaluationBatch", summary = "A recorded batch, exactly as it was answered / Một lô đánh giá đã ghi",
            responses = @ApiResponse(responseCode = "200", description = "The answer sent at creation, byte for byte",
                    content = @Content(schema = @Schema(implementation = EvaluationBatches.Answer.class))))
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> get(@PathVariable String id) {
        return Ids.uuid(id).flatMap(batches::find)
                .<ResponseEntity<?>>map(json -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json))
                .orElseGet(() -> Problems.notFound("There is no evaluation batch " + id + ".", "Không có lô đánh giá " + id + "."));
    }
}
