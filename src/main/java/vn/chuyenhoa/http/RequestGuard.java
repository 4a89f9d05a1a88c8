package vn.chuyenhoa.http;

import java.io.IOException;
import java.util.Set;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * What is wrong with a request before any part of the application reads it: a method the service does not offer
 * (CONNECT, TRACE, WebDAV's…: 405), a Content-Type that names no one type ({@code *}{@code /*}: 415), a query or form
 * that cannot be decoded or is larger than the container reads (400, 413). Each would otherwise surface wherever the
 * request is first read (the security filters, the language interceptor, a controller) as an exception nobody
 * expected, i.e. a 500. Runs first, after the character encoding is set, so every later reader sees a sound request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestGuard extends OncePerRequestFilter {

    /** What the endpoints use; OPTIONS answers which of them an address takes. */
    static final Set<String> OFFERED = Set.of("GET", "HEAD", "POST", "PUT", "OPTIONS");
    static final String ALLOW = "GET, HEAD, POST, PUT, OPTIONS";

    private final ObjectMapper json;

    RequestGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!OFFERED.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, ALLOW);
            refuse(response, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    "Phương thức không được hỗ trợ",
                    "The service does not offer the method " + printable(request.getMethod()) + ".",
                    "Dịch vụ không hỗ trợ phương thức " + printable(request.getMethod()) + ".");
            return;
        }
        String type = request.getContentType();
        if (type != null && !type.isBlank()) {
            boolean named;
            try {
                MediaType m = MediaType.parseMediaType(type);
                named = !m.isWildcardType() && !m.isWildcardSubtype();
            } catch (InvalidMediaTypeException e) {
                named = false;
            }
            if (!named) {
                refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                        "Content-Type names no media type", "Content-Type không nêu kiểu dữ liệu",
                        "The Content-Type '" + printable(type) + "' names no single media type; send e.g."
                                + " application/json or multipart/form-data.",
                        "Content-Type '" + printable(type) + "' không nêu một kiểu dữ liệu cụ thể; hãy gửi ví dụ"
                                + " application/json hoặc multipart/form-data.");
                return;
            }
        }
        if (request.getQueryString() != null || isForm(type)) {
            try {
                request.getParameterMap();
            } catch (InvalidParameterException e) {
                boolean tooLarge = e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
                refuse(response, tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
                        tooLarge ? "form-too-large" : "undecodable-parameters",
                        tooLarge ? "The form is too large" : "The query or form cannot be decoded",
                        tooLarge ? "Biểu mẫu quá lớn" : "Không giải mã được tham số",
                        tooLarge ? "The form data is larger than the service reads (2 MB); send large documents as"
                                + " a file (multipart/form-data) or as JSON."
                                : "A parameter of the address or form is not valid percent-encoded UTF-8.",
                        tooLarge ? "Dữ liệu biểu mẫu lớn hơn mức dịch vụ đọc (2 MB); hãy gửi tài liệu lớn dưới dạng"
                                + " tệp (multipart/form-data) hoặc JSON."
                                : "Một tham số của địa chỉ hoặc biểu mẫu không được mã hóa phần trăm UTF-8 hợp lệ.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(String type) {
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String type, String title, String titleVi,
                        String detail, String detailVi) throws IOException {
        ProblemDetail p = Problems.of(status, type, title, titleVi, detail, detailVi).getBody();
        response.setStatus(status.value());
        response.setContentType(Problems.PROBLEM.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(p));
    }

    // what the caller sent, echoed without control characters or length that could garble a log or a page
    private static String printable(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }
}
