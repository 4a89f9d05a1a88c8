package vn.chuyenhoa.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.evaluation.EvaluationBatchStore.Batch;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.Shown;
import vn.chuyenhoa.http.JsonBody;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.audit.Canonical;

/**
 * Many evaluations in one call (api.md, POST /api/v1/evaluation-batches). Each item goes through exactly what a single
 * request goes through — the same parser, the same province check, the same supersession check, the same rendering —
 * and is refused on its own; the items that pass are decided on one ruleset version and stored with the batch in one
 * transaction, so the answer is sent only once all of them are committed.
 *
 * <p>Checking runs on the request's thread (it needs the caller); deciding, rendering and hashing run on one thread
 * per core in chunks, while the request's thread inserts the chunks already decided.
 */
@Component
public class EvaluationBatches implements DisposableBean {

    static final int MAX_ITEMS = 20_000;
    /** A batch of {@value #MAX_ITEMS} full requests is about 25 MB; each item is also held to a single body's size. */
    static final int MAX_BYTES = 48 * 1024 * 1024;
    private static final int CHUNK = 128;

    /** What became of a batch; each kind is one answer of the API. */
    public sealed interface Outcome permits Recorded, Checked, Refused, Stale {}

    /** Stored (201), or found again by its Idempotency-Key ({@code replayed}). */
    public record Recorded(UUID id, String json, boolean replayed) implements Outcome {}

    /** A dry run: decided, nothing stored (200). */
    public record Checked(String json) implements Outcome {}

    /** The body is not a batch at all (400): nothing was evaluated. */
    public record Refused(List<FieldError> errors) implements Outcome {}

    /** The version the caller previewed on is no longer in force ({@code current} is): nothing was decided. */
    public record Stale(String current) implements Outcome {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationBatchArea")
    record AreaKey(String codeScheme, String code) {}

    /** One item's answer: {@code id}, {@code verdict}, … when decided; the problem's fields when refused. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"index", "status", "id", "verdict", "area", "profileId", "type", "title", "titleVi", "detail",
            "detailVi", "errors"})
    @io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationBatchResult")
    record Result(int index, int status, UUID id, String verdict, AreaKey area, String profileId, String type,
                  String title, String titleVi, String detail, String detailVi, List<FieldError> errors) {

        static Result invalid(int index, List<FieldError> errors) {
            return new Result(index, 400, null, null, null, null, "urn:chuyenhoa:problem:invalid-request",
                    "The request is not valid", "Yêu cầu không hợp lệ", errors.size() == 1 ? errors.get(0).message()
                            : errors.size() + " fields are not valid; see errors.", null, errors);
        }

        static Result problem(int index, int status, String type, String title, String titleVi, String detail,
                              String detailVi) {
            return new Result(index, status, null, null, null, null, "urn:chuyenhoa:problem:" + type, title, titleVi,
                    detail, detailVi, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "dryRun", "submittedAt", "rulesetVersion", "counts", "results"})
    @io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationBatch", description = "A batch's answer: counts and one "
            + "result per item, in item order; no id in a dry run")
    record Answer(UUID id, Boolean dryRun, Instant submittedAt, String rulesetVersion,
                  @io.swagger.v3.oas.annotations.media.Schema(implementation = CountsSchema.class) Map<String, Integer> counts,
                  List<Result> results) {}

    /** The keys of {@link Answer#counts}, for the description only: the answer writes them from a map. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "EvaluationBatchCounts")
    record CountsSchema(int items, int stored, int refused,
                        @com.fasterxml.jackson.annotation.JsonProperty("TRANSFORMED") int transformed,
                        @com.fasterxml.jackson.annotation.JsonProperty("NOT_TRANSFORMED") int notTransformed,
                        @com.fasterxml.jackson.annotation.JsonProperty("INSUFFICIENT_DATA") int insufficientData) {}

    /** An item that passed every check, to be decided. */
    private record Accepted(int index, EvaluationService.Submission submission) {}

    /** A decided item: its result line and, unless a dry run, its row. */
    private record Decided(Result result, Verdict verdict, EvaluationBatchStore.Row row) {}

    private final EvaluationService service;
    private final Refusals refusals;
    private final EvaluationBatchStore store;
    private final EngineSource engines;
    private final AreaDirectory areas;
    private final ObjectMapper json;
    private final ExecutorService deciders;

    EvaluationBatches(EvaluationService service, EvaluationBatchStore store, EngineSource engines, AreaDirectory areas,
                      ObjectMapper json, Refusals refusals) {
        this.refusals = refusals;
        this.service = service;
        this.store = store;
        this.engines = engines;
        this.areas = areas;
        this.json = json;
        int threads = Runtime.getRuntime().availableProcessors();
        this.deciders = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "evaluation-batch-decider");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void destroy() {
        deciders.shutdown();
    }

    Outcome submit(byte[] body, String idempotencyKey, boolean dryRun) {
        return submit(body, idempotencyKey, null, null, dryRun);
    }

