package vn.chuyenhoa.http;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;


/**
 * Every error leaves as problem details. Spring's own errors (wrong method, media type, missing body…) keep their
 * status; a parameter of the wrong type names the parameter; anything unexpected is logged and answered without
 * internals.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, status, request);
        if (r != null && r.getBody() instanceof ProblemDetail p) {
            p.setProperty("titleVi", "Yêu cầu không được chấp nhận");
            HttpHeaders h = new HttpHeaders();
            h.putAll(r.getHeaders());
            h.setContentType(Problems.PROBLEM);
            return new ResponseEntity<>(p, h, r.getStatusCode());
        }
        return r;
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldProblem(ex.getParameterName(), "required", "The parameter " + ex.getParameterName() + " is required.",
                "Thiếu tham số " + ex.getParameterName() + ".");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return fieldProblem(ex.getName(), "invalid_value", "The parameter " + ex.getName() + " has an invalid value.",
                "Tham số " + ex.getName() + " có giá trị không hợp lệ.");
    }


    /** A multipart body the container cannot split (no boundary, cut short): nothing of it was read. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(org.springframework.web.multipart.MultipartException ex) {
        ResponseEntity<ProblemDetail> r = Problems.of(HttpStatus.BAD_REQUEST, "unreadable-multipart",
                "The multipart body cannot be read", "Không đọc được nội dung multipart",
                "The body is not multipart/form-data with a boundary parameter and parts separated by it.");
        r.getBody().setProperty("detailVi",
                "Nội dung không phải multipart/form-data có tham số boundary và các phần được ngăn cách bởi nó.");
        return r;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", "Lỗi nội bộ",
                "The service failed to answer; the error was logged.");
    }

    private ResponseEntity<Object> fieldProblem(String field, String code, String en, String vi) {
        ResponseEntity<ProblemDetail> r = Problems.badRequest(List.of(new FieldError(field, code, en, vi)));
        return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders()).body(r.getBody());
    }
}
