package vn.chuyenhoa.access;

import java.io.IOException;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a person's session once an administrator has disabled the account or changed its roles or provinces: the
 * session keeps what was true at sign-in, and would otherwise let a disabled account work until it times out.
 * Tokens need no such check, since the live-token map is rebuilt on every change. Runs after Spring Security's chain
 * (a filter bean without an order), where the session's principal is known, and before any controller.
 */
@Component
class SessionCheck extends OncePerRequestFilter {

    private final Accounts accounts;

    SessionCheck(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof Accounts.Login login && !stillHolds(login.caller())) {
            HttpSession session = request.getSession(false);
            if (session != null) session.invalidate();
            SecurityContextHolder.clearContext();
            if (Denials.api(request)) {
                new Denials().unauthenticated(request, response, "The account was disabled or changed since you signed in; sign in again.",
                        "Tài khoản đã bị khóa hoặc thay đổi sau khi bạn đăng nhập; hãy đăng nhập lại.");
            } else {
                response.sendRedirect(request.getContextPath() + "/login");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillHolds(Caller signedIn) {
        Optional<Accounts.Account> now = accounts.find(signedIn.username());
        return now.isPresent() && now.get().enabled() && now.get().roles().equals(signedIn.roles())
                && now.get().national() == signedIn.national() && now.get().provinces().equals(signedIn.provinces());
    }
}
