package vn.chuyenhoa.support;

import java.util.UUID;
import java.util.function.Consumer;

import tools.jackson.databind.node.ObjectNode;
import vn.chuyenhoa.evaluation.EvaluationRecord;
import vn.chuyenhoa.evaluation.EvaluationStore;

/**
 * Evaluations stored as an earlier release stored them: a copy of a stored one, its document edited, saved through
 * the store's own saving (packed and chained as every evaluation is), so that its record check passes and a replay
 * compares the edited document with what the code decides now.
 */
public final class StoredEvaluations {

    private StoredEvaluations() {}

    /**
     * @param edit changes the copy's document (its id is the copy's already)
     * @return the copy's id
     */
    public static UUID copyOf(EvaluationStore store, UUID original, Consumer<ObjectNode> edit) {
        EvaluationRecord r = store.find(original).orElseThrow();
        UUID id = EvaluationStore.newId();
        ObjectNode doc = (ObjectNode) Scenarios.JSON.readTree(r.responseJson());
        doc.put("id", id.toString());
        edit.accept(doc);
        // the search columns say what the document says, as the store wrote them
        store.saveNow(new EvaluationRecord(id, r.evaluatedAt(), r.codeScheme(), r.areaCode(), r.areaName(),
                r.provinceCode(), r.districtCode(), doc.get("profile").get("id").asString(), doc.get("verdict").asString(),
                r.purpose(), r.periodFrom(), r.periodTo(), r.rulesetVersion(), r.requestJson(),
                Scenarios.JSON.writeValueAsString(doc), r.firedRulesJson(), null, r.requestHash(), r.submitter(),
                r.supersedes(), r.supersedeReason()));
        return id;
    }
}
