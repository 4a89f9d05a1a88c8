package vn.chuyenhoa.http;

import java.io.IOException;
import java.io.Writer;
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
import org.springframework.stereotype.Component;

/**
 * Requests that Tomcat refuses by itself, before any servlet runs (an encoded slash in the path, a request line it
 * cannot parse), are answered as problem details too, not with Tomcat's HTML error page: a client of this API should
 * never have to parse anything else. Runs after Spring Boot's own customizer, whose plain error report valve it
 * replaces.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

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
                response.setHeader("Allow", RequestGuard.ALLOW);
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"The server refused the request before reading it.\""
                    + ",\"titleVi\":\"Yêu cầu không được chấp nhận\""
                    + ",\"detailVi\":\"Máy chủ từ chối yêu cầu trước khi đọc nó.\"}";
            try {
                response.setContentType(Problems.PROBLEM.toString());
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response was committed meanwhile: nothing more can be sent
            }
        }
    }
}
