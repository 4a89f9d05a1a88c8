package vn.chuyenhoa.http;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that Tomcat refuses by itself, before any servlet runs (an encoded slash in the path, a request line it
 * cannot parse), are answered as problem details too, in the service's own shape (a urn type, English and Vietnamese),
 * not with Tomcat's HTML error page: a client of this API should never have to parse anything else. Runs after Spring Boot's own customizer, whose plain error report valve it
 * replaces.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    /** The methods the endpoints take, for a method Tomcat refuses itself (CONNECT): no address takes it. */
    static final String OFFERED_METHODS = "GET, HEAD, POST, PUT, OPTIONS";

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve v : pipeline.getValves()) {
                if (v instanceof ErrorReportValve) pipeline.removeValve(v);
            }
            pipeline.addValve(new ProblemReportValve());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Writes what Tomcat would have written as HTML, as RFC 9457 JSON, revealing nothing of the request. */
    public static class ProblemReportValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // an answer the application already wrote, or no error at all: nothing to add
            if (status < 400 || response.getContentWritten() > 0) return;
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) return;
            if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
                // Tomcat answers CONNECT itself, before any filter: a method this service does not offer, like any other
                status = HttpStatus.METHOD_NOT_ALLOWED.value();
                response.setStatus(status);
                response.setHeader("Allow", OFFERED_METHODS);
            }
            ProblemDetail p = problem(status).getBody();
            // a status HTTP does not name is answered as the nearest one it does, on the status line as in the body
            response.setStatus(p.getStatus());
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("type", p.getType().toString());
            members.put("title", p.getTitle());
            members.put("status", p.getStatus());
            members.put("detail", p.getDetail());
            members.putAll(p.getProperties());
            try {
                response.setContentType(Problems.PROBLEM.toString());
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(members));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response was committed meanwhile: nothing more can be sent
            }
        }

        /**
         * The problem for a status Tomcat set itself. It tells no cause, so the text says what can cause it: Tomcat 11
         * answers every request it cannot parse (a request line or headers too large among them) with 400, a version
         * it does not speak with 505, and a failure that escaped the application with 500; any other status is told
         * as itself.
         */
        static ResponseEntity<ProblemDetail> problem(int status) {
            HttpStatus known = HttpStatus.resolve(status);
            if (known == null) known = status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
            return switch (known) {
                case BAD_REQUEST -> Problems.of(known, "malformed-request", "The request is not valid HTTP",
                        "Yêu cầu không đúng giao thức HTTP",
                        "The server refused the request before reading it: its request line or headers are not valid"
                                + " HTTP (a character not allowed in the address, a percent-encoding that is invalid or"
                                + " encodes a slash, a missing or repeated Host, a request line or headers larger than"
                                + " the server reads). Nothing was done.",
                        "Máy chủ từ chối yêu cầu trước khi đọc: dòng yêu cầu hoặc các header không đúng giao thức HTTP"
                                + " (ký tự không được phép trong địa chỉ, mã hóa phần trăm sai hoặc mã hóa dấu gạch chéo,"
                                + " thiếu hoặc lặp header Host, dòng yêu cầu hoặc các header lớn hơn mức máy chủ đọc)."
                                + " Không có gì được thực hiện.");
                case METHOD_NOT_ALLOWED -> Problems.of(known, "method-not-allowed", "Method not allowed",
                        "Phương thức không được hỗ trợ", "The service does not offer this method; Allow lists those it does.",
                        "Dịch vụ không hỗ trợ phương thức này; header Allow liệt kê các phương thức được hỗ trợ.");
                case HTTP_VERSION_NOT_SUPPORTED -> Problems.of(known, "http-version-not-supported",
                        "HTTP version not supported", "Phiên bản HTTP không được hỗ trợ",
                        "The service speaks HTTP/1.1 (and HTTP/1.0); the request named another version.",
                        "Dịch vụ dùng HTTP/1.1 (và HTTP/1.0); yêu cầu nêu một phiên bản khác.");
                case INTERNAL_SERVER_ERROR -> Problems.internal();
                default -> Problems.refused(known);
            };
        }
    }
}
