package vn.chuyenhoa.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.area.AdminUnit;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.kernel.Area;

/**
 * Evaluates a validated request on the ruleset in force and keeps the answer: the document is rendered once, stored
 * and sent as the same UTF-8 bytes, so what an auditor reads later is byte for byte what the caller got.
 */
@Service
public class EvaluationService {

    /** A validated request and what is recorded with it. */
    public record Submission(EvaluationInput input, String purpose, String requestJson, String requestHash,
                             String idempotencyKey, UUID supersedes, String reason, String submitter) {}

    /**
     * The stored (or, for a dry run, unstored) document in UTF-8, as sent; {@code replayed} when an idempotent retry
     * found it.
     */
    public record Answer(UUID id, byte[] json, boolean stored, boolean replayed) {}

    /** The same Idempotency-Key came with a different body. */
    public static class IdempotencyConflict extends RuntimeException {
        public IdempotencyConflict(String key) {
            super(key);
        }
    }

    /** The evaluation to supersede does not exist, or is no longer in force. */
    public static class SupersedeRefused extends RuntimeException {
        private final UUID target;
        private final String state;

        SupersedeRefused(UUID target, String state) {
            super(state == null ? "evaluation " + target + " does not exist" : "evaluation " + target + " is already " + state);
            this.target = target;
            this.state = state;
        }

        public UUID target() { return target; }

        /** null when the evaluation does not exist */
        public String state() { return state; }
    }

    private final EvaluationStore store;
    private final MeterRegistry meters;
    // the registry's lookup builds and sorts the tags on every call; a few dozen counters, found again by a record
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    private record CounterKey(Verdict verdict, String profile, String purpose, boolean stored) {}
    private final ObjectMapper json;
    private final AreaDirectory areas;

    public EvaluationService(EvaluationStore store, ObjectMapper json, MeterRegistry meters, AreaDirectory areas) {
        this.store = store;
        this.json = json;
        this.meters = meters;
        this.areas = areas;
    }

