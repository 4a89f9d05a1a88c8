package vn.chuyenhoa.http;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import vn.chuyenhoa.access.Caller;

/**
 * RFC 9457 problem details, in the one shape every endpoint uses, with Vietnamese beside English. Every problem is
 * built here, and none without its Vietnamese title and detail: a caller showing {@code detailVi} to an officer never
 * finds it missing.
 */
public final class Problems {

    public static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {}

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String type, String title, String titleVi,
                                                   String detail, String detailVi) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, printable(detail));
        p.setType(URI.create("urn:chuyenhoa:problem:" + type));
        p.setTitle(title);
        p.setProperty("titleVi", titleVi);
        p.setProperty("detailVi", printable(detailVi));
        return ResponseEntity.status(status).contentType(PROBLEM).body(p);
    }

    public static ResponseEntity<ProblemDetail> badRequest(List<FieldError> errors) {
        boolean one = errors.size() == 1;
        ResponseEntity<ProblemDetail> r = of(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                "Yêu cầu không hợp lệ", one ? errors.get(0).message() : errors.size() + " fields are not valid; see errors.",
                one ? errors.get(0).messageVi() : errors.size() + " trường không hợp lệ; xem errors.");
        r.getBody().setProperty("errors", errors);
        return r;
    }

    /** A refusal with nothing more to say than its status. */
    static ResponseEntity<ProblemDetail> refused(HttpStatus status) {
        return of(status, "refused", status.getReasonPhrase(), "Yêu cầu không được chấp nhận",
                "The service does not accept this request (" + status.value() + " " + status.getReasonPhrase() + ").",
                "Dịch vụ không chấp nhận yêu cầu này (mã " + status.value() + ").");
    }

    /** A failure of the service, logged where it happened; nothing of it is told. */
    static ResponseEntity<ProblemDetail> internal() {
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", "Lỗi nội bộ",
                "The service failed to answer; the error was logged.", "Dịch vụ gặp lỗi khi trả lời; lỗi đã được ghi lại.");
    }

    /** Seconds a caller is asked to wait before trying again when the database cannot be reached. */
    static final int RETRY_AFTER_SECONDS = 30;

    /**
     * The database cannot be reached (down, restarting, a failover): nothing was stored, and the same request can be
     * sent again as it is, with its Idempotency-Key if it had one. 503 rather than 500: it is not a fault of the
     * service, and a caller's retry logic and 5xx alerting can tell the two apart.
     */
    static ResponseEntity<ProblemDetail> databaseUnavailable() {
        ResponseEntity<ProblemDetail> r = of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "The database cannot be reached", "Không kết nối được cơ sở dữ liệu",
                "The service cannot reach its database just now; nothing was stored. Send the same request again"
                        + " after Retry-After seconds.",
                "Dịch vụ tạm thời không kết nối được cơ sở dữ liệu; chưa có gì được lưu. Hãy gửi lại đúng yêu cầu"
                        + " này sau số giây ghi ở Retry-After.");
        return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(r.getBody());
    }

    /** The ruleset in force lacks the rules an endpoint needs (an older stored version serving as a fallback). */
    static ResponseEntity<ProblemDetail> rulesUnavailable(String what, String whatVi) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "rules-unavailable", "The ruleset in force has no " + what + " rules",
                "Bộ quy tắc đang áp dụng chưa có quy tắc " + whatVi, "The ruleset version in force was stored before the "
                        + what + " rules existed; fix the rule files so that the current version loads (see GET /api/v1/ruleset).",
                "Phiên bản bộ quy tắc đang áp dụng được lưu trước khi có quy tắc " + whatVi + "; hãy sửa các tệp quy tắc"
                        + " để phiên bản hiện hành nạp được (xem GET /api/v1/ruleset).");
    }

    public static ResponseEntity<ProblemDetail> notFound(String detail, String detailVi) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", "Không tìm thấy", detail, detailVi);
    }

    /**
     * The province scope of an endpoint whose province is in the body, where the URL rules of AccessConfig cannot
     * see it: checked once the body is parsed (a bad body is a 400 first) and before anything is stored.
     *
     * @param province the province as sentences name it, {@code AreaDirectory.provinceLabel}: the caller's own
     *                 provinces are said the same way in the same sentence
     * @return the 403 to send, or empty when the caller may act in the province
     */
    public static Optional<ResponseEntity<ProblemDetail>> outsideScope(String codeScheme, String provinceCode, String province) {
        Caller caller = Caller.current().orElseThrow(() -> new IllegalStateException("no authenticated caller on this request"));
        if (caller.covers(codeScheme, provinceCode)) return Optional.empty();
        ResponseEntity<ProblemDetail> r = of(HttpStatus.FORBIDDEN, "outside-scope", "Outside your provinces",
                "Ngoài phạm vi tỉnh được giao", caller.outsideEn(province), caller.outsideVi(province));
        r.getBody().setProperty("codeScheme", codeScheme);
        r.getBody().setProperty("provinceCode", provinceCode);
        return Optional.of(r);
    }

    /**
     * What a caller sent, echoed in a detail, without the control characters that could garble a log or a page (a line
     * break or tab of a longer message stays).
     */
    static String printable(String text) {
        return text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "?");
    }
}
