package vn.chuyenhoa.ruleset;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.chuyenhoa.kernel.Numbers;
import vn.chuyenhoa.web.FormError;
import vn.chuyenhoa.web.PageAdvice;

/**
 * Files over the request limits (spring.servlet.multipart.*) sent from the upload page are answered with the upload
 * page, 413, saying the limits, as every other refused upload is answered there. The container refuses such a body
 * wherever it is first read: for a page that is the security filters reading the form's CSRF field, so the refusal
 * would escape every page advice and leave as the container's problem JSON. Here it is read first, before the
 * security filters; a refused body was never read, so nothing changes and no CSRF check is needed to say so. The
 * page is rendered without the signed-in user (whose session is not yet read at this point).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // after the request guard (http.RequestGuard), before the security filters
class UploadTooLarge extends OncePerRequestFilter {

    static final String PAGE = "/rulesets/upload";

    private final ThymeleafViewResolver views;
    private final LocaleResolver locales;
    private final DataSize perFile;
    private final DataSize perRequest;
    private final long ruleFile;

    UploadTooLarge(ThymeleafViewResolver views, LocaleResolver locales,
                   @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize perFile,
                   @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize perRequest,
                   @Value("${chuyenhoa.ruleset.max-file-bytes:5242880}") long ruleFile) {
        this.views = views;
        this.locales = locales;
        this.perFile = perFile;
        this.perRequest = perRequest;
        this.ruleFile = ruleFile;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || !PAGE.equals(request.getRequestURI())
                || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts(); // what every later reader gets, parsed once
        } catch (IllegalStateException e) {
            if (tooLarge(e)) {
                answer(request, response);
                return;
            }
            // anything else about the body is answered where it is read, as before
        } catch (ServletException | IOException e) {
            // a body that is no multipart form, or a broken one (no boundary, cut short): the container keeps the
            // failure, and whoever reads the form next answers it as before this filter (a 4xx, never a 500)
        }
        chain.doFilter(request, response);
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SizeException) return true;
            if (t instanceof InvalidParameterException p && p.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) return true;
        }
        return false;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString();
        Locale locale = query != null && query.matches("(.*&)?lang=en(&.*)?") ? Locale.ENGLISH : locales.resolveLocale(request);
        boolean english = "en".equals(locale.getLanguage());
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(locale));
        Map<String, Object> model = new HashMap<>();
        model.put("en", english);
        model.put("path", request.getRequestURI());
        model.put("langVi", PageAdvice.languageLink(PAGE, "vi"));
        model.put("langEn", PageAdvice.languageLink(PAGE, "en"));
        PageAdvice.signedIn(model::put);
        model.put("errors", List.of(new FormError("files",
                "Tệp quá lớn (tối đa " + Numbers.format(perFile.toMegabytes(), true) + " MB một tệp, "
                        + Numbers.format(perRequest.toMegabytes(), true) + " MB một lần tải lên); không có gì được đọc hay thay đổi."
                        + " Một bảng quy tắc không quá " + RulesetValidator.size(ruleFile, true) + ": hãy chọn đúng tệp bảng đã sửa.",
                "The files are too large (at most " + Numbers.format(perFile.toMegabytes(), false) + " MB a file, "
                        + Numbers.format(perRequest.toMegabytes(), false) + " MB an upload); nothing was read or changed."
                        + " A rule table is at most " + RulesetValidator.size(ruleFile, false) + ": choose the edited table file.")));
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        try {
            View view = views.resolveViewName("ruleset-upload", locale);
            view.render(model, request, response);
        } catch (Exception e) {
            throw new IOException("the upload page could not be rendered", e);
        }
    }
}
