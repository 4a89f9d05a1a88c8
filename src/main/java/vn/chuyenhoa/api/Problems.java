package vn.chuyenhoa.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem details, in the one shape every endpoint uses, with Vietnamese beside English. */
final class Problems {

    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {}

    static ResponseEntity<ProblemDetail> of(HttpStatus status, String type, String title, String titleVi, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:chuyenhoa:problem:" + type));
        p.setTitle(title);
        p.setProperty("titleVi", titleVi);
        return ResponseEntity.status(status).contentType(PROBLEM).body(p);
    }

    static ResponseEntity<ProblemDetail> badRequest(List<FieldError> errors) {
        ResponseEntity<ProblemDetail> r = of(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                "Yêu cầu không hợp lệ", errors.size() == 1 ? errors.get(0).message()
                        : errors.size() + " fields are not valid; see errors.");
        r.getBody().setProperty("errors", errors);
        return r;
    }

    /** The ruleset in force lacks the rules an endpoint needs (an older stored version serving as a fallback). */
    static ResponseEntity<ProblemDetail> rulesUnavailable(String what, String whatVi) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "rules-unavailable", "The ruleset in force has no " + what + " rules",
                "Bộ quy tắc đang áp dụng chưa có quy tắc " + whatVi, "The ruleset version in force was stored before the "
                        + what + " rules existed; fix the rule files so that the current version loads (see GET /api/v1/ruleset).");
    }

    static ResponseEntity<ProblemDetail> notFound(String what) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", "Không tìm thấy", what);
    }
}
