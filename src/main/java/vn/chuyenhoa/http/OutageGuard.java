package vn.chuyenhoa.http;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.kernel.DatabaseOutage;

/**
 * A database that cannot be reached before any controller runs: a browser's session is read from the database by
 * Spring Session's filter, whose failure no controller advice sees, and would be a 500 with a stack trace for every
 * page while the database is down. Answered as the advice answers it (503, Retry-After, told to
 * {@link DatabaseOutage}). Runs right after {@link RequestGuard}, before the session filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class OutageGuard extends OncePerRequestFilter {

    private final DatabaseOutage outage;
    private final ObjectMapper json;

    OutageGuard(DatabaseOutage outage, ObjectMapper json) {
        this.outage = outage;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || !outage.refused(request.getMethod() + " " + request.getRequestURI(), e)) throw e;
            ResponseEntity<ProblemDetail> p = Problems.databaseUnavailable();
            response.reset();
            response.setStatus(p.getStatusCode().value());
            p.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            response.setContentType(Problems.PROBLEM.toString());
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(p.getBody()));
        }
    }
}