    /**
     * The facts spreadsheet's way in (issue 15): the same checks and decisions, with each item under an idempotency
     * key of its own (so a row already stored is refused by the evaluation table's unique key, never stored twice) and,
     * when {@code expectedVersion} is given, decided only on that version: a preview's rows are stored under the rules
     * the officer saw, or not at all.
     */
    public Outcome submitKeyed(byte[] body, List<String> itemKeys, String expectedVersion, boolean dryRun) {
        return submit(body, null, itemKeys, expectedVersion, dryRun);
    }

    private Outcome submit(byte[] body, String idempotencyKey, List<String> itemKeys, String expectedVersion,
                           boolean dryRun) {
        JsonBody.Listed listed;
        try {
            listed = JsonBody.readListed(body, MAX_BYTES);
        } catch (JsonBody.Malformed e) {
            return new Refused(List.of(new FieldError(null, "malformed_json", e.getMessage(), e.messageVi)));
        }
        List<FieldError> errors = new ArrayList<>();
        JsonBody.Value items = listed.root().members().get("items");
        for (String key : listed.root().members().keySet()) {
            if (!key.equals("items")) {
                String shown = Shown.clip(key);
                errors.add(new FieldError(key, "unknown_field", shown + " is not a field of this request.",
                        shown + " không phải là một trường của yêu cầu này."));
            }
        }
        if (items == null || items instanceof JsonBody.Null) {
            errors.add(new FieldError("items", "required", "The required field items is missing.",
                    "Thiếu trường bắt buộc items."));
        } else if (!(items instanceof JsonBody.Arr array)) {
            String shown = Shown.of(items);
            errors.add(new FieldError("items", "wrong_type", "items must be an array of evaluation requests, not " + shown + ".",
                    "items phải là một mảng các yêu cầu đánh giá, không phải " + shown + "."));
        } else if (array.items().isEmpty() || array.items().size() > MAX_ITEMS) {
            errors.add(new FieldError("items", "out_of_range",
                    "items holds " + array.items().size() + " requests; a batch holds 1 to " + MAX_ITEMS + ".",
                    "items có " + array.items().size() + " yêu cầu; mỗi lô có từ 1 đến " + MAX_ITEMS + " yêu cầu."));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(FieldError::field));
            return new Refused(errors);
        }
        String hash = Canonical.sha256(body);
        if (!dryRun && idempotencyKey != null) {
            Optional<Recorded> earlier = earlier(idempotencyKey, hash);
            if (earlier.isPresent()) return earlier.get();
        }
        List<JsonBody.Value> values = ((JsonBody.Arr) items).items();
        List<int[]> spans = listed.spans().get("items");
        try {
            return decide(body, values, spans, hash, idempotencyKey, itemKeys, expectedVersion, dryRun);
        } catch (DataIntegrityViolationException e) {
            // an item's own key already stored by another request: the caller decides again what is left to store
            if (itemKeys != null) throw e;
            // the keys decided against the batch: a retry with the same key committed first, or an evaluation it
            // supersedes left force meanwhile; nothing of it was stored, so it is checked and decided once more
            if (idempotencyKey != null) {
                Optional<Recorded> earlier = earlier(idempotencyKey, hash);
                if (earlier.isPresent()) return earlier.get();
            }
            return decide(body, values, spans, hash, idempotencyKey, null, null, dryRun);
        }
    }

    Optional<String> find(UUID id) {
        return store.find(id).map(Batch::responseJson);
    }

    private Optional<Recorded> earlier(String key, String hash) {
        return store.findByIdempotencyKey(key).map(b -> {
            if (!b.requestHash().equals(hash)) throw new EvaluationService.IdempotencyConflict(key);
            return new Recorded(b.id(), b.responseJson(), true);
        });
    }

