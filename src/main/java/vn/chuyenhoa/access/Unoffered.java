package vn.chuyenhoa.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request no role's permission is at stake in, because the service has nothing to give it: a method the address does
 * not take (PUT on the evaluations, DELETE or PATCH anywhere, OPTIONS anywhere), or an address the service does not
 * have at all, whatever the method. The table lets any signed-in caller through to Spring MVC, which answers 405 with
 * Allow (OPTIONS: Allow alone) or 404; without this the table's last line would deny it, and the caller would read
 * 403 "your roles do not allow" for a method nobody may use or a page nobody can reach. HEAD is a GET here, as Spring MVC serves it.
 *
 * <p>It is the table's last line before that denial, so a request some role line takes (every evaluation) never pays
 * for the scan; the lines written for an address therefore name the methods its controllers take, else they would
 * catch the wrong method first. Read from the request mappings themselves, on first use (they are complete only once
 * the context has started). Static files are served by other handler mappings: their addresses are open lines of the
 * table, met before this one.
 */
final class Unoffered implements RequestMatcher {

    private record Mapped(PathPattern pattern, Set<String> methods) {}

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;
    private volatile List<Mapped> mapped;

    Unoffered(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        for (Mapped m : mapped()) {
            if (m.pattern().matches(path) && (m.methods().isEmpty() || m.methods().contains(method))) return false;
        }
        return true;
    }

    private List<Mapped> mapped() {
        List<Mapped> m = mapped;
        if (m == null) {
            m = new ArrayList<>();
            for (RequestMappingInfoHandlerMapping mapping : mappings.orderedStream().toList()) {
                for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                    Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                            .collect(Collectors.toUnmodifiableSet());
                    for (String pattern : info.getPatternValues()) {
                        m.add(new Mapped(PathPatternParser.defaultInstance.parse(pattern), methods));
                    }
                }
            }
            mapped = m = List.copyOf(m);
        }
        return m;
    }
}