    /**
     * @param engine the ruleset version the request was validated against; the evaluation finishes on it and records
     *               it even if another version is activated meanwhile
     */
    public Answer evaluate(Engine engine, Submission s, boolean dryRun) {
        if (!dryRun && s.idempotencyKey() != null) {
            Optional<Answer> earlier = earlierAnswer(s);
            if (earlier.isPresent()) return earlier.get();
        }
        if (s.supersedes() != null) checkSupersedable(s.supersedes());

        UUID id = dryRun ? null : EvaluationStore.newId();
        Rendered r = render(engine, s, id, Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
        if (dryRun) return new Answer(null, r.json(), false, false);
        try {
            store.saveNow(r.record(), r.json());
        } catch (DuplicateIdempotencyKeyException race) {
            // a concurrent retry with the same key committed first: answer as that one was answered
            return earlierAnswer(s).orElseThrow(() -> race);
        }
        return new Answer(id, r.json(), true, false);
    }

    /**
     * One decision, its document as sent (UTF-8) and, unless {@code id} is null (a dry run), the row that keeps it.
     *
     * @param json   the document encoded once, for the answer and for packing: a document holds Vietnamese text, which
     *               Java keeps in UTF-16, and a profile of stored requests found it encoded three times (the answer's
     *               length, the answer, the packing), 12% of the request's CPU
     * @param record null for a dry run; its {@code responseJson} is the same document as text
     */
    public record Rendered(byte[] json, Judgement judgement, EvaluationRecord record) {}

    /**
     * Decides and renders without storing: a single request stores the row at once, a batch stores many rows in one
     * transaction. Touches no store, so batches call it from several threads.
     *
     * @param id      null for a dry run
     * @param batchId the batch the evaluation came in, named in its document; null for a single request
     */
    public Rendered render(Engine engine, Submission s, UUID id, Instant at, UUID batchId) {
        Judgement judgement = Evaluator.judge(engine, s.input());
        // by what operators watch: how many of each verdict, under which profile, for which purpose, stored or not
        counters.computeIfAbsent(new CounterKey(judgement.verdict(), judgement.profile().profile().id(), s.purpose(),
                id != null), k -> Counter.builder("chuyenhoa.evaluations")
                .description("Evaluations decided (single requests and batch items, dry runs with stored=false), by"
                        + " verdict, profile and purpose; refused ones are chuyenhoa.evaluations.refused")
                .tags("verdict", k.verdict().name(), "profile", k.profile(), "purpose", k.purpose(),
                        "stored", String.valueOf(k.stored()))
                .register(meters)).increment();
        Area area = s.input().area();
        AdminUnit unit = CodeScheme.parse(area.codeScheme()).flatMap(c -> areas.find(c, area.code())).orElse(null);
        EvaluationDocument doc = document(engine, s, judgement, id, at, batchId, unit);
        String body = json.writeValueAsString(doc);
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        if (id == null) return new Rendered(utf8, judgement, null);
        Area a = s.input().area();
        EvaluationRecord record = new EvaluationRecord(id, at, a.codeScheme(), a.code(), a.name(), a.provinceCode(),
                a.districtCode(), judgement.profile().profile().id(), judgement.verdict().name(), s.purpose(),
                s.input().period().from(), s.input().period().to(), engine.versionId(), s.requestJson(), body,
                firedRules(judgement), s.idempotencyKey(), s.requestHash(), s.submitter(), s.supersedes(), s.reason());
        return new Rendered(utf8, judgement, record);
    }

    /** The response document for a judgement; replays and impact previews build it the same way. */
    /** @param unit the area as the official list has it, to name places beside codes; null for codes alone */
    public static EvaluationDocument document(Engine engine, Submission s, Judgement judgement, UUID id, Instant at,
                                              UUID batchId, AdminUnit unit) {
        Area a = s.input().area();
        return new EvaluationDocument(id, judgement.verdict(),
                new EvaluationDocument.AreaView(a.codeScheme(), a.code(), a.name(), a.districtCode(), a.provinceCode()),
                EvaluationDocument.profileView(judgement.profile(), s.input(), unit), engine.versionId(), at, s.purpose(),
                s.input().period(), s.input().baselinePeriod(), Explanations.render(judgement),
                Explanations.missingFacts(judgement), judgement.verdictRule(), factsView(s.input().facts()),
                s.supersedes() == null ? null : new EvaluationDocument.Supersession(s.supersedes(), s.reason()), batchId);
    }

    private Optional<Answer> earlierAnswer(Submission s) {
        return store.findByIdempotencyKey(s.idempotencyKey()).map(r -> {
            if (!r.requestHash().equals(s.requestHash())) throw new IdempotencyConflict(s.idempotencyKey());
            return new Answer(r.id(), r.responseJson().getBytes(StandardCharsets.UTF_8), true, true);
        });
    }

    /**
     * @throws SupersedeRefused when the evaluation does not exist or is no longer in force
     */
    void checkSupersedable(UUID target) {
        EvaluationStatus status;
        try {
            status = store.status(target);
        } catch (java.util.NoSuchElementException e) {
            throw new SupersedeRefused(target, null);
        }
        if (!"ACTIVE".equals(status.state())) {
            throw new SupersedeRefused(target, status.state());
        }
    }

    private static Map<String, Object> factsView(Map<Fact, Object> facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Fact f : Fact.values()) {
            Object v = facts.get(f);
            if (v != null) out.put(f.jsonName(), v);
        }
        return out;
    }

    /**
     * One rule that fired, as stored for auditors: a criterion's rule and the table row it read, or, without a
     * criterion, the verdict's rule. A record, not a map: its keys come out in this order on every instance and run
     * ({@code Map.of} iterates in an order that changes from one JVM to the next), and it serialises faster.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FiredRule(String criterion, String rule, String tableRule) {}

    private String firedRules(Judgement j) {
        List<FiredRule> fired = new ArrayList<>(j.decisions().size() + 1);
        for (Decision d : j.decisions()) {
            fired.add(new FiredRule(d.measure().getRequirement().id(), d.rule(),
                    d.measure().getRequirement().source().rule()));
        }
        fired.add(new FiredRule(null, j.verdictRule(), null));
        return json.writeValueAsString(fired);
    }
}
