package vn.chuyenhoa.web;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import vn.chuyenhoa.access.Caller;
import vn.chuyenhoa.kernel.DatabaseOutage;

/**
 * What every page shares (the language, the signed-in user) and what a page shows when a request
 * cannot be answered: a page in the reader's language, never a stack trace or the API's problem JSON.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final DatabaseOutage outage;

    PageAdvice(DatabaseOutage outage) {
        this.outage = outage;
    }

    @ModelAttribute
    void common(Model model, Locale locale, HttpServletRequest request) {
        model.addAttribute("en", "en".equals(locale.getLanguage()));
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("langVi", languageLink(request, "vi"));
        model.addAttribute("langEn", languageLink(request, "en"));
        signedIn(model::addAttribute);
    }

    /** The signed-in caller for the header: name, roles (which links to offer) and whether to offer signing out. */
    public static void signedIn(java.util.function.BiConsumer<String, Object> model) {
        Caller c = Caller.current().orElse(null);
        model.accept("caller", c);
        model.accept("currentUser", c == null ? null : c.displayName() + " (" + c.username() + ")");
    }

    /** The same page in another language: the address with its query, or, after a POST, the page it was posted from. */
    public static String languageLink(HttpServletRequest request, String lang) {
        org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder
                .fromPath(request.getRequestURI());
        if ("GET".equals(request.getMethod()) && request.getQueryString() != null) b.query(request.getQueryString());
        return b.replaceQueryParam("lang", lang).build().toUriString();
    }

    public static String languageLink(String path, String lang) {
        return path + "?lang=" + lang;
    }

    @ExceptionHandler(PageRefusal.class)
    ModelAndView refused(PageRefusal e, Locale locale, HttpServletRequest request) {
        return error(e.status, e.messageVi, e.messageEn, locale, request);
    }

    @ExceptionHandler(PageNotFound.class)
    ModelAndView notFound(PageNotFound e, Locale locale, HttpServletRequest request) {
        return error(HttpStatus.NOT_FOUND, e.messageVi, e.messageEn, locale, request);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView badParameter(Exception e, Locale locale, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return error(HttpStatus.BAD_REQUEST, "Giá trị của \"" + name + "\" không hợp lệ.",
                "The value of \"" + name + "\" is not valid.", locale, request);
    }

    @ExceptionHandler(BindException.class)
    ModelAndView badForm(BindException e, Locale locale, HttpServletRequest request) {
        String name = e.getFieldErrors().isEmpty() ? "?" : e.getFieldErrors().get(0).getField();
        return error(HttpStatus.BAD_REQUEST, "Giá trị của \"" + name + "\" không hợp lệ.",
                "The value of \"" + name + "\" is not valid.", locale, request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(Exception e, Locale locale, HttpServletRequest request) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "Tệp tải lên quá lớn.", "The uploaded files are too large.", locale, request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, Locale locale, HttpServletRequest request) {
        // Spring's own refusals (a method the page does not take, a media type it does not read) carry their 4xx
        if (e instanceof org.springframework.web.ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(refusal.getStatusCode().value());
            return error(status, "Yêu cầu không được chấp nhận (" + status.value() + ").",
                    "The request is not accepted (" + status.value() + " " + status.getReasonPhrase() + ").", locale, request);
        }
        if (outage.refused(request.getMethod() + " " + request.getRequestURI(), e)) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "Không kết nối được cơ sở dữ liệu; không có gì được lưu. Hãy thử lại sau ít phút.",
                    "The database cannot be reached just now; nothing was stored. Try again in a few minutes.", locale, request);
        }
        log.error("Page {} failed", request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Có lỗi không mong muốn; lỗi đã được ghi lại.",
                "Something unexpected went wrong; it has been logged.", locale, request);
    }

    public static ModelAndView error(HttpStatus status, String vi, String en, Locale locale, HttpServletRequest request) {
        ModelAndView mv = new ModelAndView("error-page", status);
        boolean english = "en".equals(locale.getLanguage());
        mv.addObject("en", english);
        mv.addObject("path", request.getRequestURI());
        mv.addObject("langVi", languageLink(request, "vi"));
        mv.addObject("langEn", languageLink(request, "en"));
        signedIn(mv::addObject);
        mv.addObject("status", status.value());
        mv.addObject("message", english ? en : vi);
        mv.addObject("messageOther", english ? vi : en);
        return mv;
    }
}
