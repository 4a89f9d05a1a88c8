package vn.chuyenhoa.http;

import java.util.List;
import java.util.UUID;

/**
 * What became of a submitted body (a screening, a monitoring report) as both the API and the officer's upload page
 * answer it; each kind is one answer of the API (201, 400, 403, 503), so the two cannot drift apart.
 */
public sealed interface Submission permits Submission.Stored, Submission.Invalid, Submission.OutsideScope,
        Submission.RulesUnavailable {

    record Stored(UUID id, String json) implements Submission {}

    /** @param errors one per bad field, as the API lists them */
    record Invalid(List<FieldError> errors) implements Submission {}

    /** The body is about a province the caller does not hold; nothing was stored. */
    record OutsideScope(String codeScheme, String provinceCode, String provinceName) implements Submission {

        public String province() {
            return (provinceName == null ? "" : provinceName + " ") + "(" + codeScheme + ":" + provinceCode + ")";
        }
    }

    record RulesUnavailable() implements Submission {}
}
