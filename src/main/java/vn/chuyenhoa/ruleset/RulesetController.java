package vn.chuyenhoa.ruleset;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.http.Page;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.JsonReader;
import vn.chuyenhoa.http.JsonBody;
import vn.chuyenhoa.http.ApiDescription;
import vn.chuyenhoa.http.Ids;
import vn.chuyenhoa.evaluation.ImpactJobs;
import vn.chuyenhoa.http.Problems;
import vn.chuyenhoa.http.QueryParameters;
import vn.chuyenhoa.http.Shown;
import vn.chuyenhoa.audit.Canonical;

/**
 * Ruleset versions as policy staff manage them: upload changed tables (validated, kept as a draft or refused with a
 * report), compare two versions in policy terms, preview the impact on stored verdicts, activate, roll back.
 */
@RestController
@Tag(name = ApiDescription.RULESETS)
class RulesetController {

    private static final Set<String> IMPACT_KEYS =
            Set.of("codeScheme", "provinceCode", "profileId", "periodFrom", "periodTo", "includeWithdrawn");

    private final ActiveRuleset active;
    private final RulesetStore store;
    private final SnapshotCache cache;
    private final ImpactJobs impact;
    private final ObjectMapper json;
    private final AreaDirectory areas;

    RulesetController(ActiveRuleset active, RulesetStore store, SnapshotCache cache, ImpactJobs impact, ObjectMapper json,
                      AreaDirectory areas) {
        this.areas = areas;
        this.active = active;
        this.store = store;
        this.cache = cache;
        this.impact = impact;
        this.json = json;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VersionView(String version, String status, Instant storedAt, String origin, String author, String comment,
                       String basedOn) {}

    @Schema(name = "VersionFile")
    record FileView(String path, long size, String sha256, String download) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A version with its files, validation report and history")
    record VersionDetail(String version, String status, Instant storedAt, String origin, String author, String comment,
                         String basedOn, List<FileView> files,
                         @Schema(implementation = RulesetValidator.Report.class) JsonNode report,
                         List<RulesetAction> actions) {}

    @Schema(name = "VersionPage", description = "One page of ruleset versions, newest first")
    record VersionPage(List<VersionView> items, @Schema(description = "0-based") int page, int size, long totalItems,
                       int totalPages) {}

    @Operation(operationId = "listRulesetVersions", summary = "Ruleset versions, newest first / Các phiên bản bộ quy tắc",
            responses = @ApiResponse(responseCode = "200", description = "One page",
                    content = @Content(schema = @Schema(implementation = VersionPage.class))))
    @GetMapping(path = "/api/v1/rulesets", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list(@Parameter(description = "0-based") @RequestParam(defaultValue = "0") int page,
                           @Parameter(description = "1 to 200") @RequestParam(defaultValue = "20") int size,
                           HttpServletRequest request) {
        List<FieldError> unknown = QueryParameters.unknown(request, Set.of("page", "size"));
        if (!unknown.isEmpty()) return Problems.badRequest(unknown);
        if (page < 0 || size < 1 || size > 200) {
            return Problems.badRequest(List.of(new FieldError(page < 0 ? "page" : "size", "out_of_range",
                    "page must be ≥ 0 and size between 1 and 200.", "page phải ≥ 0 và size từ 1 đến 200.")));
        }
        List<VersionInfo> all = store.infos();
        Set<String> ever = store.everActivated();
        List<VersionView> items = all.stream().skip((long) page * size).limit(size).map(v -> view(v, ever)).toList();
        return ResponseEntity.ok(new Page<>(items, page, size, all.size(), (all.size() + size - 1) / size));
    }

    @ApiResponse(responseCode = "404", description = "There is no such ruleset version")
    @Operation(operationId = "getRulesetVersion", summary = "One version with its files, validation report and history / Một phiên bản",
            responses = @ApiResponse(responseCode = "200", description = "The version",
                    content = @Content(schema = @Schema(implementation = VersionDetail.class))))
    @GetMapping(path = "/api/v1/rulesets/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> get(@PathVariable String version) {
        Optional<StoredVersion> v = store.find(version);
        Optional<VersionInfo> info = store.info(version);
        if (v.isEmpty() || info.isEmpty()) return Problems.notFound("There is no ruleset version " + version + ".", "Không có phiên bản bộ quy tắc " + version + ".");
        VersionView head = view(info.get(), store.everActivated());
        List<FileView> files = v.get().files().stream().map(f -> new FileView(f.path(), f.content().length,
                Canonical.sha256(f.content()), "/api/v1/rulesets/" + version + "/files/" + f.path())).toList();
        JsonNode report = info.get().reportJson() == null ? null : json.readTree(info.get().reportJson());
        return ResponseEntity.ok(new VersionDetail(head.version(), head.status(), head.storedAt(), head.origin(),
                head.author(), head.comment(), head.basedOn(), files, report, store.actions(version)));
    }

    @ApiResponse(responseCode = "404", description = "No such version, or the version has no such file")
    @Operation(operationId = "getRulesetFile", summary = "Download one file of a version, byte for byte / Tải một tệp của phiên bản",
            responses = @ApiResponse(responseCode = "200", description = "The file as stored (XLSX or DRL text)",
                    content = {
                        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                schema = @Schema(type = "string", format = "binary")),
                        @Content(mediaType = "text/plain", schema = @Schema(type = "string"))}))
    @GetMapping(path = "/api/v1/rulesets/{version}/files/{*path}")
    ResponseEntity<?> file(@PathVariable String version, @PathVariable String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return store.find(version).flatMap(v -> v.files().stream().filter(f -> f.path().equals(p)).findFirst())
                .<ResponseEntity<?>>map(f -> ResponseEntity.ok()
                        .contentType(p.endsWith(".xlsx")
                                ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                                : MediaType.TEXT_PLAIN)
                        .header("Content-Disposition", "attachment; filename=\"" + p.substring(p.lastIndexOf('/') + 1) + "\"")
                        .body(f.content()))
                .orElseGet(() -> Problems.notFound("Version " + version + " has no file " + p + ".",
                        "Phiên bản " + version + " không có tệp " + p + "."));
    }

    @Operation(operationId = "listRulesetActions", summary = "Everything that changed the ruleset, newest first / Nhật ký thay đổi bộ quy tắc",
            description = "Takes no parameter: every action, newest first; a parameter is 400.",
            responses = @ApiResponse(responseCode = "200", description = "Every action, newest first",
                    content = @Content(array = @io.swagger.v3.oas.annotations.media.ArraySchema(
                            schema = @Schema(implementation = RulesetAction.class)))))
    @GetMapping(path = "/api/v1/ruleset-actions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> actions(HttpServletRequest request) {
        List<FieldError> unknown = QueryParameters.unknown(request, Set.of());
        if (!unknown.isEmpty()) return Problems.badRequest(unknown);
        return ResponseEntity.ok(store.actions(null));
    }

    @Schema(name = "UploadResult", description = "The version an upload made (DRAFT, 201) or matched (200)")
    record UploadResult(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String version,
                        @Schema(allowableValues = {"DRAFT", "ACTIVE", "RETIRED"}) String status,
                        @Schema(description = "201 only") RulesetValidator.Report report,
                        @Schema(description = "200 only: true") Boolean existing) {}

    @Operation(operationId = "uploadRuleset", summary = "Upload changed rule files on top of the version in force (or a whole set) / Tải lên bảng đã sửa",
            description = "multipart/form-data: one or more `files`, `comment`, optional `whole=true`; the author is the "
                    + "caller (RULE_EDITOR). A change reaching beyond the caller's provinces is 403 and stores nothing. "
                    + "A clean upload becomes a DRAFT (201); a set identical to a stored version returns it (200); "
                    + "an upload with any problem is 422 with the validation report and is recorded as a rejected attempt.",
            responses = {
                @ApiResponse(responseCode = "201", description = "A new DRAFT version; Location names it",
                        content = @Content(schema = @Schema(implementation = UploadResult.class))),
                @ApiResponse(responseCode = "200", description = "Identical to a stored version, which is returned",
                        content = @Content(schema = @Schema(implementation = UploadResult.class))),
                @ApiResponse(responseCode = "403", description = "Not a RULE_EDITOR, or the change reaches beyond the caller's provinces; nothing stored"),
                @ApiResponse(responseCode = "413", description = "Over 20 MB a file or 50 MB a request"),
                @ApiResponse(responseCode = "422", description = "The files do not validate: report lists each problem by "
                        + "file, sheet and cell (urn:chuyenhoa:problem:invalid-ruleset); nothing changed")})
    @PostMapping(path = "/api/v1/rulesets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> upload(@RequestPart(name = "files", required = false) List<MultipartFile> files,
                             @RequestParam(required = false) String comment,
                             @RequestParam(defaultValue = "false") boolean whole) throws IOException {
        List<FieldError> errors = new ArrayList<>();
        if (files == null || files.isEmpty()) errors.add(new FieldError("files", "required", "At least one file is required.", "Cần ít nhất một tệp."));
        if (comment == null || comment.isBlank()) errors.add(new FieldError("comment", "required", "Say what changes and why (comment).", "Cần ghi nội dung và lý do thay đổi (comment)."));
        else commentTooLong(comment).ifPresent(errors::add);
        if (!errors.isEmpty()) return Problems.badRequest(errors);

        List<Map.Entry<String, byte[]>> given = new ArrayList<>();
        for (MultipartFile f : files) given.add(Map.entry(String.valueOf(f.getOriginalFilename()), f.getBytes()));
        ActiveRuleset.Offer offer;
        try {
            offer = active.upload(given, whole, Changer.of(Caller.required()), comment.strip());
        } catch (Changer.Refused e) {
            return refused(e);
        } catch (ActiveRuleset.UnusableFileName e) {
            return Problems.badRequest(List.of(new FieldError("files", e.code(), e.getMessage(), e.messageVi())));
        }
        return switch (offer.result()) {
            case CREATED -> ResponseEntity.created(URI.create("/api/v1/rulesets/" + offer.versionId()))
                    .body(Map.of("version", offer.versionId(), "status", "DRAFT", "report", offer.report()));
            case EXISTING -> ResponseEntity.ok(Map.of("version", offer.versionId(),
                    "status", view(store.info(offer.versionId()).orElseThrow(), store.everActivated()).status(), "existing", true));
            case REJECTED -> invalid(offer.report());
        };
    }

    @Schema(description = "Why the version is put in force")
    record Activation(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Ngưỡng mới theo Kế hoạch 2025") String comment,
                      @Schema(description = "The version in force the caller compared this one with "
                              + "(GET /api/v1/rulesets/{inForce}/diff/{version}). Required for a draft made on another "
                              + "version than the one in force; when given, the activation is refused (409) if another is in force.")
                      String inForce) {}

    @Schema(name = "ActivationResult")
    record ActivationResult(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String version,
                            @Schema(allowableValues = "ACTIVE") String status,
                            @Schema(description = "The version in force before") String previous,
                            @Schema(description = "true when an earlier version was put back") Boolean rollback,
                            @Schema(description = "true when it was already in force; nothing changed") Boolean alreadyActive,
                            @Schema(description = "The version the draft was made on") String basedOn,
                            @Schema(description = "true when the draft was made on another version than the one it "
                                    + "replaced, and put in force as confirmed against that one") Boolean staleBase) {}

    @ApiResponse(responseCode = "404", description = "There is no such ruleset version")
    @Operation(operationId = "activateRulesetVersion", summary = "Put a version in force; activating an earlier one rolls back / Áp dụng (hoặc quay lại) một phiên bản",
            description = "Body: {\"comment\": \"why\"}, a text of at most 4000 characters, and optionally \"inForce\"; no other key. "
                    + "The approver is the caller (RULE_APPROVER): never the version's uploader, and only for changes within "
                    + "the caller's provinces (otherwise 403, nothing changes). A draft made on a version that is no longer "
                    + "in force would also undo what the version in force changed since: it is refused (409 stale-base, "
                    + "naming basedOn, inForce and the diff to review) unless inForce names the version in force; an inForce "
                    + "that is not the version in force is refused (409 in-force-changed). Refusals are logged.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Activation.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "In force",
                    content = @Content(schema = @Schema(implementation = ActivationResult.class))),
                @ApiResponse(responseCode = "409", description = "A draft made on a version no longer in force, not "
                        + "confirmed against the version in force (urn:chuyenhoa:problem:stale-base), or confirmed against "
                        + "a version no longer in force (urn:chuyenhoa:problem:in-force-changed), or another activation "
                        + "recorded since this instance last saw the version in force "
                        + "(urn:chuyenhoa:problem:activated-meanwhile); inForce names the version in force; nothing changed")})
    @PostMapping(path = "/api/v1/rulesets/{version}/activate", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> activate(@PathVariable String version, @RequestBody(required = false) byte[] body) {
        JsonReader r = new JsonReader();
        JsonBody.Obj root = r.optionalRoot(body, Set.of("comment", "inForce"));
        String comment = root == null ? null
                : r.text("comment", root.members().get("comment"), true, ActiveRuleset.MAX_COMMENT);
        String inForce = root == null ? null : r.text("inForce", root.members().get("inForce"), false, 64);
        if (r.hasErrors()) return Problems.badRequest(r.sorted());
        if (store.info(version).isEmpty()) return Problems.notFound("There is no ruleset version " + version + ".", "Không có phiên bản bộ quy tắc " + version + ".");
        String before = active.versionId();
        if (version.equals(before)) return ResponseEntity.ok(Map.of("version", version, "status", "ACTIVE", "alreadyActive", true));
        boolean rollback = store.everActivated().contains(version);
        ActiveRuleset.Activated done;
        try {
            done = active.activate(version, Changer.of(Caller.required()), comment, inForce);
        } catch (Changer.Refused e) {
            return refused(e);
        } catch (ActiveRuleset.StaleBase e) {
            return staleBase(e);
        } catch (ActiveRuleset.NotRecorded e) {
            return notRecorded(e);
        } catch (RulesetStore.ActivatedMeanwhile e) {
            return activatedMeanwhile(e);
        }
        Map<String, Object> answer = new java.util.LinkedHashMap<>(Map.of("version", version, "status", "ACTIVE",
                "previous", before, "rollback", rollback));
        if (done.basedOn() != null) answer.put("basedOn", done.basedOn());
        if (done.staleBase()) answer.put("staleBase", true);
        return ResponseEntity.ok(answer);
    }

    @Schema(name = "RebaseCell", description = "A cell the draft changed: carried onto the version in force, or changed "
            + "there too and kept as it is in force (to enter again if still needed)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RebaseCell(String file, String sheet, String cell, String draftValue, String inForceValue, String reasonVi,
                      String reason) {
        static RebaseCell of(ReleaseCarry.Moved m) {
            return new RebaseCell(m.file(), blank(m.sheet()), blank(m.cell()), m.value(), m.releaseValue(), m.reasonVi(), m.reasonEn());
        }

        private static String blank(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }

    @Schema(name = "RebaseResult", description = "The new DRAFT (201), or the stored version the rebased files match (200)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RebaseResult(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String version,
                        @Schema(allowableValues = {"DRAFT", "ACTIVE", "RETIRED"}) String status,
                        @Schema(description = "The version in force the new draft is based on") String basedOn,
                        @Schema(description = "The draft this one replaces") String replaces,
                        @Schema(description = "200 only: true") Boolean existing,
                        @Schema(description = "201 only") RulesetValidator.Report report,
                        List<RebaseCell> carried,
                        @Schema(description = "Cells both the draft and the version in force changed: they keep the "
                                + "value in force; enter the draft's value again if it is still wanted") List<RebaseCell> conflicts) {}

    @ApiResponse(responseCode = "404", description = "There is no such ruleset version")
    @Operation(operationId = "rebaseRulesetDraft", summary = "Make a stale draft again on the version in force / Cập nhật bản nháp theo phiên bản đang áp dụng",
            description = "For a draft made on a version that is no longer in force (whose activation is 409 stale-base): "
                    + "what the draft changed against its base is carried onto the version in force cell by cell, and the "
                    + "result is validated and stored like an upload by the caller (RULE_EDITOR, the draft's change within "
                    + "the caller's provinces, checked before anything is compiled): a new DRAFT based on the version in "
                    + "force, recorded with the draft it replaces. Cells the version in force changed too keep the value in "
                    + "force and are listed in conflicts. Rebasing the same draft again while the same version is in force "
                    + "(a retried call) stores nothing and answers 200 with the draft the first rebase made. "
                    + "Body: optional {\"comment\": \"why\"}; no other key.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Rebase.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "A new DRAFT based on the version in force; Location names it",
                        content = @Content(schema = @Schema(implementation = RebaseResult.class))),
                @ApiResponse(responseCode = "200", description = "This draft was already rebased onto the version in force, "
                        + "or the rebased files are a stored version: that version is returned (existing: true); nothing stored",
                        content = @Content(schema = @Schema(implementation = RebaseResult.class))),
                @ApiResponse(responseCode = "403", description = "Not a RULE_EDITOR, or the draft changes rules beyond the caller's provinces; nothing stored"),
                @ApiResponse(responseCode = "409", description = "Not a draft made on a version no longer in force: nothing to rebase "
                        + "(urn:chuyenhoa:problem:not-stale); inForce names the version in force"),
                @ApiResponse(responseCode = "422", description = "The rebased files do not validate: report lists each problem by "
                        + "file, sheet and cell (urn:chuyenhoa:problem:invalid-ruleset); nothing changed")})
    @PostMapping(path = "/api/v1/rulesets/{version}/rebase", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> rebase(@PathVariable String version, @RequestBody(required = false) byte[] body) {
        JsonReader r = new JsonReader();
        JsonBody.Obj root = r.optionalRoot(body, Set.of("comment"));
        String comment = root == null ? null : r.text("comment", root.members().get("comment"), false, ActiveRuleset.MAX_COMMENT);
        if (r.hasErrors()) return Problems.badRequest(r.sorted());
        ActiveRuleset.Rebased done;
        try {
            done = active.rebase(version, Changer.of(Caller.required()), comment == null || comment.isBlank() ? null : comment.strip());
        } catch (NoSuchElementException e) {
            return Problems.notFound("There is no ruleset version " + version + ".", "Không có phiên bản bộ quy tắc " + version + ".");
        } catch (Changer.Refused e) {
            return refused(e);
        } catch (ActiveRuleset.NothingToRebase e) {
            ResponseEntity<ProblemDetail> p = Problems.of(HttpStatus.CONFLICT, "not-stale", "Nothing to rebase",
                    "Không có gì cần cập nhật", e.getMessage(), e.messageVi);
            p.getBody().setProperty("inForce", e.inForce);
            return p;
        }
        ActiveRuleset.Offer offer = done.offer();
        List<RebaseCell> carried = done.carried().stream().map(RebaseCell::of).toList();
        List<RebaseCell> conflicts = done.conflicts().stream().map(RebaseCell::of).toList();
        return switch (offer.result()) {
            case CREATED -> ResponseEntity.created(URI.create("/api/v1/rulesets/" + offer.versionId())).body(new RebaseResult(
                    offer.versionId(), "DRAFT", done.basedOn(), done.replaces(), null, offer.report(), carried, conflicts));
            case EXISTING -> ResponseEntity.ok(new RebaseResult(offer.versionId(),
                    view(store.info(offer.versionId()).orElseThrow(), store.everActivated()).status(),
                    done.again() ? done.basedOn() : null, done.replaces(),
                    true, null, carried, conflicts));
            case REJECTED -> invalid(offer.report());
        };
    }

    @Schema(description = "Why the draft is made again on the version in force")
    record Rebase(@Schema(description = "Optional; by default the comment names both versions") String comment) {}

    /** Files that do not validate, as an upload's are answered: the report cell by cell, nothing changed. */
    private static ResponseEntity<ProblemDetail> invalid(RulesetValidator.Report report) {
        ResponseEntity<ProblemDetail> r = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-ruleset",
                "The rule files do not validate", "Bộ quy tắc tải lên không hợp lệ",
                report.problemsTotal() + " problem(s); see report. Nothing was changed.",
                report.problemsTotal() + " lỗi; xem báo cáo từng ô. Không có gì bị thay đổi.");
        r.getBody().setProperty("report", report);
        return r;
    }

    /** The draft's base and the version in force, and where to compare them, so that the caller can confirm or upload again. */
    private static ResponseEntity<ProblemDetail> staleBase(ActiveRuleset.StaleBase e) {
        ResponseEntity<ProblemDetail> r = Problems.of(HttpStatus.CONFLICT, e.code, "Not made on the version in force",
                "Không được soạn trên phiên bản đang áp dụng", e.getMessage(), e.messageVi);
        r.getBody().setProperty("basedOn", e.basedOn);
        r.getBody().setProperty("inForce", e.inForce);
        r.getBody().setProperty("diff", "/api/v1/rulesets/" + e.inForce + "/diff/" + e.versionId);
        return r;
    }

    @ApiResponse(responseCode = "404", description = "There is no such ruleset version")
    @Operation(operationId = "diffRulesetVersions", summary = "What changed between two versions, in policy terms / So sánh hai phiên bản")
    @ApiResponse(responseCode = "200", description = "The changes, each with its cell",
            content = @Content(schema = @Schema(implementation = PolicyDiff.Diff.class)))
    @ApiResponse(responseCode = "409", description = "A stored version does not build (urn:chuyenhoa:problem:version-does-not-build)")
    @GetMapping(path = "/api/v1/rulesets/{a}/diff/{b}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> diff(@PathVariable String a, @PathVariable String b) {
        try {
            return ResponseEntity.ok(PolicyDiff.between(cache.get(a), cache.get(b)));
        } catch (NoSuchElementException e) {
            String missing = store.info(a).isEmpty() ? a : b;
            return Problems.notFound("There is no ruleset version " + missing + ".",
                    "Không có phiên bản bộ quy tắc " + missing + ".");
        } catch (RulesetBuildException e) {
            return Problems.of(HttpStatus.CONFLICT, "version-does-not-build", "A stored version does not build",
                    "Một phiên bản đã lưu không biên dịch được", e.getMessage(),
                    "Một phiên bản đã lưu không biên dịch được; lỗi của trình biên dịch quy tắc ở detail.");
        }
    }

    @ApiResponse(responseCode = "404", description = "There is no such ruleset version")
    @Operation(operationId = "startImpactPreview", summary = "Preview the impact of a version on stored verdicts (a job to poll) / Xem trước tác động",
            description = "Body, a JSON object whose members are all optional ({} for every stored evaluation): codeScheme, "
                    + "provinceCode, profileId, periodFrom, periodTo (on the period's end), includeWithdrawn.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ImpactJobs.Filter.class))),
            responses = {
                @ApiResponse(responseCode = "202", description = "Started; poll Location",
                        headers = @Header(name = "Location", description = "/api/v1/impact-jobs/{id}", schema = @Schema(type = "string")),
                        content = @Content(schema = @Schema(implementation = ImpactJobs.Status.class))),
                @ApiResponse(responseCode = "409", description = "The version does not build (urn:chuyenhoa:problem:version-does-not-build)")})
    @PostMapping(path = "/api/v1/rulesets/{version}/impact", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> impact(@PathVariable String version, @RequestBody(required = false) byte[] body) {
        JsonReader r = new JsonReader();
        // read as POST /evaluations reads its body: an empty one is malformed JSON, not a job over everything
        JsonBody.Obj root = r.root(body, IMPACT_KEYS);
        ImpactJobs.Filter filter = root == null ? null : filter(r, root.members());
        if (r.hasErrors()) return Problems.badRequest(r.sorted());
        try {
            RulesetSnapshot snapshot = cache.get(version);
            List<FieldError> unknown = ImpactFilters.unknown(areas, snapshot, filter.codeScheme(), filter.provinceCode(), filter.profileId());
            if (!unknown.isEmpty()) return Problems.badRequest(unknown);
            ImpactJobs.Status s = impact.start(snapshot.engine(), filter);
            return ResponseEntity.accepted().location(URI.create("/api/v1/impact-jobs/" + s.jobId())).body(s);
        } catch (NoSuchElementException e) {
            return Problems.notFound("There is no ruleset version " + version + ".",
                    "Không có phiên bản bộ quy tắc " + version + ".");
        } catch (RulesetBuildException e) {
            return Problems.of(HttpStatus.CONFLICT, "version-does-not-build", "The version does not build",
                    "Phiên bản không biên dịch được", e.getMessage(),
                    "Phiên bản " + version + " không biên dịch được; lỗi của trình biên dịch quy tắc ở detail.");
        }
    }

    @ApiResponse(responseCode = "404", description = "There is no such impact job")
    @Operation(operationId = "getImpactJob", summary = "Progress and result of an impact preview / Tiến độ và kết quả xem trước tác động")
    @ApiResponse(responseCode = "200", description = "The job; result once state is DONE",
            content = @Content(schema = @Schema(implementation = ImpactJobs.Status.class)))
    @GetMapping(path = "/api/v1/impact-jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> impactJob(@PathVariable String id) {
        return Ids.uuid(id).flatMap(impact::status).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> Problems.notFound("There is no impact job " + id + ".", "Không có tác vụ xem trước tác động " + id + "."));
    }

    /** The job's filter; a scheme that is no code list or a period ending before it starts would match nothing, unseen. */
    private static ImpactJobs.Filter filter(JsonReader r, Map<String, JsonBody.Value> m) {
        String codeScheme = r.text("codeScheme", m.get("codeScheme"), false, 64);
        if (codeScheme != null && CodeScheme.parse(codeScheme).isEmpty()) {
            r.error("codeScheme", "invalid_value", "codeScheme \"" + Shown.clip(codeScheme) + "\" is not one of "
                    + Arrays.toString(CodeScheme.values()) + ".", "codeScheme \"" + Shown.clip(codeScheme)
                    + "\" không phải một trong " + Arrays.toString(CodeScheme.values()) + ".");
        }
        LocalDate from = r.date("periodFrom", m.get("periodFrom"), false);
        LocalDate to = r.date("periodTo", m.get("periodTo"), false);
        if (from != null && to != null && to.isBefore(from)) {
            r.error("periodTo", "before_start", "periodTo (" + to + ") is before periodFrom (" + from + ").",
                    "periodTo (" + to + ") trước periodFrom (" + from + ").");
        }
        return new ImpactJobs.Filter(codeScheme, r.text("provinceCode", m.get("provinceCode"), false, 64),
                r.text("profileId", m.get("profileId"), false, 128), from, to,
                r.optionalFlag("includeWithdrawn", m.get("includeWithdrawn")));
    }

    /** Free text is checked before anything is done with it: a column too short for it must not fail half-way. */
    static Optional<FieldError> commentTooLong(String comment) {
        int n = comment.strip().length();
        if (n <= ActiveRuleset.MAX_COMMENT) return Optional.empty();
        return Optional.of(new FieldError("comment", "too_long",
                "The comment is " + n + " characters long; at most " + ActiveRuleset.MAX_COMMENT + " are kept.",
                "Nội dung dài " + n + " ký tự; chỉ được tối đa " + ActiveRuleset.MAX_COMMENT + " ký tự."));
    }

    /** The activation could not be put on the record (the store refused or is unreachable): nothing changed. */
    static ResponseEntity<ProblemDetail> notRecorded(ActiveRuleset.NotRecorded e) {
        ResponseEntity<ProblemDetail> r = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-recorded",
                "The change could not be recorded", "Không ghi được thay đổi vào nhật ký", e.getMessage(),
                "Không ghi được việc áp dụng vào nhật ký nên không có gì thay đổi; hãy thử lại sau.");
        return r;
    }

    /** Another approver's activation, on this instance or another, was recorded first: nothing changed. */
    static ResponseEntity<ProblemDetail> activatedMeanwhile(RulesetStore.ActivatedMeanwhile e) {
        ResponseEntity<ProblemDetail> r = Problems.of(HttpStatus.CONFLICT, "activated-meanwhile",
                "Another activation was recorded meanwhile", "Vừa có một lần áp dụng khác", e.getMessage(),
                "Trong lúc này đã có một phiên bản khác được áp dụng: phiên bản đang áp dụng là " + e.inForce()
                        + "; không có gì thay đổi. Hãy xem lại rồi phê duyệt lại nếu vẫn cần.");
        r.getBody().setProperty("inForce", e.inForce());
        return r;
    }

    private static ResponseEntity<ProblemDetail> refused(Changer.Refused e) {
        ResponseEntity<ProblemDetail> r = Problems.of(HttpStatus.FORBIDDEN, e.code, "The ruleset change is refused",
                "Thay đổi bộ quy tắc bị từ chối", e.getMessage(), e.messageVi);
        r.getBody().setProperty("items", e.items);
        return r;
    }

    private VersionView view(VersionInfo v, Set<String> everActivated) {
        String status = v.versionId().equals(active.versionId()) ? "ACTIVE"
                : everActivated.contains(v.versionId()) ? "RETIRED" : "DRAFT";
        return new VersionView(v.versionId(), status, v.storedAt(), v.origin(), v.author(), v.comment(), v.basedOn());
    }


}