    private Outcome decide(byte[] body, List<JsonBody.Value> values, List<int[]> spans, String hash,
                           String idempotencyKey, List<String> itemKeys, String expectedVersion, boolean dryRun) {
        Engine engine = engines.current();
        if (expectedVersion != null && !expectedVersion.equals(engine.versionId())) return new Stale(engine.versionId());
        Caller caller = Caller.current().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
        String submitter = Caller.name();
        UUID batchId = dryRun ? null : UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Result[] results = new Result[values.size()];
        List<Accepted> accepted = check(body, values, spans, engine, caller, submitter, itemKeys, results);
        for (Result refused : results) if (refused != null) refusals.item(refused.status(), refused.errors(), refused.type());
        // decided in chunks, in order, on the deciders, while this thread stores what is already decided
        List<CompletableFuture<List<Decided>>> chunks = new ArrayList<>();
        for (int from = 0; from < accepted.size(); from += CHUNK) {
            List<Accepted> chunk = accepted.subList(from, Math.min(from + CHUNK, accepted.size()));
            chunks.add(CompletableFuture.supplyAsync(() -> chunk.stream()
                    .map(a -> decideOne(engine, a, batchId, at, dryRun)).toList(), deciders));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("items", values.size());
        counts.put("stored", 0);
        counts.put("refused", values.size() - accepted.size());
        for (Verdict v : Verdict.values()) counts.put(v.name(), 0);

        if (dryRun) {
            for (CompletableFuture<List<Decided>> chunk : chunks) collect(join(chunk), results, counts, null);
            return new Checked(json.writeValueAsString(new Answer(null, true, at, engine.versionId(), counts,
                    List.of(results))));
        }
        Batch batch = store.save(rows -> {
            for (CompletableFuture<List<Decided>> chunk : chunks) collect(join(chunk), results, counts, rows);
            counts.put("stored", accepted.size());
            String answer = json.writeValueAsString(new Answer(batchId, null, at, engine.versionId(), counts,
                    List.of(results)));
            return new Batch(batchId, at, engine.versionId(), values.size(), accepted.size(), submitter,
                    idempotencyKey, hash, answer);
        });
        return new Recorded(batch.id(), batch.responseJson(), false);
    }

    /** Every item through the single request's checks; the refused get their result here, the others are returned. */
    private List<Accepted> check(byte[] body, List<JsonBody.Value> values, List<int[]> spans, Engine engine,
                                 Caller caller, String submitter, List<String> itemKeys, Result[] results) {
        EvaluationRequestParser parser = new EvaluationRequestParser(new Requests.World(engine, areas));
        List<Accepted> accepted = new ArrayList<>(values.size());
        Set<UUID> superseded = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String path = "items[" + i + "]";
            int[] span = spans.get(i);
            if (span[1] - span[0] > JsonBody.MAX_BYTES) {
                results[i] = Result.invalid(i, List.of(new FieldError(path, "too_large",
                        path + " is larger than " + JsonBody.MAX_BYTES + " bytes, the largest single request.",
                        path + " lớn hơn " + JsonBody.MAX_BYTES + " byte, kích thước tối đa của một yêu cầu.")));
                continue;
            }
            Parsed<EvaluationRequest> parsed = parser.parseItem(values.get(i), path);
            if (!parsed.isValid()) {
                results[i] = Result.invalid(i, parsed.errors());
                continue;
            }
            EvaluationRequest req = parsed.value();
            EvaluationInput input = Requests.input(req, areas);
            String scheme = input.area().codeScheme(), province = input.area().provinceCode();
            if (!caller.covers(scheme, province)) {
                String shown = areas.provinceLabel(scheme, province);
                results[i] = Result.problem(i, 403, "outside-scope", "Outside your provinces",
                        "Ngoài phạm vi tỉnh được giao", caller.outsideEn(shown), caller.outsideVi(shown));
                continue;
            }
            if (req.supersedes() != null) {
                Result refused = supersession(i, path, req.supersedes(), superseded);
                if (refused != null) {
                    results[i] = refused;
                    continue;
                }
            }
            byte[] item = java.util.Arrays.copyOfRange(body, span[0], span[1]);
            accepted.add(new Accepted(i, new EvaluationService.Submission(input, req.purpose().name(),
                    new String(item, StandardCharsets.UTF_8), Canonical.sha256(item),
                    itemKeys == null ? null : itemKeys.get(i),
                    req.supersedes(), req.reason(), submitter)));
        }
        return accepted;
    }

    /** Null when the item may supersede its target; otherwise its refusal, as a single request would get it. */
    private Result supersession(int index, String path, UUID target, Set<UUID> superseded) {
        try {
            service.checkSupersedable(target);
        } catch (EvaluationService.SupersedeRefused e) {
            if (e.state() == null) {
                return Result.invalid(index, List.of(new FieldError(path + ".supersedes", "unknown_evaluation",
                        "There is no evaluation " + target + " to supersede.",
                        "Không có đánh giá " + target + " để thay thế.")));
            }
            return notInForce(index, e.getMessage());
        }
        // an evaluation is replaced once: a second item replacing it finds it already replaced by the first
        if (!superseded.add(target)) {
            return notInForce(index, "evaluation " + target + " is already superseded by an earlier item of this batch");
        }
        return null;
    }

    private static Result notInForce(int index, String why) {
        return Result.problem(index, 409, "not-in-force", "The evaluation is no longer in force",
                "Đánh giá không còn hiệu lực", why + "; only an evaluation in force can be superseded.",
                "Chỉ thay thế được một đánh giá còn hiệu lực.");
    }

    private Decided decideOne(Engine engine, Accepted a, UUID batchId, Instant at, boolean dryRun) {
        UUID id = dryRun ? null : EvaluationStore.newId();
        EvaluationService.Rendered r = service.render(engine, a.submission(), id, at, batchId);
        var area = a.submission().input().area();
        Verdict verdict = r.judgement().verdict();
        Result result = new Result(a.index(), dryRun ? 200 : 201, id, verdict.name(),
                new AreaKey(area.codeScheme(), area.code()), r.judgement().profile().profile().id(), null, null, null,
                null, null, null);
        return new Decided(result, verdict, dryRun ? null : EvaluationBatchStore.row(r.record(), r.json()));
    }

    private static void collect(List<Decided> decided, Result[] results, Map<String, Integer> counts,
                                EvaluationBatchStore.Rows rows) {
        for (Decided d : decided) {
            results[d.result().index()] = d.result();
            counts.merge(d.verdict().name(), 1, Integer::sum);
            if (rows != null) rows.add(d.row());
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }
}
