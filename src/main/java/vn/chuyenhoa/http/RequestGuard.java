package vn.chuyenhoa.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

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
 * What is wrong with a request before any part of the application reads it: a Content-Type sent twice (400) or that names no one type ({@code *}{@code /*}: 415),
 * JSON said to be in a charset other than UTF-8 (415), a query or form that cannot be decoded or is larger than the
 * container reads (400, 413). Each would otherwise surface wherever the
 * request is first read (the security filters, the language interceptor, a controller) as an exception nobody
 * expected, i.e. a 500. Runs first, after the character encoding is set, so every later reader sees a sound request.
 * A method is not judged here: whether the address exists decides between 404 and 405, and who is signed in between
 * those and 401, which the table of who reaches what (access) and Spring MVC answer for every method alike.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestGuard extends OncePerRequestFilter {

    private final ObjectMapper json;

    RequestGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (twice(request, HttpHeaders.CONTENT_TYPE)) {
            // Tomcat would read the first, a proxy in front of it perhaps the last: which one the body is, is unknown
            write(response, Problems.badRequest(List.of(new FieldError(HttpHeaders.CONTENT_TYPE, "repeated_header",
                    "The header Content-Type is sent more than once; send it once.",
                    "Header Content-Type được gửi nhiều lần; hãy gửi một lần."))).getBody());
            return;
        }
        if (type != null && !type.isBlank()) {
            MediaType m;
            try {
                m = MediaType.parseMediaType(type);
            } catch (InvalidMediaTypeException e) {
                m = null;
            }
            if (m == null || m.isWildcardType() || m.isWildcardSubtype()) {
                refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                        "Content-Type names no media type", "Content-Type không nêu kiểu dữ liệu",
                        "The Content-Type '" + printable(type) + "' names no single media type; send e.g."
                                + " application/json or multipart/form-data.",
                        "Content-Type '" + printable(type) + "' không nêu một kiểu dữ liệu cụ thể; hãy gửi ví dụ"
                                + " application/json hoặc multipart/form-data.");
                return;
            }
            if (isJson(m) && m.getCharset() != null && !StandardCharsets.UTF_8.equals(m.getCharset())) {
                // RFC 8259 §8.1: JSON exchanged between systems is UTF-8; a body said to be in another charset would
                // be read as something its sender did not mean
                refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                        "JSON is read in UTF-8 only", "JSON chỉ được đọc ở mã UTF-8",
                        "The service reads JSON encoded in UTF-8 only (RFC 8259), not in " + m.getCharset().name()
                                + "; send the body in UTF-8 as application/json or application/json; charset=utf-8.",
                        "Dịch vụ chỉ đọc JSON mã hóa UTF-8 (RFC 8259), không đọc mã " + m.getCharset().name()
                                + "; hãy gửi nội dung ở mã UTF-8 với application/json hoặc application/json; charset=utf-8.");
                return;
            }
        }
        if (request.getQueryString() != null || isForm(type)) {
            try {
                request.getParameterMap();
            } catch (InvalidParameterException e) {
                boolean tooLarge = e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
                ProblemDetail p = problem( tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
                        tooLarge ? "form-too-large" : "undecodable-parameters",
                        tooLarge ? "The form is too large" : "The query or form cannot be decoded",
                        tooLarge ? "Biểu mẫu quá lớn" : "Không giải mã được tham số",
                        tooLarge ? "The form data is larger than the service reads (2 MB); send large documents as"
                                + " a file (multipart/form-data) or as JSON."
                                : "A parameter of the address or form is not valid percent-encoded UTF-8.",
                        tooLarge ? "Dữ liệu biểu mẫu lớn hơn mức dịch vụ đọc (2 MB); hãy gửi tài liệu lớn dưới dạng"
                                + " tệp (multipart/form-data) hoặc JSON."
                                : "Một tham số của địa chỉ hoặc biểu mẫu không được mã hóa phần trăm UTF-8 hợp lệ.");
                if (!tooLarge) p.setProperty("errors", undecodable(request.getQueryString()));
                write(response, p);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The header is sent more than once (a header it is not sent at all is not). */
    private static boolean twice(HttpServletRequest request, String header) {
        Enumeration<String> values = request.getHeaders(header);
        if (!values.hasMoreElements()) return false;
        values.nextElement();
        return values.hasMoreElements();
    }

    /** application/json and its kin (application/problem+json, …): all JSON, so all UTF-8. */
    private static boolean isJson(MediaType m) {
        return "application".equals(m.getType()) && ("json".equals(m.getSubtype()) || m.getSubtype().endsWith("+json"));
    }

    private static boolean isForm(String type) {
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /**
     * Each parameter of the query that is not percent-encoded UTF-8, by its name (null when the name itself is not);
     * when the query is sound, the form body is what could not be decoded, and it names no field.
     */
    static List<FieldError> undecodable(String query) {
        List<FieldError> errors = new ArrayList<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            Optional<String> name = decoded(eq < 0 ? pair : pair.substring(0, eq));
            if (name.isPresent() && (eq < 0 || decoded(pair.substring(eq + 1)).isPresent())) continue;
            String shown = name.map(n -> Shown.clip(Problems.printable(n))).orElse(null);
            errors.add(new FieldError(shown, "undecodable",
                    (shown == null ? "A parameter's name" : "The value of " + shown)
                            + " is not valid percent-encoded UTF-8.",
                    (shown == null ? "Tên một tham số" : "Giá trị của " + shown)
                            + " không được mã hóa phần trăm UTF-8 hợp lệ."));
        }
        if (errors.isEmpty()) {
            errors.add(new FieldError(null, "undecodable", "The form body is not valid percent-encoded UTF-8.",
                    "Nội dung biểu mẫu không được mã hóa phần trăm UTF-8 hợp lệ."));
        }
        return errors;
    }

    private static Optional<String> decoded(String encoded) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) return Optional.empty();
                int hi = Character.digit(encoded.charAt(i + 1), 16), lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return Optional.empty();
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String type, String title, String titleVi,
                        String detail, String detailVi) throws IOException {
        write(response, problem(status, type, title, titleVi, detail, detailVi));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String titleVi, String detail,
                                         String detailVi) {
        return Problems.of(status, type, title, titleVi, detail, detailVi).getBody();
    }

    private void write(HttpServletResponse response, ProblemDetail p) throws IOException {
        HttpStatus status = HttpStatus.valueOf(p.getStatus());
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
