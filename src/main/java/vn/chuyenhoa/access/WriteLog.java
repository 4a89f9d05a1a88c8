package vn.chuyenhoa.access;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;


/**
 * One line in the log (logger {@code vn.chuyenhoa.writes}, so an operator can route it apart) per request that writes: who, what (method and path, which
 * names the record changed), the answer's status and the id of what it made (from Location). Never the body: the
 * facts sent stay in the database, behind its roles. Placed in the security chain after authorization, so it knows
 * who the caller is and sees refused writes too.
 */
final class WriteLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("vn.chuyenhoa.writes");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        String who = Caller.of(signedIn).map(Caller::username).orElse("anonymous");
        try {
            chain.doFilter(request, response);
        } finally {
            String location = response.getHeader("Location");
            String id = location == null ? null : location.substring(location.lastIndexOf('/') + 1);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            log.atInfo().addKeyValue("who", who)
                    .addKeyValue("action", request.getMethod() + " " + path)
                    .addKeyValue("status", response.getStatus())
                    .addKeyValue("id", id)
                    .log("write by {}: {} {} -> {}{}", who, request.getMethod(),
                            path, response.getStatus(), id == null ? "" : " id=" + id);
        }
    }
}
