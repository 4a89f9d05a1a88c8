package vn.chuyenhoa.evaluation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.http.Page;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.ruleset.SnapshotCache;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.JsonBody;
import vn.chuyenhoa.http.JsonReader;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.http.ApiDescription;
import vn.chuyenhoa.http.Ids;
import vn.chuyenhoa.http.Problems;
import vn.chuyenhoa.http.QueryFlag;
import vn.chuyenhoa.audit.Canonical;

/** Evaluations: judge an area (api.md), read a stored verdict, search them, withdraw one. */
@RestController
@RequestMapping("/api/v1/evaluations")
@Tag(name = ApiDescription.EVALUATIONS)
class EvaluationController {


    private final EvaluationService service;
    private final EvaluationStore store;
    private final EngineSource engines;
    private final AreaDirectory areas;
    private final Reevaluations reevaluations;
    private final SnapshotCache versions;
    private final MessageSource messages;
    private final Refusals refusals;
    private final RecordChecks checks;

    EvaluationController(EvaluationService service, EvaluationStore store, EngineSource engines, AreaDirectory areas,
                         Reevaluations reevaluations, SnapshotCache versions, MessageSource messages, Refusals refusals,
                         RecordChecks checks) {
        this.messages = messages;
        this.refusals = refusals;
        this.checks = checks;
        this.service = service;
        this.store = store;
        this.engines = engines;
        this.areas = areas;
        this.reevaluations = reevaluations;
        this.versions = versions;
    }

