package vn.chuyenhoa.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.http.Problems;
import vn.chuyenhoa.audit.Canonical;

/**
 * Benchmark only (Spring profile {@code bench}, source under bench/): {@code POST /api/v1/evaluations?handcoded&dryRun=true}
 * answers a {@code POST /api/v1/evaluations?dryRun=true} body with the hand-coded criteria instead of Drools. Everything
 * else is the real endpoint's work, done by the same code: the same address, so the same security chain (bearer token,
 * role check, write log) and Spring MVC dispatch; the header and parameter binding, the strict parser, the area
 * lookup, the request text and hash the service records, the profile choice, the explanations, the document and its
 * JSON. So the difference in throughput between the two is what Drools costs over HTTP. (Until session 5 it was
 * measured at {@code /bench/handcoded}, behind a chain that lets everything through, which it still answers: see
 * {@link BenchAccess}; a JFR profile showed that the real chain it skipped costs far more than the "about a
 * microsecond" that was assumed.) It lives in this package to reach the package-private request reader.
 */
@RestController
@Profile("bench")
class HandCodedEvaluationController {

    private record Prepared(Engine engine, HandCoded hand) {}

    private final EngineSource engines;
    private final AreaDirectory areas;
    private final ObjectMapper json;
    private volatile Prepared prepared;

    HandCodedEvaluationController(EngineSource engines, AreaDirectory areas, ObjectMapper json) {
        this.engines = engines;
        this.areas = areas;
        this.json = json;
    }

    @PostMapping(path = {"/api/v1/evaluations", "/bench/handcoded"}, params = "handcoded", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> evaluate(@RequestBody(required = false) byte[] body,
                               @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                               @RequestParam(defaultValue = "true") boolean dryRun) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return Problems.badRequest(List.of(new FieldError("Idempotency-Key", "invalid_value",
                    "The Idempotency-Key header must be 1 to 200 characters.",
                    "Header Idempotency-Key phải dài từ 1 đến 200 ký tự.")));
        }
        if (!dryRun) throw new UnsupportedOperationException("the hand-coded endpoint never stores");
        Engine engine = engines.current();
        Parsed<EvaluationRequest> parsed = new EvaluationRequestParser(new Requests.World(engine, areas)).parse(body == null ? new byte[0] : body);
        if (!parsed.isValid()) return Problems.badRequest(parsed.errors());
        EvaluationRequest req = parsed.value();

        EvaluationInput input = Requests.input(req, areas);
        // the real endpoint builds its Submission with these two even for a dry run
        String requestJson = new String(body, StandardCharsets.UTF_8);
        String requestHash = Canonical.sha256(body);
        if (requestJson.isEmpty() || requestHash.isEmpty()) throw new IllegalStateException();

        byte[] answer = hand(engine).dryRunJson(engine.versionId(), input, req.purpose().name(), json, areas);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /** The hand-coded criteria read their thresholds from the ruleset in force, compiled once per version. */
    private HandCoded hand(Engine engine) {
        Prepared p = prepared;
        if (p == null || p.engine() != engine) {
            p = new Prepared(engine, new HandCoded(engine.policy()));
            prepared = p;
        }
        return p.hand();
    }
}
