package vn.chuyenhoa.http;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What became of a submitted body (a screening, a monitoring report) as both the API and the officer's upload page
 * answer it; each kind is one answer of the API (201, 400, 403, 503), so the two cannot drift apart.
 */
public sealed interface Submission permits Submission.Stored, Submission.Invalid, Submission.OutsideScope,
        Submission.RulesUnavailable {

    record Stored(UUID id, String json) implements Submission {}

    /** @param errors one per bad field, as the API lists them */
    record Invalid(List<FieldError> errors) implements Submission {}

    /**
     * The body is about a province the caller does not hold; nothing was stored.
     *
     * @param province as sentences name it, {@code AreaDirectory.provinceLabel}
     */
    record OutsideScope(String codeScheme, String provinceCode, String province) implements Submission {}

    record RulesUnavailable() implements Submission {}

    /**
     * The API's answer: 201 with the stored document and its Location ({@code created} followed by the id), 400 with
     * one error per field, 403 outside the caller's provinces, 503 when the rules in force have no {@code rules} rules.
     */
    static ResponseEntity<?> answer(Submission outcome, String created, String rules, String rulesVi) {
        if (outcome instanceof RulesUnavailable) return Problems.rulesUnavailable(rules, rulesVi);
        if (outcome instanceof Invalid i) return Problems.badRequest(i.errors());
        if (outcome instanceof OutsideScope o) {
            return Problems.outsideScope(o.codeScheme(), o.provinceCode(), o.province()).orElseThrow();
        }
        Stored stored = (Stored) outcome;
        return ResponseEntity.created(URI.create(created + stored.id())).contentType(MediaType.APPLICATION_JSON).body(stored.json());
    }
}