    @Operation(operationId = "createEvaluation", summary = "Evaluate an area / Đánh giá một địa bàn",
            description = "Judges the area against the profile that governs it (or profileId) and stores the verdict, "
                    + "unless dryRun. The body is read strictly: unknown keys, non-integer counts, a part above its "
                    + "whole and inconsistent periods are 400 with one error per field, and nothing is stored. With an "
                    + "Idempotency-Key, a retried request gets the first answer (header Idempotent-Replayed: true).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = EvaluationRequestSchema.class),
                    examples = @ExampleObject(name = "phuong-nenh", summary = "Phường Nếnh (Việt Yên, Bắc Giang), 2024 (api.md)",
                            value = EvaluationExamples.EXAMPLE))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Stored; Location names it",
                        headers = @Header(name = "Location", description = "/api/v1/evaluations/{id}", schema = @Schema(type = "string")),
                        content = @Content(schema = @Schema(implementation = EvaluationDocument.class))),
                @ApiResponse(responseCode = "200", description = "Dry run: the same document without id; nothing stored",
                        content = @Content(schema = @Schema(implementation = EvaluationDocument.class))),
                @ApiResponse(responseCode = "403", description = "The caller is neither EVALUATOR nor PROGRAMME_OFFICER, or the province is outside "
                        + "the caller's provinces (urn:chuyenhoa:problem:outside-scope); nothing stored"),
                @ApiResponse(responseCode = "409", description = "supersedes names an evaluation no longer in force "
                        + "(urn:chuyenhoa:problem:not-in-force); nothing stored"),
                @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body "
                        + "(urn:chuyenhoa:problem:idempotency-key-reused)")})
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> evaluate(@RequestBody(required = false) byte[] body,
                               @Parameter(description = "Makes a retry return the first answer; 1 to 200 characters")
                               @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                               @Parameter(description = "Evaluate and answer 200 without storing",
                                       schema = @Schema(type = "boolean", defaultValue = "false"))
                               @RequestParam(name = "dryRun", required = false) String dryRunParam) {
        return refusals.single(answer(body, idempotencyKey, dryRunParam));
    }

    private ResponseEntity<?> answer(byte[] body, String idempotencyKey, String dryRunParam) {
        Parsed<Boolean> dry = QueryFlag.read("dryRun", dryRunParam);
        if (!dry.isValid()) return Problems.badRequest(dry.errors());
        boolean dryRun = dry.value();
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return Problems.badRequest(List.of(new FieldError("Idempotency-Key", "invalid_value",
                    "The Idempotency-Key header must be 1 to 200 characters.",
                    "Header Idempotency-Key phải dài từ 1 đến 200 ký tự.")));
        }
        Engine engine = engines.current();
        Parsed<EvaluationRequest> parsed = new EvaluationRequestParser(new Requests.World(engine, areas)).parse(body == null ? new byte[0] : body);
        if (!parsed.isValid()) return Problems.badRequest(parsed.errors());
        EvaluationRequest req = parsed.value();

        EvaluationInput input = Requests.input(req, areas);
        var outside = Problems.outsideScope(input.area().codeScheme(), input.area().provinceCode(),
                areas.provinceLabel(input.area().codeScheme(), input.area().provinceCode()));
        if (outside.isPresent()) return outside.get();
        if (req.supersedes() != null) {
            Optional<ResponseEntity<?>> refused = supersessionRefused(req.supersedes(), input.area());
            if (refused.isPresent()) return refused.get();
        }
        EvaluationService.Answer answer = service.evaluate(engine, new EvaluationService.Submission(input,
                req.purpose().name(), new String(body, StandardCharsets.UTF_8), Canonical.sha256(body), idempotencyKey,
                req.supersedes(), req.reason(), Caller.name()), dryRun);

        if (!answer.stored()) return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer.json());
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/v1/evaluations/" + answer.id()))
                .contentType(MediaType.APPLICATION_JSON);
        if (answer.replayed()) created.header("Idempotent-Replayed", "true");
        return created.body(answer.json());
    }

    @ApiResponse(responseCode = "404", description = "There is no such evaluation")
    @Operation(operationId = "getEvaluation", summary = "A stored evaluation, exactly as it was returned / Một kết quả đánh giá đã lưu",
            description = "The document returned at creation, byte for byte, whatever the rules are now.",
            responses = @ApiResponse(responseCode = "200", description = "The stored document",
                    content = @Content(schema = @Schema(implementation = EvaluationDocument.class))))
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> get(@PathVariable String id) {
        return Ids.uuid(id).flatMap(store::findResponse)
                .<ResponseEntity<?>>map(json -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json))
                .orElseGet(() -> Problems.notFound("There is no evaluation " + id + ".", "Không có đánh giá " + id + "."));
    }

    @ApiResponse(responseCode = "404", description = "There is no such evaluation")
    @Operation(operationId = "getEvaluationStatus", summary = "Whether an evaluation is in force, withdrawn or superseded, and why / Trạng thái hiệu lực",
            responses = @ApiResponse(responseCode = "200", description = "The state and its events, oldest first",
                    content = @Content(schema = @Schema(implementation = EvaluationStatus.class))))
    @GetMapping(path = "/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> status(@PathVariable String id) {
        Optional<UUID> uuid = Ids.uuid(id);
        if (uuid.isEmpty()) return Problems.notFound("There is no evaluation " + id + ".", "Không có đánh giá " + id + ".");
        try {
            return ResponseEntity.ok(store.status(uuid.get()));
        } catch (NoSuchElementException e) {
            return Problems.notFound("There is no evaluation " + id + ".", "Không có đánh giá " + id + ".");
        }
    }

    @Schema(description = "Why the evaluation is withdrawn")
    record Withdrawal(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = EvaluationRequestParser.MAX_REASON_LENGTH,
            example = "Nhập nhầm số vụ án; đã gửi lại đánh giá đúng") String reason) {}

    @ApiResponse(responseCode = "404", description = "There is no such evaluation")
    @Operation(operationId = "withdrawEvaluation", summary = "Withdraw a wrong evaluation, with a reason; it stays visible / Thu hồi một kết quả đánh giá",
            description = "Read strictly: reason is a text of 1 to 4000 characters, and no other key.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Withdrawal.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "Withdrawn; its status now",
                        content = @Content(schema = @Schema(implementation = EvaluationStatus.class))),
                @ApiResponse(responseCode = "409", description = "Already withdrawn or superseded (urn:chuyenhoa:problem:not-in-force)")})
    @PostMapping(path = "/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> withdraw(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        Optional<UUID> uuid = Ids.uuid(id);
        if (uuid.isEmpty()) return Problems.notFound("There is no evaluation " + id + ".", "Không có đánh giá " + id + ".");
        Optional<vn.chuyenhoa.evaluation.EvaluationRecord> target = store.find(uuid.get());
        if (target.isEmpty()) return Problems.notFound("There is no evaluation " + id + ".", "Không có đánh giá " + id + ".");
        // withdrawing changes a province's record as much as submitting it: the same provinces apply
        var outside = Problems.outsideScope(target.get().codeScheme(), target.get().provinceCode(),
                areas.provinceLabel(target.get().codeScheme(), target.get().provinceCode()));
        if (outside.isPresent()) return outside.get();
        JsonReader r = new JsonReader();
        JsonBody.Obj root = r.optionalRoot(body, java.util.Set.of("reason"));
        String reason = root == null ? null
                : r.text("reason", root.members().get("reason"), true, EvaluationRequestParser.MAX_REASON_LENGTH);
        if (r.hasErrors()) return Problems.badRequest(r.sorted());
        try {
            store.withdraw(uuid.get(), reason, Caller.name());
        } catch (NoSuchElementException e) {
            return Problems.notFound("There is no evaluation " + id + ".", "Không có đánh giá " + id + ".");
        } catch (EvaluationStore.NoLongerInForce e) {
            return EvaluationProblems.notInForce(messages, uuid.get(), e.state(), e.getMessage(), "thu hồi");
        }
        EvaluationStatus status = store.status(uuid.get());
        return ResponseEntity.ok(status);
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Replay(UUID evaluationId, String recordedVersion, String replayedVersion, boolean identical,
                  String storedVerdict, String replayedVerdict, List<Reevaluations.Difference> differences,
                  List<FieldError> notReplayable, EvaluationDocument document,
                  @Schema(description = "Whether the stored record is still what the audit chain recorded; a record "
                          + "changed outside the application is never replayed as identical") RecordChecks.RecordCheck recordCheck,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Reevaluations.Classification classification,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The paths in differences that are "
                          + "the decision: everything but the texts written for people; a search column that says "
                          + "something else than the replay is columns/{column}") List<String> decisionDifferences,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The paths in differences that are "
                          + "only wording: texts written for people, each named for its language (…Vi, …En: the "
                          + "labels, the profile's reason, the criteria's explanations and remedies)")
                  List<String> wordingDifferences) {

        static Replay of(EvaluationRecord stored, String replayedVersion, Reevaluations.Rerun r, RecordChecks.RecordCheck check) {
            DocumentParts.Parted parted = r.parted();
            return new Replay(stored.id(), stored.rulesetVersion(), replayedVersion, r.identical(), stored.verdict(),
                    r.document() == null ? null : r.document().verdict().name(), r.differences(),
                    r.rejected() == null ? null : r.rejected().errors(), r.document(), check, r.classification(),
                    parted.decision(), parted.wording());
        }
    }

    @Operation(operationId = "replayEvaluation", summary = "Replay a stored evaluation / Chạy lại một đánh giá đã lưu",
            description = "Rebuilds the ruleset version the evaluation recorded from that version's stored files (or "
                    + "`version`, to see what another version would decide), re-runs the stored request and compares "
                    + "the decision with the stored one, except its id and time. Stores nothing. `classification` "
                    + "tells a decision reproduced in other words (later releases reword explanations: only "
                    + "`wordingDifferences`) from a different decision (`decisionDifferences`).",
            responses = {
                @ApiResponse(responseCode = "200", description = "Whether the stored decision is reproduced, and what differs",
                        content = @Content(schema = @Schema(implementation = Replay.class))),
                @ApiResponse(responseCode = "404", description = "No such evaluation, or no such ruleset version"),
                @ApiResponse(responseCode = "409", description = "The stored version does not build (urn:chuyenhoa:problem:version-does-not-build)")})
    @PostMapping(path = "/{id}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> replay(@PathVariable String id, @RequestParam(required = false) String version) {
        Optional<vn.chuyenhoa.evaluation.EvaluationRecord> record = Ids.uuid(id).flatMap(store::find);
        if (record.isEmpty()) return Problems.notFound("There is no evaluation " + id + ".", "Không có đánh giá " + id + ".");
        String v = version == null || version.isBlank() ? record.get().rulesetVersion() : version;
        Engine engine;
        try {
            engine = versions.get(v).engine();
        } catch (NoSuchElementException e) {
            return Problems.notFound("There is no ruleset version " + v + ".", "Không có phiên bản bộ quy tắc " + v + ".");
        } catch (vn.chuyenhoa.ruleset.RulesetBuildException e) {
            return Problems.of(HttpStatus.CONFLICT, "version-does-not-build", "The stored version does not build",
                    "Phiên bản đã lưu không biên dịch được", e.getMessage(),
                    "Phiên bản " + v + " không biên dịch được; lỗi của trình biên dịch quy tắc ở detail.");
        }
        Reevaluations.Rerun r = reevaluations.rerun(record.get(), engine);
        return ResponseEntity.ok(Replay.of(record.get(), v, r, checks.check(record.get())));
    }

    @Schema(name = "EvaluationPage", description = "One page of evaluations, newest first")
    record EvaluationPage(List<EvaluationSummary> items, @Schema(description = "0-based") int page, int size,
                          long totalItems, int totalPages) {}

    @Operation(operationId = "searchEvaluations", summary = "Search stored evaluations, newest first / Tìm kiếm kết quả đánh giá",
            responses = @ApiResponse(responseCode = "200", description = "One page",
                    content = @Content(schema = @Schema(implementation = EvaluationPage.class))))
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> search(@Parameter(schema = @Schema(implementation = CodeScheme.class)) @RequestParam(required = false) CodeScheme codeScheme,
                             @RequestParam(required = false) String areaCode,
                             @RequestParam(required = false) String provinceCode,
                             @RequestParam(required = false) String profileId,
                             @RequestParam(required = false) vn.chuyenhoa.evaluation.Verdict verdict,
                             @RequestParam(required = false) Purpose purpose,
                             @RequestParam(required = false) String rulesetVersion,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.Instant evaluatedFrom,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.Instant evaluatedTo,
                             @Parameter(description = "0-based") @RequestParam(defaultValue = "0") int page,
                             @Parameter(description = "1 to 200") @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 200) {
            return Problems.badRequest(List.of(new FieldError(page < 0 ? "page" : "size", "out_of_range",
                    "page must be ≥ 0 and size between 1 and 200.", "page phải ≥ 0 và size từ 1 đến 200.")));
        }
        if (areaCode != null && codeScheme == null) {
            return Problems.badRequest(List.of(new FieldError("codeScheme", "required",
                    "An area code is only meaningful with its code scheme (QD124_2004 or QD19_2025).",
                    "Mã địa bàn chỉ có nghĩa khi kèm hệ mã (QD124_2004 hoặc QD19_2025).")));
        }
        // like verdict and purpose: an unknown name is refused as an invalid value, an empty one is no filter
        Page<EvaluationSummary> result = store.search(new EvaluationFilter(codeScheme == null ? null : codeScheme.name(), areaCode, provinceCode, profileId,
                verdict == null ? null : verdict.name(), purpose == null ? null : purpose.name(), rulesetVersion,
                evaluatedFrom, evaluatedTo), page, size);
        return ResponseEntity.ok(result);
    }

    /**
     * A supersession replaces the verdict of one area with a new one of the same area, by someone who may submit for
     * the province of the one replaced. An unknown or no longer valid target is left to the service (400/409).
     */
    private Optional<ResponseEntity<?>> supersessionRefused(UUID supersedes, Area area) {
        Optional<vn.chuyenhoa.evaluation.EvaluationRecord> target = store.find(supersedes);
        if (target.isEmpty()) return Optional.empty();
        vn.chuyenhoa.evaluation.EvaluationRecord t = target.get();
        var outside = Problems.outsideScope(t.codeScheme(), t.provinceCode(), areas.provinceLabel(t.codeScheme(), t.provinceCode()));
        if (outside.isPresent()) return Optional.of(outside.get());
        if (!t.codeScheme().equals(area.codeScheme()) || !t.areaCode().equals(area.code())) {
            ResponseEntity<org.springframework.http.ProblemDetail> r = Problems.of(HttpStatus.CONFLICT, "different-area",
                    "A supersession must name an evaluation of the same area", "Chỉ được thay thế đánh giá của cùng địa bàn",
                    "Evaluation " + supersedes + " is of " + t.areaName() + " (" + t.codeScheme() + ":" + t.areaCode()
                            + "), not of " + area.name() + " (" + area.codeScheme() + ":" + area.code() + "); nothing was stored.",
                    "Đánh giá " + supersedes + " là của " + t.areaName() + " (" + t.codeScheme()
                    + ":" + t.areaCode() + "), không phải của " + area.name() + " (" + area.codeScheme() + ":" + area.code()
                    + "); không có gì được lưu.");
            return Optional.of(r);
        }
        return Optional.empty();
    }

}
