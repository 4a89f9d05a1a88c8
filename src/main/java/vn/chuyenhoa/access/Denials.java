package vn.chuyenhoa.access;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import vn.chuyenhoa.area.AreaDirectory;

/**
 * The answers to "who are you?" and "you may not": RFC 9457 problems for the API, the login form or a page in the
 * reader's language for people.
 */
class Denials implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AreaDirectory areas;
    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

    Denials(AreaDirectory areas, ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.areas = areas;
        this.mappings = mappings;
    }

    /**
     * Names the endpoint a refused request was for in its metrics ({@code http_server_requests}'s {@code uri}), which
     * Spring MVC does once it finds the handler: a refusal here comes before Spring MVC, so without this every 401 and
     * 403 is labelled {@code UNKNOWN}, and the refusals of /actuator/prometheus cannot be told from any others. Finding
     * the handler is what labels it (the request mapping puts its pattern on the request's observation); a request
     * no mapping takes stays UNKNOWN, so the labels stay the service's own addresses, never what a caller typed.
     */
    private void nameEndpoint(HttpServletRequest request) {
        for (RequestMappingInfoHandlerMapping mapping : mappings.orderedStream().toList()) {
            try {
                if (mapping.getHandler(request) != null) return;
            } catch (Exception e) {
                // the address is mapped for other methods: unlabelled, as before
            }
        }
    }

    /** Machine-facing addresses, which never get a login form or an HTML page. */
    static boolean api(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (api(request)) {
            unauthenticated(request, response, "Sign in, or send Authorization: Bearer <token> issued by an administrator.",
                    "Cần đăng nhập, hoặc gửi Authorization: Bearer <mã truy cập> do quản trị viên cấp.");
        } else {
            response.sendRedirect(request.getContextPath() + "/login");
        }
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, String detail, String detailVi)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"chuyenhoa\"");
        write(request, response, 401, "unauthenticated", "Authentication required", "Cần xác thực", detail, detailVi);
    }

    /** A refusal for the province in the path alone: the caller's role would do, in their own provinces. */
    record OutsideProvince(String codeScheme, String provinceCode) implements AuthorizationResult {
        @Override
        public boolean isGranted() {
            return false;
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        if (e instanceof AuthorizationDeniedException d && d.getAuthorizationResult() instanceof OutsideProvince o) {
            outside(request, response, o);
            return;
        }
        boolean csrf = e instanceof CsrfException;
        String detail = csrf
                ? "The form or request lacks its CSRF token (reload the page and try again; API callers use a bearer token)."
                : "Your account's roles do not allow " + request.getMethod() + " " + request.getRequestURI() + ".";
        String detailVi = csrf
                ? "Biểu mẫu hoặc yêu cầu thiếu mã CSRF (tải lại trang rồi thử lại; hệ thống gọi API dùng mã truy cập)."
                : "Vai trò của tài khoản không được phép " + request.getMethod() + " " + request.getRequestURI() + ".";
        if (!csrf && !api(request)) {
            // a person is told which page, by its title, not the method and address
            request.setAttribute("chuyenhoa.denied.page", pageTitleKey(request));
            request.setAttribute("chuyenhoa.denied.form", !"GET".equals(request.getMethod()));
        }
        if (api(request)) {
            write(request, response, 403, csrf ? "csrf" : "forbidden", csrf ? "CSRF token missing or wrong" : "Forbidden",
                    csrf ? "Thiếu hoặc sai mã CSRF" : "Không có quyền", detail, detailVi);
        } else {
            request.setAttribute("chuyenhoa.denied.vi", detailVi);
            request.setAttribute("chuyenhoa.denied.en", detail);
            response.setStatus(403);
            request.getRequestDispatcher("/access-denied").forward(request, response);
        }
    }

    /** The answer Problems.outsideScope gives once a body names the province, here for the one in the path. */
    private void outside(HttpServletRequest request, HttpServletResponse response, OutsideProvince o)
            throws IOException, ServletException {
        Caller caller = Caller.current().orElseThrow(() -> new IllegalStateException("refused for a province, yet no caller"));
        String province = areas.provinceLabel(o.codeScheme(), o.provinceCode());
        if (api(request)) {
            write(request, response, 403, "outside-scope", "Outside your provinces", "Ngoài phạm vi tỉnh được giao",
                    caller.outsideEn(province), caller.outsideVi(province),
                    Map.of("codeScheme", o.codeScheme(), "provinceCode", o.provinceCode()));
        } else {
            request.setAttribute("chuyenhoa.denied.vi", caller.outsideVi(province));
            request.setAttribute("chuyenhoa.denied.en", caller.outsideEn(province));
            response.setStatus(403);
            request.getRequestDispatcher("/access-denied").forward(request, response);
        }
    }

    /** The pages a role can be refused, each by the message key of the title it shows; more specific first. */
    private static final List<Map.Entry<Pattern, String>> PAGES = List.of(
            Map.entry(Pattern.compile("/rulesets/upload"), "upload.title"),
            Map.entry(Pattern.compile("/rulesets/[^/]+/activate"), "activate.title"),
            Map.entry(Pattern.compile("/rulesets/[^/]+/impact|/impact-jobs/.*"), "impact.title"),
            Map.entry(Pattern.compile("/rulesets(/.*)?"), "rulesets.title"),
            Map.entry(Pattern.compile("/admin(/.*)?"), "admin.title"),
            Map.entry(Pattern.compile("/evaluations/new"), "form.evaluate.title"),
            Map.entry(Pattern.compile("/evaluations(/.*)?|/evaluations\\.(csv|xlsx)"), "evaluations.title"),
            Map.entry(Pattern.compile("/screenings/(new|form)"), "submit.screening.title"),
            Map.entry(Pattern.compile("/screenings(/.*)?"), "list.screenings.title"),
            Map.entry(Pattern.compile("/monitoring-reports/(new|form)"), "submit.monitoring.title"),
            Map.entry(Pattern.compile("/monitoring-reports(/.*)?"), "list.monitoring.title"),
            Map.entry(Pattern.compile("/programmes/[^/]+/[^/]+/facts-sheet(/.*)?"), "sheet.title"),
            Map.entry(Pattern.compile("/programmes(/.*)?"), "programme.title"),
            Map.entry(Pattern.compile("/audit(/.*)?"), "nav.audit"));

    /** The refused page's title key, or null for an address no page title names. */
    static String pageTitleKey(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PAGES.stream().filter(e -> e.getKey().matcher(path).matches()).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
                       String title, String titleVi, String detail, String detailVi) throws IOException {
        write(request, response, status, type, title, titleVi, detail, detailVi, Map.of());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
                       String title, String titleVi, String detail, String detailVi, Map<String, String> more)
            throws IOException {
        nameEndpoint(request);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "urn:chuyenhoa:problem:" + type);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", request.getRequestURI());
        p.put("titleVi", titleVi);
        p.put("detailVi", detailVi);
        p.putAll(more);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(p));
    }
}
