package vn.chuyenhoa.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.Parsed;

/**
 * Runs a stored request again on a given ruleset version — the stored request bytes, parsed and judged exactly as
 * they were the first time — and says how the answer differs from the stored one. Used by replays (same version:
 * must be identical) and impact previews (a candidate version). What is compared is the stored document and the
 * stored search columns, both against the replayed document.
 */
@Component
class Reevaluations {

    /** A stored request that the other version cannot even accept (e.g. its profile no longer exists). */
    public record Rejected(List<FieldError> errors) {}

    public record Difference(String path, JsonNode stored, JsonNode replayed) {}

    /** What a replay found, as an auditor asks it: the same record, the same decision in other words, or not. */
    @Schema(name = "ReplayClassification", description = "IDENTICAL: the replay gives the stored document. "
            + "SAME_DECISION_DIFFERENT_WORDING: only texts written for people differ (labels, reasons, explanations, "
            + "remedies: wordingDifferences); the verdict, profile, every criterion's outcome, values and table rows "
            + "are the stored ones. DIFFERENT_DECISION: something else differs (decisionDifferences). NOT_REPLAYABLE: "
            + "the version does not accept the stored request (notReplayable).")
    enum Classification { IDENTICAL, SAME_DECISION_DIFFERENT_WORDING, DIFFERENT_DECISION, NOT_REPLAYABLE }

    public record Rerun(EvaluationDocument document, JsonNode tree, List<Difference> differences, Rejected rejected) {
        public boolean identical() { return rejected == null && differences.isEmpty(); }

        /** Where the stored and the replayed document differ, the decision's members apart from the wording's. */
        DocumentParts.Parted parted() {
            return DocumentParts.part(differences.stream().map(Difference::path).toList());
        }

        Classification classification() {
            if (rejected != null) return Classification.NOT_REPLAYABLE;
            if (differences.isEmpty()) return Classification.IDENTICAL;
            return parted().decision().isEmpty() ? Classification.SAME_DECISION_DIFFERENT_WORDING
                    : Classification.DIFFERENT_DECISION;
        }
    }

    private final AreaDirectory areas;
    private final ObjectMapper json;

    Reevaluations(AreaDirectory areas, ObjectMapper json) {
        this.areas = areas;
        this.json = json;
    }

    Rerun rerun(EvaluationRecord stored, Engine engine) {
        Parsed<EvaluationRequest> parsed = new EvaluationRequestParser(new Requests.World(engine, areas))
                .parse(stored.requestJson().getBytes(StandardCharsets.UTF_8));
        if (!parsed.isValid()) return new Rerun(null, null, List.of(), new Rejected(parsed.errors()));
        EvaluationRequest req = parsed.value();
        EvaluationService.Submission s = new EvaluationService.Submission(Requests.input(req, areas), req.purpose().name(),
                stored.requestJson(), stored.requestHash(), stored.idempotencyKey(), req.supersedes(), req.reason(), stored.submitter());
        // the id and the time are the stored ones: they identify the evaluation, they are not part of the decision
        JsonNode original = json.readTree(stored.responseJson());
        // the batch it came in is, like its id, where the evaluation was recorded, not part of the decision
        JsonNode batch = original.path("batchId");
        UUID batchId = batch.isString() ? UUID.fromString(batch.asString()) : null;
        EvaluationDocument doc = EvaluationService.document(engine, s, Evaluator.judge(engine, s.input()), stored.id(),
                stored.evaluatedAt(), batchId, CodeScheme.parse(stored.codeScheme()).flatMap(c -> areas.find(c, stored.areaCode())).orElse(null));
        // through text, as the stored one went: numbers then parse to the same node types on both sides
        JsonNode replayed = json.readTree(json.writeValueAsString(doc));
        List<Difference> diffs = new ArrayList<>();
        compare("", original, replayed, diffs);
        // the list shows the search columns, not the document: a column changed behind the application (its document
        // left as it was) is a stored answer the replay does not give, so it is a difference too
        for (RecordChecks.Mismatch m : RecordChecks.mismatches(stored, original)) {
            JsonNode now = replayed.at(RecordChecks.pointer(m.column()));
            diffs.add(new Difference("columns/" + m.column(), json.valueToTree(m.stored()), now.isMissingNode() ? null : now));
        }
        return new Rerun(doc, replayed, diffs, null);
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<Difference> out) {
        if (a == null || b == null || a.isObject() != b.isObject() || a.isArray() != b.isArray()) {
            if (a == null ? b != null : !a.equals(b)) out.add(new Difference(path, a, b));
            return;
        }
        if (a.isObject()) {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            for (Map.Entry<String, JsonNode> e : a.properties()) names.add(e.getKey());
            for (Map.Entry<String, JsonNode> e : b.properties()) names.add(e.getKey());
            for (String n : names) compare(path + "/" + n, a.get(n), b.get(n), out);
        } else if (a.isArray()) {
            Iterator<JsonNode> ia = a.iterator(), ib = b.iterator();
            int i = 0;
            while (ia.hasNext() || ib.hasNext()) {
                compare(path + "/" + i++, ia.hasNext() ? ia.next() : null, ib.hasNext() ? ib.next() : null, out);
            }
        } else if (!a.equals(b)) {
            out.add(new Difference(path, a, b));
        }
    }
}
