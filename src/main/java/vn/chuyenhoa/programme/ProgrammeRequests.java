package vn.chuyenhoa.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import vn.chuyenhoa.http.JsonBody.Obj;
import vn.chuyenhoa.http.JsonBody.Value;
import vn.chuyenhoa.http.JsonReader;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.http.Shown;
import vn.chuyenhoa.programme.ProgrammeService.NewCandidate;
import vn.chuyenhoa.programme.ProgrammeService.StepRequest;

/**
 * Reads the bodies of the programme endpoints as strictly as evaluation requests are read: unknown keys, wrong JSON
 * types, malformed dates and UUIDs are refused, one error per field, sorted by field, before anything is looked up.
 * Codes: {@code malformed_json}, {@code unknown_field}, {@code required}, {@code wrong_type}, {@code too_long},
 * {@code invalid_date}, {@code invalid_uuid}, {@code invalid_value}, {@code not_an_integer}. The officer's pages send
 * their forms through here too, so that a form is refused with the API's own words.
 */
final class ProgrammeRequests {

    private static final Set<String> CANDIDATE_KEYS = Set.of("areaCode", "areaName", "actor", "effectiveDate", "comment");
    private static final Set<String> STEP_KEYS = Set.of("to", "actor", "effectiveDate", "decisionNumber",
            "decisionDate", "evaluationId", "monitoringReportId", "comment", "programmeYear", "areaCode");

    private ProgrammeRequests() {}

    public static Parsed<NewCandidate> candidate(byte[] body) {
        JsonReader r = new JsonReader();
        Obj root = r.root(body, CANDIDATE_KEYS);
        if (root == null) return r.done(null);
        Map<String, Value> m = root.members();
        String areaCode = r.text("areaCode", m.get("areaCode"), true, 20);
        String areaName = r.text("areaName", m.get("areaName"), false, 200);
        String actor = r.text("actor", m.get("actor"), true, 200);
        LocalDate effective = r.date("effectiveDate", m.get("effectiveDate"), false);
        String comment = r.text("comment", m.get("comment"), false, 4000);
        return r.done(new NewCandidate(areaCode, areaName, actor, effective, comment));
    }

    public static Parsed<StepRequest> step(byte[] body) {
        JsonReader r = new JsonReader();
        Obj root = r.root(body, STEP_KEYS);
        if (root == null) return r.done(null);
        Map<String, Value> m = root.members();
        AreaState to = state(r, m, "to");
        String actor = r.text("actor", m.get("actor"), true, 200);
        LocalDate effective = r.date("effectiveDate", m.get("effectiveDate"), false);
        String decisionNumber = r.text("decisionNumber", m.get("decisionNumber"), false, 100);
        LocalDate decisionDate = r.date("decisionDate", m.get("decisionDate"), false);
        UUID evaluationId = r.uuid("evaluationId", m.get("evaluationId"));
        UUID monitoringReportId = r.uuid("monitoringReportId", m.get("monitoringReportId"));
        String comment = r.text("comment", m.get("comment"), false, 4000);
        Integer programmeYear = r.year("programmeYear", m.get("programmeYear"));
        // REORGANISED only: the new commune a split old commune's record follows its area to
        String areaCode = r.text("areaCode", m.get("areaCode"), false, 20);
        // a decision is its number and its date: one without the other cannot be cited
        if (decisionNumber != null && JsonReader.absent(m.get("decisionDate"))) {
            r.error("decisionDate", "required", "decisionDate is required with decisionNumber.",
                    "Cần có decisionDate (ngày quyết định) khi có decisionNumber.");
        }
        if (JsonReader.absent(m.get("decisionNumber")) && decisionDate != null) {
            r.error("decisionNumber", "required", "decisionNumber is required with decisionDate.",
                    "Cần có decisionNumber (số quyết định) khi có decisionDate.");
        }
        return r.done(new StepRequest(to, actor, effective, decisionNumber, decisionDate, evaluationId, comment,
                programmeYear, areaCode, monitoringReportId));
    }

    /** A province's records moved together across the 2025 reform: when, by whom, and the choices for split communes. */
    public record Reorganisation(LocalDate effectiveDate, String actor, Map<String, String> choices) {}

    private static final Set<String> REORGANISATION_KEYS = Set.of("effectiveDate", "actor", "choices");

    public static Parsed<Reorganisation> reorganisation(byte[] body) {
        JsonReader r = new JsonReader();
        Obj root = r.root(body, REORGANISATION_KEYS);
        if (root == null) return r.done(null);
        Map<String, Value> m = root.members();
        LocalDate effective = r.date("effectiveDate", m.get("effectiveDate"), true);
        String actor = r.text("actor", m.get("actor"), true, 200);
        Map<String, String> choices = new java.util.LinkedHashMap<>();
        Value given = m.get("choices");
        if (given instanceof Obj o) {
            for (var e : o.members().entrySet()) {
                String code = r.text("choices." + e.getKey(), e.getValue(), true, 20);
                if (code != null) choices.put(e.getKey(), code);
            }
        } else if (!JsonReader.absent(given)) {
            r.error("choices", "wrong_type", "choices must be an object: old commune code → new commune code.",
                    "choices phải là một đối tượng: mã xã cũ → mã xã mới.");
        }
        return r.done(new Reorganisation(effective, actor, choices));
    }

    private static AreaState state(JsonReader r, Map<String, Value> m, String field) {
        String text = r.text(field, m.get(field), true, 40);
        if (text == null) return null;
        for (AreaState s : AreaState.values()) {
            if (s.name().equals(text)) return s;
        }
        String shown = "\"" + Shown.clip(text) + "\"";
        r.error(field, "invalid_value", field + " " + shown + " is not a state; use one of " + List.of(AreaState.values()) + ".",
                field + " " + shown + " không phải là trạng thái; chọn một trong " + List.of(AreaState.values()) + ".");
        return null;
    }
}
