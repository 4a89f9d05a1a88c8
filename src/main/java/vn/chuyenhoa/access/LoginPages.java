package vn.chuyenhoa.access;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import vn.chuyenhoa.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import vn.chuyenhoa.web.PageAdvice;

/** The sign-in form (Spring Security checks what it posts) and the page that says a role may not do something. */
@PageController
class LoginPages {

    private final AccountSeed seed;

    private final MessageSource messages;

    LoginPages(AccountSeed seed, MessageSource messages) {
        this.seed = seed;
        this.messages = messages;
    }

    @GetMapping("/login")
    String login(Model model, HttpServletRequest request) {
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("loggedOut", request.getParameter("logout") != null);
        model.addAttribute("locked", request.getParameter("locked") != null);
        // the published demo accounts, listed only where they exist (the local run), so a newcomer can sign in
        model.addAttribute("demoAccounts", seed.seeded().stream().filter(s -> s.password() != null
                && !s.username().startsWith("kiemthu")).toList());
        return "login";
    }

    /** Forwarded to by the access-denied handler, for any method the refused request had. */
    @RequestMapping("/access-denied")
    ModelAndView denied(Locale locale, HttpServletRequest request) {
        Object vi = request.getAttribute("chuyenhoa.denied.vi"), en = request.getAttribute("chuyenhoa.denied.en");
        if (request.getAttribute("chuyenhoa.denied.page") != null || request.getAttribute("chuyenhoa.denied.form") != null) {
            // the refused page by its title (or "this page"), never the method and address
            Object key = request.getAttribute("chuyenhoa.denied.page");
            String form = Boolean.TRUE.equals(request.getAttribute("chuyenhoa.denied.form")) ? "denied.form" : "denied.page";
            vi = words(form, key, Locale.forLanguageTag("vi"));
            en = words(form, key, Locale.ENGLISH);
        }
        return PageAdvice.error(HttpStatus.FORBIDDEN, vi != null ? vi.toString() : "Không có quyền.",
                en != null ? en.toString() : "Not allowed.", locale, request);
    }

    private String words(String sentence, Object pageKey, Locale locale) {
        String page = pageKey == null ? messages.getMessage("denied.thisPage", null, locale)
                : "«" + messages.getMessage(pageKey.toString(), null, locale) + "»";
        return messages.getMessage(sentence, new Object[] {page}, locale);
    }
}
