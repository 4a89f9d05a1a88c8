package vn.chuyenhoa.http;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import vn.chuyenhoa.kernel.DatabaseOutage;


/**
 * Every error leaves as problem details. Spring's own errors (wrong method, media type, missing body…) keep their
 * status; a parameter of the wrong type names the parameter; a database that cannot be reached is 503 with
 * Retry-After ({@link DatabaseOutage} tells the log); anything else unexpected is logged and answered without internals.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final DatabaseOutage outage;

    ProblemAdvice(DatabaseOutage outage) {
        this.outage = outage;
    }

    /**
     * Spring's own refusals, rebuilt as this service's problems: Spring's text would name its internals ("No static
     * resource …") and has no Vietnamese. The status and headers (Allow, Accept) stay Spring's.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest s && s.getResponse() != null && s.getResponse().isCommitted()) {
            return null; // too late to answer anything else
        }
        ResponseEntity<ProblemDetail> p = problem(ex, HttpStatus.valueOf(status.value()));
        HttpHeaders h = new HttpHeaders();
        h.putAll(headers);
        h.setContentType(Problems.PROBLEM);
        return new ResponseEntity<>(p.getBody(), h, p.getStatusCode());
    }

    private static ResponseEntity<ProblemDetail> problem(Exception ex, HttpStatus status) {
        if (ex instanceof NoResourceFoundException) {
            return Problems.notFound("There is nothing at this address.", "Không có gì ở địa chỉ này.");
        }
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            return Problems.of(status, "method-not-allowed", "Method not allowed", "Phương thức không được hỗ trợ",
                    "This address does not take the method " + e.getMethod() + "; Allow lists those it takes.",
                    "Địa chỉ này không nhận phương thức " + e.getMethod() + "; header Allow liệt kê các phương thức được nhận.");
        }
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            String sent = e.getContentType() == null ? null : e.getContentType().toString();
            String supported = listed(e.getSupportedMediaTypes());
            return Problems.of(status, "unsupported-media-type", "Unsupported media type", "Kiểu dữ liệu không được hỗ trợ",
                    (sent == null ? "The request has no Content-Type" : "The Content-Type " + sent + " is not read here")
                            + "; send the body as " + supported + ".",
                    (sent == null ? "Yêu cầu thiếu Content-Type" : "Content-Type " + sent + " không được đọc ở đây")
                            + "; hãy gửi nội dung dạng " + supported + ".");
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException e) {
            String offered = e.getSupportedMediaTypes().isEmpty() ? "application/json" : listed(e.getSupportedMediaTypes());
            return Problems.of(status, "not-acceptable", "Not acceptable", "Không có định dạng được chấp nhận",
                    "None of the media types in Accept is answered here; accept " + offered + ".",
                    "Không kiểu dữ liệu nào trong Accept được trả lời ở đây; hãy nhận " + offered + ".");
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return Problems.of(status, "content-too-large", "The body is too large", "Nội dung quá lớn",
                    "The body is larger than the service reads.", "Nội dung lớn hơn mức dịch vụ đọc.");
        }
        if (ex instanceof MissingRequestHeaderException e) {
            return Problems.badRequest(List.of(new FieldError(e.getHeaderName(), "required",
                    "The header " + e.getHeaderName() + " is required.", "Thiếu header " + e.getHeaderName() + ".")));
        }
        if (ex instanceof MissingServletRequestPartException e) {
            return Problems.badRequest(List.of(new FieldError(e.getRequestPartName(), "required",
                    "The part " + e.getRequestPartName() + " is required.",
                    "Thiếu phần " + e.getRequestPartName() + " của nội dung multipart.")));
        }
        if (status == HttpStatus.BAD_REQUEST) {
            // what Spring could not read is the body, which names no field of its own
            return Problems.badRequest(List.of(new FieldError(null, "unreadable_body",
                    "The request body cannot be read as this operation expects.",
                    "Không đọc được nội dung yêu cầu theo dạng thao tác này cần.")));
        }
        return Problems.refused(status);
    }

    private static String listed(List<MediaType> types) {
        return String.join(", ", types.stream().map(MediaType::toString).toList());
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
                "The body is not multipart/form-data with a boundary parameter and parts separated by it.",
                "Nội dung không phải multipart/form-data có tham số boundary và các phần được ngăn cách bởi nó.");
        // the body is what is wrong, and it names no field of its own
        r.getBody().setProperty("errors", List.of(new FieldError(null, "unreadable_multipart",
                "The multipart body cannot be split into parts.", "Không tách được nội dung multipart thành các phần.")));
        return r;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
        // a database that cannot be reached is said once for the outage, not with a stack trace per request
        if (outage.refused(request.getMethod() + " " + request.getRequestURI(), ex)) return Problems.databaseUnavailable();
        log.error("Unexpected error", ex);
        return Problems.internal();
    }

    private ResponseEntity<Object> fieldProblem(String field, String code, String en, String vi) {
        ResponseEntity<ProblemDetail> r = Problems.badRequest(List.of(new FieldError(field, code, en, vi)));
        return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders()).body(r.getBody());
    }
}
